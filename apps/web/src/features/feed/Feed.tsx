import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PostCard } from '../../components/post/PostCard';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { PostSkeleton } from '../../components/Skeleton';
import type { ResultOf } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { FavoritesBar, FavoritesEmpty, ManageFavoritesDialog } from './Favorites';
import { FeedReason } from './FeedReason';
import styles from './HomePage.module.css';
import { FavoritesFeedQuery, HomeFeedQuery, PAGE_SIZE } from './queries';
import { Suggestions } from './Suggestions';
import { usePostImpressions } from './usePostImpressions';
import type { FeedVariant } from './variants';

type FeedEdge = ResultOf<typeof HomeFeedQuery>['feed']['edges'][number];

/**
 * Where each feed variant was, for coming back to it with the browser's Back button: how many posts
 * were shown and how far down the reader was (the posts themselves stay in the cache). The variant's
 * history entry carries the number of the visit this belongs to, so only going back to that entry
 * restores it.
 */
interface Place {
  visit: number;
  shown: number;
  scrollY: number;
}
const places: Record<FeedVariant, Place> = {
  home: { visit: 0, shown: PAGE_SIZE, scrollY: 0 },
  following: { visit: 0, shown: PAGE_SIZE, scrollY: 0 },
  favorites: { visit: 0, shown: PAGE_SIZE, scrollY: 0 },
};
let visits = 0;
const VISIT_KEY = 'glimpseFeedVisit';

function isReturnVisit(variant: FeedVariant): boolean {
  const state: unknown = window.history.state;
  return (
    places[variant].visit > 0 &&
    typeof state === 'object' &&
    state !== null &&
    (state as Record<string, unknown>)[VISIT_KEY] === places[variant].visit
  );
}

function startVisit(variant: FeedVariant) {
  visits += 1;
  places[variant] = { visit: visits, shown: PAGE_SIZE, scrollY: 0 };
  const state: unknown = window.history.state;
  const base = typeof state === 'object' && state !== null ? state : {};
  window.history.replaceState({ ...base, [VISIT_KEY]: visits }, '');
}

/** One variant's pages: Home and Following from homeFeed (by order), Favorites from favoritesFeed. */
function useFeed(variant: FeedVariant) {
  const favorites = variant === 'favorites';
  const ranked = usePagedQuery({
    query: HomeFeedQuery,
    variables: { first: PAGE_SIZE, order: variant === 'following' ? 'CHRONOLOGICAL' : 'RANKED' },
    pageInfo: (data) => data.feed.pageInfo,
    pause: favorites,
  });
  const favored = usePagedQuery({
    query: FavoritesFeedQuery,
    variables: { first: PAGE_SIZE },
    pageInfo: (data) => data.feed.pageInfo,
    pause: !favorites,
  });
  const current = favorites ? favored : ranked;
  const data = favorites ? favored.data : ranked.data;
  const edges: readonly FeedEdge[] = data?.feed.edges ?? [];
  return {
    error: current.error,
    hasNextPage: current.hasNextPage,
    loadMore: current.loadMore,
    loadingMore: current.loadingMore,
    loadMoreError: current.loadMoreError,
    retry: current.retry,
    loaded: data !== undefined,
    edges,
    followsNobody: data?.viewer?.user.followingCount === 0,
    favoriteCount: favored.data?.viewer?.favorites.length ?? 0,
  };
}

/**
 * One feed variant, loaded a page ahead of the reader, with its own place to come back to. Home and
 * Following report the posts the viewer saw to the ranking; an empty feed offers accounts to follow, an
 * empty Favorites explains how to add some. `onSuggestions` tells the page whether suggestions are
 * already shown here, so the column beside does not repeat them.
 */
export function Feed({
  variant,
  onSuggestions,
}: {
  variant: FeedVariant;
  onSuggestions: (shownInFeed: boolean) => void;
}) {
  const feed = useFeed(variant);
  const { edges, loaded } = feed;
  const [returning] = useState(() => isReturnVisit(variant));
  const [shown, setShown] = useState(() => (returning ? places[variant].shown : PAGE_SIZE));
  const [managing, setManaging] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const track = usePostImpressions(variant !== 'favorites');
  const favorites = variant === 'favorites';
  const empty = loaded && edges.length === 0 && !feed.hasNextPage;
  const suggest = !favorites && (empty || feed.followsNobody);

  useEffect(() => {
    onSuggestions(suggest);
  }, [onSuggestions, suggest]);

  // Keep one page beyond what is shown in the cache, so scrolling never waits for the network.
  const { hasNextPage, loadingMore, loadMoreError, loadMore } = feed;
  useEffect(() => {
    if (loaded && hasNextPage && !loadingMore && !loadMoreError && edges.length < shown + PAGE_SIZE) {
      void loadMore();
    }
  }, [loaded, hasNextPage, loadingMore, loadMoreError, edges.length, shown, loadMore]);

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
    places[variant].shown = shown;
  }, [variant, shown]);

  // Back from a post: the same posts, at the same place. The place is taken at the click that leaves
  // the feed (for a post, or another variant), before the next screen changes the page's height.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit (the page keys this by variant)
  useEffect(() => {
    if (!returning) startVisit(variant);
    const remember = () => {
      places[variant].scrollY = window.scrollY;
    };
    document.addEventListener('click', remember, true);
    return () => document.removeEventListener('click', remember, true);
  }, []);

  useLayoutEffect(() => {
    const target = places[variant].scrollY;
    if (!loaded || !returning || target <= 0) return;
    window.scrollTo(0, target);
    // The browser's own restoration lands a moment later, measured on the previous (shorter) page.
    const timer = setTimeout(() => {
      if (Math.abs(window.scrollY - target) > 1) window.scrollTo(0, target);
    }, 60);
    return () => clearTimeout(timer);
  }, [loaded, returning, variant]);

  const visible = edges.slice(0, shown);
  const waitingForMore = shown > edges.length && hasNextPage;
  const manage = () => setManaging(true);

  return (
    <>
      {feed.error && !loaded ? (
        <div className={styles.problem} role="alert">
          <p>{errorMessage(feed.error) ?? "Couldn't load your feed."}</p>
          <button type="button" className="button" onClick={feed.retry}>
            Try again
          </button>
        </div>
      ) : !loaded ? (
        <div role="status" aria-live="polite">
          <span className="visually-hidden">Loading your feed</span>
          <PostSkeleton />
          <div className={styles.gap} />
          <PostSkeleton />
        </div>
      ) : empty && favorites ? (
        <FavoritesEmpty hasFavorites={feed.favoriteCount > 0} onManage={manage} />
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
          {favorites && <FavoritesBar count={feed.favoriteCount} onManage={manage} />}
          {suggest && <Suggestions limit={5} variant="feed" />}
          {visible.map((edge, i) => (
            <Fragment key={edge.node.id}>
              {edge.reason && <FeedReason reason={edge.reason} />}
              <PostCard ref={track(edge.node.id)} post={edge.node} priority={i === 0} />
            </Fragment>
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
              <span className="muted">
                {favorites ? "You've seen all posts from your favorites." : "You've seen all new posts."}
              </span>
            </p>
          )}
          <div ref={sentinel} className={styles.sentinel} aria-hidden="true" />
        </>
      )}
      {managing && <ManageFavoritesDialog onClose={() => setManaging(false)} />}
    </>
  );
}
