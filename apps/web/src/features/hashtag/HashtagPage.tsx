import { useEffect } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { Skeleton } from '../../components/Skeleton';
import { useViewer } from '../../lib/viewer';
import { ProfileGrid } from '../profile/ProfileGrid';
import { postCountLabel } from '../search/SearchRows';
import styles from './Hashtag.module.css';
import { HashtagFollowButton } from './HashtagFollowButton';
import { HashtagPageQuery, HashtagRecentPostsQuery } from './queries';

const noMore = () => {};

/** A hashtag's newest posts, a page at a time as the end of the grid comes into view. */
function RecentPosts({ name }: { name: string }) {
  const paged = usePagedQuery({
    query: HashtagRecentPostsQuery,
    variables: { name },
    pageInfo: (data) => data.hashtag?.recentPosts.pageInfo,
  });
  const posts = paged.data?.hashtag?.recentPosts.edges.map((edge) => edge.node) ?? [];
  if (!paged.data && paged.error) {
    return (
      <div role="alert" className={styles.message}>
        <p>Couldn't load recent posts.</p>
        <button type="button" className="button secondary" onClick={paged.retry}>
          Try again
        </button>
      </div>
    );
  }
  if (paged.data && posts.length === 0) return <p className={styles.message}>No recent posts.</p>;
  return (
    <>
      <ProfileGrid
        posts={posts}
        label={`Recent posts tagged #${name}`}
        hasMore={paged.hasNextPage && !paged.loadMoreError}
        loading={paged.loadingMore || (!paged.data && paged.fetching)}
        onLoadMore={paged.loadMore}
      />
      {paged.loadMoreError && (
        <div role="alert" className={styles.message}>
          <p>Couldn't load more posts.</p>
          <button type="button" className="button secondary" onClick={paged.retry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}

function HeaderSkeleton() {
  return (
    <div className={styles.header} role="status">
      <span className="visually-hidden">Loading hashtag</span>
      <Skeleton width={96} height={96} round />
      <div className={styles.summary}>
        <Skeleton width={160} height={22} />
        <Skeleton width={90} height={14} />
      </div>
    </div>
  );
}

/** A hashtag at /explore/tags/:name: its count and follow button, related tags, top posts, then the newest. */
export default function HashtagPage({ name }: { name: string }) {
  const { viewer } = useViewer();
  // The count and the follow state move with what others post and with other devices.
  const [result, refetch] = useQuery({
    query: HashtagPageQuery,
    variables: { name },
    requestPolicy: 'cache-and-network',
  });
  const hashtag = result.data?.hashtag;

  useEffect(() => {
    document.title = `#${hashtag?.name ?? name} hashtag • Glimpse`;
    return () => {
      document.title = 'Glimpse';
    };
  }, [hashtag?.name, name]);

  if (!result.data && result.fetching) {
    return (
      <div className={styles.page}>
        <HeaderSkeleton />
      </div>
    );
  }
  if (!result.data && result.error) {
    return (
      <div className={styles.page}>
        <div role="alert" className={styles.message}>
          <h1 className={styles.messageTitle}>Couldn't load #{name}</h1>
          <p>Check your connection and try again.</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          >
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!hashtag) {
    return (
      <div className={styles.page}>
        <section className={styles.message} aria-labelledby="hashtag-missing">
          <h1 id="hashtag-missing" className={styles.messageTitle}>
            No posts for #{name}
          </h1>
          <p>Nobody has used this hashtag on a post you can see yet.</p>
          <Link href="/explore/search" className="entity">
            Search for something else
          </Link>
        </section>
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <span className={styles.badge} aria-hidden="true">
          #
        </span>
        <div className={styles.summary}>
          <h1 className={styles.name}>#{hashtag.name}</h1>
          <p className={styles.count}>{postCountLabel(hashtag.postCount)}</p>
          {viewer && <HashtagFollowButton name={hashtag.name} following={hashtag.viewerFollows} />}
        </div>
      </header>
      {hashtag.related.length > 0 && (
        <nav aria-label="Related hashtags">
          <ul className={styles.chips}>
            {hashtag.related.map((tag) => (
              <li key={tag.name}>
                <Link href={`/explore/tags/${encodeURIComponent(tag.name)}`} className={styles.chip}>
                  #{tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {hashtag.topPosts.length > 0 && (
        <section aria-labelledby="hashtag-top">
          <h2 id="hashtag-top" className={styles.heading}>
            Top posts
          </h2>
          <ProfileGrid
            posts={hashtag.topPosts}
            label={`Top posts tagged #${hashtag.name}`}
            hasMore={false}
            loading={false}
            onLoadMore={noMore}
          />
        </section>
      )}
      <section aria-labelledby="hashtag-recent">
        <h2 id="hashtag-recent" className={styles.heading}>
          Recent
        </h2>
        <RecentPosts key={hashtag.name} name={hashtag.name} />
      </section>
    </div>
  );
}
