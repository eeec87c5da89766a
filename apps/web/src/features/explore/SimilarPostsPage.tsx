import { useLayoutEffect } from 'react';
import { useLocation } from 'wouter';
import { Icon } from '../../components/Icon';
import { PostCard } from '../../components/post/PostCard';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { PostSkeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/errors';
import { useLoadMoreOnScroll } from '../profile/useLoadMoreOnScroll';
import styles from './Explore.module.css';
import { OPENED_FROM_EXPLORE } from './ExploreGrid';
import { SIMILAR_PAGE, SimilarPostsQuery } from './queries';

const SEEN_KEY = 'glimpseSimilarSeen';

function historyState(): Record<string, unknown> {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

/** Whether the grid opened this page (its history entry says so): Back then returns to the same place. */
function openedFromExplore(): boolean {
  return historyState().exploreOpener === OPENED_FROM_EXPLORE.exploreOpener;
}

/**
 * A tile tapped far down the grid opens the feed at its top; coming back to this feed (from a post or a
 * profile) leaves the browser's own scroll position alone.
 */
function scrollToTopOnFirstVisit(postId: string) {
  const state = historyState();
  if (state[SEEN_KEY] === postId) return;
  window.scrollTo(0, 0);
  window.history.replaceState({ ...state, [SEEN_KEY]: postId }, '');
}

/**
 * The feed a tapped Explore tile opens (/explore/p/:postId): that post first, as in the home feed, then
 * posts like it as the reader scrolls.
 */
export default function SimilarPostsPage({ postId }: { postId: string }) {
  const [, navigate] = useLocation();
  const similar = usePagedQuery({
    query: SimilarPostsQuery,
    variables: { postId, first: SIMILAR_PAGE },
    pageInfo: (data) => data.similarPosts.pageInfo,
  });
  const { data, error, hasNextPage, loadingMore, loadMoreError } = similar;
  const sentinel = useLoadMoreOnScroll(
    () => void similar.loadMore(),
    hasNextPage && !loadingMore && !loadMoreError,
  );
  const edges = data?.similarPosts.edges ?? [];

  useLayoutEffect(() => scrollToTopOnFirstVisit(postId), [postId]);

  const back = () => {
    if (openedFromExplore()) window.history.back();
    else navigate('/explore');
  };

  return (
    <div className={styles.feed}>
      <div className={styles.bar}>
        <button type="button" className={styles.back} onClick={back} aria-label="Back">
          <Icon name="chevronLeft" size={24} />
        </button>
        <h1>Explore</h1>
      </div>
      {!data && error ? (
        <div className={styles.problem} role="alert">
          <p>{errorMessage(error) ?? "Couldn't load these posts."}</p>
          <button type="button" className="button" onClick={similar.retry}>
            Try again
          </button>
        </div>
      ) : !data ? (
        <div role="status" aria-live="polite" className={styles.posts}>
          <span className="visually-hidden">Loading posts</span>
          <PostSkeleton />
        </div>
      ) : edges.length === 0 ? (
        <p className={styles.empty}>
          <strong>Post unavailable</strong>
          <span className="muted">This post may have been removed.</span>
        </p>
      ) : (
        <div className={styles.posts}>
          {edges.map((edge, i) => (
            <PostCard key={edge.node.id} post={edge.node} priority={i === 0} />
          ))}
          <div ref={sentinel} className={styles.sentinel}>
            {loadingMore && (
              <span className={styles.spinner} role="status">
                <span className="visually-hidden">Loading more posts</span>
              </span>
            )}
          </div>
          {loadMoreError && (
            <div className={styles.problem} role="alert">
              <p>Couldn't load more posts.</p>
              <button type="button" className="button secondary" onClick={similar.retry}>
                Try again
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
