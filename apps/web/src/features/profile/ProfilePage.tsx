import { useEffect } from 'react';
import { useQuery } from 'urql';
import { Redirect, useLocation } from 'wouter';
import { Icon } from '../../components/Icon';
import { Skeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { useViewer } from '../../lib/viewer';
import NotFoundPage from '../NotFoundPage';
import { HighlightsRow } from '../stories/highlights/HighlightsRow';
import styles from './Profile.module.css';
import { ProfileHeader, ProfileHeader_user } from './ProfileHeader';
import { PostsTab, ProfileTabs, SavedTab } from './ProfileTabs';
import { UserListDialog } from './UserListDialog';
import { useProfileVisit } from './useProfileVisit';

const ProfileQuery = graphql(
  `
  query Profile($username: String!) {
    user(username: $username) {
      id
      username
      displayName
      viewerFollowState
      viewerCanSeeContent
      viewerBlocks
      ...ProfileHeader_user
    }
  }
`,
  [ProfileHeader_user],
);

const SECTIONS = [null, 'saved', 'followers', 'following'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (tab: string | null): tab is Section =>
  (SECTIONS as readonly (string | null)[]).includes(tab);

function HeaderSkeleton() {
  return (
    <div className={styles.header} role="status" aria-live="polite">
      <span className="visually-hidden">Loading profile</span>
      <div className={styles.avatar}>
        <Skeleton width="100%" height="100%" round />
      </div>
      <div className={styles.titleRow}>
        <Skeleton width={160} height={20} />
      </div>
      <div className={styles.bio}>
        <Skeleton width={220} height={14} />
      </div>
    </div>
  );
}

/**
 * A profile at /:username, its saved posts at /:username/saved (owner only), and its follower and
 * following lists as dialogs at /:username/followers and /:username/following.
 */
export default function ProfilePage({ username, tab }: { username: string; tab: string | null }) {
  const [, navigate] = useLocation();
  // Follow state, counts and privacy change with what other people do: always ask the server as well.
  const [result] = useQuery({
    query: ProfileQuery,
    variables: { username },
    requestPolicy: 'cache-and-network',
  });
  const user = result.data?.user;
  const { viewer } = useViewer();
  useProfileVisit(viewer && user && user.viewerFollowState !== 'SELF' ? user.id : null);

  useEffect(() => {
    if (user) document.title = `${user.displayName || user.username} (@${user.username}) • Glimpse`;
    return () => {
      document.title = 'Glimpse';
    };
  }, [user]);

  if (!isSection(tab)) return <NotFoundPage />;
  if (!result.data && result.fetching) {
    return (
      <div className={styles.page}>
        <HeaderSkeleton />
      </div>
    );
  }
  if (!user) return result.error && !result.data ? <ErrorState /> : <NotFoundPage />;

  const isSelf = user.viewerFollowState === 'SELF';
  if (tab === 'saved' && !isSelf) return <Redirect to={`/${user.username}`} replace />;
  const list = tab === 'followers' || tab === 'following' ? tab : null;
  const listOpen = list !== null && user.viewerCanSeeContent && !user.viewerBlocks;

  return (
    <div className={styles.page}>
      <ProfileHeader user={user} />
      {user.viewerCanSeeContent && !user.viewerBlocks && (
        <HighlightsRow username={user.username} isOwner={isSelf} />
      )}
      {user.viewerBlocks ? (
        <div className={styles.notice}>
          <h2 className={styles.noticeTitle}>You blocked {user.username}</h2>
          <p className={styles.noticeText}>
            They can't see your profile or posts, and you won't see theirs. To unblock, use Options.
          </p>
        </div>
      ) : !user.viewerCanSeeContent ? (
        <div className={styles.notice}>
          <span className={styles.noticeIcon}>
            <Icon name="lock" size={28} strokeWidth={1.5} />
          </span>
          <h2 className={styles.noticeTitle}>This account is private</h2>
          <p className={styles.noticeText}>Follow to see their photos and videos.</p>
        </div>
      ) : (
        <ProfileTabs
          username={user.username}
          current={tab === 'saved' ? 'saved' : 'posts'}
          showSaved={isSelf}
        >
          {tab === 'saved' ? (
            <SavedTab />
          ) : (
            <PostsTab key={user.id} username={user.username} isSelf={isSelf} />
          )}
        </ProfileTabs>
      )}
      {listOpen && (
        <UserListDialog
          key={`${user.id}-${list}`}
          username={user.username}
          list={list}
          isOwn={isSelf}
          onClose={() => navigate(`/${user.username}`)}
        />
      )}
    </div>
  );
}

function ErrorState() {
  return (
    <div className={styles.notice} role="alert">
      <h1 className={styles.noticeTitle}>Couldn't load this profile</h1>
      <p className={styles.noticeText}>Check your connection and try again.</p>
    </div>
  );
}
