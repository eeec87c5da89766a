import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { PostCard, PostCard_post } from '../../components/post/PostCard';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { PostSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './HomePage.module.css';
import { Suggestions, ViewerRow } from './Suggestions';

const PAGE_SIZE = 8;

export const HomeFeedQuery = graphql(
  `
  query HomeFeed($first: Int!, $after: String) {
    viewer { user { id followingCount } }
    homeFeed(first: $first, after: $after) {
      edges { cursor node { id ...PostCard_post } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [PostCard_post],
);

/**
 * Where the feed was, for coming back to it with the browser's Back button: how many posts were
 * shown and how far down the reader was (the posts themselves stay in the cache). The feed's history
 * entry carries the number of the visit this belongs to, so only going back to that entry restores it.
 */
const memory = { visit: 0, shown: PAGE_SIZE, scrollY: 0 };
const VISIT_KEY = 'glimpseFeedVisit';

function isReturnVisit(): boolean {
  const state: unknown = window.history.state;
  return (
    memory.visit > 0 &&
    typeof state === 'object' &&
    state !== null &&
    (state as Record<string, unknown>)[VISIT_KEY] === memory.visit
  );
}

function startVisit() {
  memory.visit += 1;
  memory.shown = PAGE_SIZE;
  memory.scrollY = 0;
  const state: unknown = window.history.state;
  const base = typeof state === 'object' && state !== null ? state : {};
  window.history.replaceState({ ...base, [VISIT_KEY]: memory.visit }, '');
}

const WIDE = '(min-width: 1160px)';

function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia?.(WIDE);
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(WIDE).matches ?? false,
    () => false,
  );
}

/**
 * The home feed: posts from followed accounts and the viewer's own, newest first, loaded a page ahead
 * of the reader; "Suggested for you" beside it on wide screens and in place of an empty feed.
 */
export default function HomePage() {
  const { viewer } = useViewer();
  const wide = useWideScreen();
  const feed = usePagedQuery({
    query: HomeFeedQuery,
    variables: { first: PAGE_SIZE },
    pageInfo: (data) => data.homeFeed.pageInfo,
  });
  const edges = feed.data?.homeFeed.edges ?? [];
  const [returning] = useState(isReturnVisit);
  const [shown, setShown] = useState(() => (returning ? memory.shown : PAGE_SIZE));
  const sentinel = useRef<HTMLDivElement>(null);
  const followsNobody = feed.data?.viewer?.user.followingCount === 0;
  const empty = feed.data !== undefined && edges.length === 0 && !feed.hasNextPage;

  // Keep one page beyond what is shown in the cache, so scrolling never waits for the network.
  const { hasNextPage, loadingMore, loadMoreError, loadMore } = feed;
  useEffect(() => {
    if (feed.data && hasNextPage && !loadingMore && !loadMoreError && edges.length < shown + PAGE_SIZE) {
      void loadMore();
    }
  }, [feed.data, hasNextPage, loadingMore, loadMoreError, edges.length, shown, loadMore]);

  // Near the end of what is shown, show the next page (already cached, or arriving).
  // While the next page is on its way, its skeleton is the end of the list: wait for it.
  const canGrow = shown <= edges.length && (shown < edges.length || hasNextPage);
  // biome-ignore lint/correctness/useExhaustiveDependencies: observe again after each growth, so a sentinel still in view grows the list again
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !canGrow || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE_SIZE);
      },
      { rootMargin: '0px 0px 1200px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [canGrow, edges.length, shown]);

  useEffect(() => {
    memory.shown = shown;
  }, [shown]);

  // Back from a post: the same posts, at the same place. The place is taken at the click that leaves
  // the feed, before the next screen changes the page's height.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit
  useEffect(() => {
    if (!returning) startVisit();
    const remember = () => {
      memory.scrollY = window.scrollY;
    };
    document.addEventListener('click', remember, true);
    return () => document.removeEventListener('click', remember, true);
  }, []);

  const hasData = feed.data !== undefined;
  useLayoutEffect(() => {
    if (!hasData || !returning || memory.scrollY <= 0) return;
    const target = memory.scrollY;
    window.scrollTo(0, target);
    // The browser's own restoration lands a moment later, measured on the previous (shorter) page.
    const timer = setTimeout(() => {
      if (Math.abs(window.scrollY - target) > 1) window.scrollTo(0, target);
    }, 60);
    return () => clearTimeout(timer);
  }, [hasData, returning]);

  const visible = edges.slice(0, shown);
  const waitingForMore = shown > edges.length && hasNextPage;

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Home</h1>
      <div className={styles.feed}>
        {feed.error && !feed.data ? (
          <div className={styles.problem} role="alert">
            <p>{errorMessage(feed.error) ?? "Couldn't load your feed."}</p>
            <button type="button" className="button" onClick={feed.retry}>
              Try again
            </button>
          </div>
        ) : !feed.data ? (
          <div role="status" aria-live="polite">
            <span className="visually-hidden">Loading your feed</span>
            <PostSkeleton />
            <div className={styles.gap} />
            <PostSkeleton />
          </div>
        ) : empty ? (
          <div className={styles.emptyFeed}>
            <p className={styles.welcome}>
              <strong>Welcome to Glimpse</strong>
              <span className="muted">Follow people to see their photos and videos here.</span>
            </p>
            <Suggestions limit={10} variant="feed" />
          </div>
        ) : (
          <>
            {followsNobody && <Suggestions limit={5} variant="feed" />}
            {visible.map((edge, i) => (
              <PostCard key={edge.node.id} post={edge.node} priority={i === 0} />
            ))}
            {waitingForMore && !loadMoreError && (
              <div role="status" aria-live="polite" className={styles.more}>
                <span className="visually-hidden">Loading more posts</span>
                <PostSkeleton />
              </div>
            )}
            {loadMoreError && (
              <div className={styles.problem} role="alert">
                <p>Couldn't load more posts.</p>
                <button type="button" className="button secondary" onClick={feed.retry}>
                  Try again
                </button>
              </div>
            )}
            {!hasNextPage && shown >= edges.length && (
              <p className={styles.caughtUp}>
                <span className={styles.check} aria-hidden="true">
                  ✓
                </span>
                <strong>You're all caught up</strong>
                <span className="muted">You've seen all new posts.</span>
              </p>
            )}
            <div ref={sentinel} className={styles.sentinel} aria-hidden="true" />
          </>
        )}
      </div>
      {wide && viewer && (
        <aside className={styles.aside} aria-label="Your account and suggestions">
          <ViewerRow viewer={viewer} />
          {!empty && !followsNobody && <Suggestions limit={5} variant="aside" />}
          <p className={styles.footer}>© {new Date().getFullYear()} Glimpse</p>
        </aside>
      )}
    </div>
  );
}
