import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { Icon } from '../../components/Icon';
import { graphql } from '../../graphql';
import styles from './Profile.module.css';
import { ProfileGrid, ProfileGrid_post } from './ProfileGrid';

const PAGE_SIZE = 12;

const ProfilePostsQuery = graphql(
  `
  query ProfilePosts($username: String!, $first: Int!, $after: String) {
    user(username: $username) {
      id
      posts(first: $first, after: $after) {
        edges { node { id ...ProfileGrid_post } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [ProfileGrid_post],
);

const SavedPostsQuery = graphql(
  `
  query SavedPosts($first: Int!, $after: String) {
    viewer {
      savedPosts(first: $first, after: $after) {
        edges { node { id ...ProfileGrid_post } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [ProfileGrid_post],
);

// Grids change with what others post and save: each visit shows the cached grid and asks the server too.

/** The last data a query had, so the grid stays put while the next page is on its way. */
function useLastData<T>(data: T | undefined): T | undefined {
  const last = useRef(data);
  if (data !== undefined) last.current = data;
  return data ?? last.current;
}

export type ProfileTab = 'posts' | 'saved';

/** "Posts" and, on your own profile, "Saved": links (each is its own address) in a tab list. */
export function ProfileTabs({
  username,
  current,
  showSaved,
  children,
}: {
  username: string;
  current: ProfileTab;
  showSaved: boolean;
  children: ReactNode;
}) {
  const [, navigate] = useLocation();
  const tabs = [
    { id: 'posts' as const, label: 'Posts', href: `/${username}`, icon: 'grid' as const },
    ...(showSaved
      ? [{ id: 'saved' as const, label: 'Saved', href: `/${username}/saved`, icon: 'bookmark' as const }]
      : []),
  ];
  // Arrow keys move between tabs, as the tab pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = tabs.findIndex((t) => t.id === current);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
    if (next && next.id !== current) {
      event.preventDefault();
      navigate(next.href);
      requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
    }
  };
  return (
    <div className={styles.tabsWrap}>
      <div role="tablist" aria-label="Profile sections" className={styles.tabs} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <Link
            key={tab.id}
            id={`tab-${tab.id}`}
            href={tab.href}
            role="tab"
            aria-selected={tab.id === current}
            aria-controls="profile-tabpanel"
            tabIndex={tab.id === current ? 0 : -1}
            className={`${styles.tab} ${tab.id === current ? styles.tabActive : ''}`}
          >
            <Icon name={tab.icon} size={14} />
            {tab.label}
          </Link>
        ))}
      </div>
      <div id="profile-tabpanel" role="tabpanel" aria-labelledby={`tab-${current}`}>
        {children}
      </div>
    </div>
  );
}

function EmptyState({
  icon,
  title,
  children,
}: {
  icon: 'camera' | 'bookmark';
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className={styles.empty}>
      <span className={styles.emptyIcon}>
        <Icon name={icon} size={34} strokeWidth={1.5} />
      </span>
      <h2 className={styles.emptyTitle}>{title}</h2>
      {children}
    </div>
  );
}

export function PostsTab({ username, isSelf }: { username: string; isSelf: boolean }) {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery({
    query: ProfilePostsQuery,
    variables: { username, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const data = useLastData(result.data);
  const posts = data?.user?.posts;
  if (!posts) return null;
  if (posts.edges.length === 0) {
    return isSelf ? (
      <EmptyState icon="camera" title="Share photos">
        <p className={styles.emptyText}>When you share photos, they will appear on your profile.</p>
        <Link href="/create" className="link-button">
          Share your first photo
        </Link>
      </EmptyState>
    ) : (
      <EmptyState icon="camera" title="No posts yet" />
    );
  }
  return (
    <ProfileGrid
      posts={posts.edges.map((e) => e.node)}
      label={`Posts by ${username}`}
      hasMore={posts.pageInfo.hasNextPage}
      loading={result.fetching}
      onLoadMore={() => setAfter(posts.pageInfo.endCursor ?? null)}
    />
  );
}

export function SavedTab() {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery({
    query: SavedPostsQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const data = useLastData(result.data);
  const saved = data?.viewer?.savedPosts;
  if (!saved) return null;
  if (saved.edges.length === 0) {
    return (
      <EmptyState icon="bookmark" title="Save">
        <p className={styles.emptyText}>
          Save photos that you want to see again. No one is notified, and only you can see what you've saved.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className={styles.savedNote}>Only you can see what you've saved</p>
      <ProfileGrid
        posts={saved.edges.map((e) => e.node)}
        label="Saved posts"
        hasMore={saved.pageInfo.hasNextPage}
        loading={result.fetching}
        onLoadMore={() => setAfter(saved.pageInfo.endCursor ?? null)}
      />
    </>
  );
}
