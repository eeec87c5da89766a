import { usePagedQuery } from '../../components/post/usePagedQuery';
import { errorMessage } from '../../lib/errors';
import { useLoadMoreOnScroll } from '../profile/useLoadMoreOnScroll';
import styles from './Explore.module.css';
import { ExploreGrid, ExploreGridSkeleton } from './ExploreGrid';
import { EXPLORE_PAGE, ExploreQuery } from './queries';

/** Explore (/explore): posts picked for the viewer from accounts they don't follow, page after page. */
export default function ExplorePage() {
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Explore</h1>
      <ExploreFeed />
    </div>
  );
}

/** The Explore grid with its states and infinite scroll; also under the search box, as in Instagram's app. */
export function ExploreFeed() {
  const explore = usePagedQuery({
    query: ExploreQuery,
    variables: { first: EXPLORE_PAGE },
    pageInfo: (data) => data.explore.pageInfo,
  });
  const { data, error, hasNextPage, loadingMore, loadMoreError } = explore;
  const sentinel = useLoadMoreOnScroll(
    () => void explore.loadMore(),
    hasNextPage && !loadingMore && !loadMoreError,
  );
  const posts = data?.explore.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      {!data && error ? (
        <div className={styles.problem} role="alert">
          <p>{errorMessage(error) ?? "Couldn't load Explore."}</p>
          <button type="button" className="button" onClick={explore.retry}>
            Try again
          </button>
        </div>
      ) : !data ? (
        <div role="status" aria-live="polite">
          <span className="visually-hidden">Loading Explore</span>
          <ExploreGridSkeleton />
        </div>
      ) : posts.length === 0 ? (
        <p className={styles.empty}>
          <strong>Nothing to explore yet</strong>
          <span className="muted">Posts from people you don't follow will show up here.</span>
        </p>
      ) : (
        <>
          <ExploreGrid posts={posts} />
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
              <button type="button" className="button secondary" onClick={explore.retry}>
                Try again
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
