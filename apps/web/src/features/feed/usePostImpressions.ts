/**
 * Impressions: which feed posts the viewer actually saw, reported to the ranking (markPostsSeen) so it
 * moves seen posts down and learns from them. A post counts as seen once at least half of it (or, for a
 * post taller than twice the screen, half the screen) has been on screen for a second. Each post is
 * reported once per page load, in batches, and a failed report is dropped: it must never disturb the feed.
 */
import { useCallback, useEffect, useRef } from 'react';
import { type Client, useClient } from 'urql';
import { graphql } from '../../graphql';

const MarkPostsSeenMutation = graphql(`
  mutation MarkPostsSeen($postIds: [ID!]!) {
    markPostsSeen(postIds: $postIds)
  }
`);

/** The server takes at most this many IDs per call. */
export const SEEN_BATCH = 50;
/** How long a post must stay on screen to count as seen. */
export const SEEN_AFTER_MS = 1000;
/** How often collected impressions are sent while the page is open. */
export const SEND_EVERY_MS = 5000;

const VISIBLE_SHARE = 0.5;

interface Reporter {
  /** Queues a post unless it was already reported in this page load. */
  seen(postId: string): void;
  /** Sends everything queued, in batches. */
  flush(): void;
}

function createReporter(client: Client): Reporter {
  const reported = new Set<string>();
  let queue: string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const ids = queue;
    queue = [];
    for (let i = 0; i < ids.length; i += SEEN_BATCH) {
      // Fire and forget: the answer is a bare Boolean, so nothing lands in the normalised cache, and an
      // error is ignored. keepalive lets the last batch leave while the tab is being closed.
      client
        .mutation(
          MarkPostsSeenMutation,
          { postIds: ids.slice(i, i + SEEN_BATCH) },
          { fetchOptions: { credentials: 'same-origin', keepalive: true } },
        )
        .toPromise()
        .catch(() => {});
    }
  };

  return {
    seen(postId) {
      if (reported.has(postId)) return;
      reported.add(postId);
      queue.push(postId);
      timer ??= setTimeout(flush, SEND_EVERY_MS);
    },
    flush,
  };
}

// One reporter per client, so "once per page load" holds across visits to the feed (and tests, which
// each make their own client, start afresh).
const reporters = new WeakMap<Client, Reporter>();

function reporterFor(client: Client): Reporter {
  let reporter = reporters.get(client);
  if (!reporter) {
    reporter = createReporter(client);
    reporters.set(client, reporter);
  }
  return reporter;
}

/** Whether enough of the post is on screen: half of it, or half the screen for a very tall post. */
function onScreenEnough(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= VISIBLE_SHARE) return true;
  const screen = entry.rootBounds?.height ?? window.innerHeight;
  return screen > 0 && entry.intersectionRect.height >= screen * VISIBLE_SHARE;
}

/**
 * Watches posts for impressions while `enabled`. Returns `track(postId)`, a ref callback for the post's
 * element: `<PostCard ref={track(post.id)} />`.
 */
export function usePostImpressions(
  enabled: boolean,
): (postId: string) => (element: HTMLElement | null) => void {
  const client = useClient();
  const observer = useRef<IntersectionObserver | null>(null);
  const ids = useRef(new WeakMap<Element, string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const elements = useRef(new Map<string, HTMLElement>());
  const stopTimer = useCallback((postId: string) => {
    const timer = timers.current.get(postId);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(postId);
  }, []);

  useEffect(() => {
    if (!enabled || typeof IntersectionObserver === 'undefined') return;
    const reporter = reporterFor(client);
    const pending = timers.current;

    const watcher = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const postId = ids.current.get(entry.target);
          if (!postId) continue;
          if (!onScreenEnough(entry)) stopTimer(postId);
          else if (!pending.has(postId)) {
            pending.set(
              postId,
              setTimeout(() => {
                pending.delete(postId);
                reporter.seen(postId);
              }, SEEN_AFTER_MS),
            );
          }
        }
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    observer.current = watcher;
    for (const element of elements.current.values()) watcher.observe(element);

    // Leaving the page (another tab, the app in the background, closing) sends what was collected.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') reporter.flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      watcher.disconnect();
      observer.current = null;
      for (const postId of [...pending.keys()]) stopTimer(postId);
      // Leaving the feed (for a post, a profile) sends them too.
      reporter.flush();
    };
  }, [enabled, client, stopTimer]);

  const callbacks = useRef(new Map<string, (element: HTMLElement | null) => void>());
  return useCallback(
    (postId: string) => {
      let callback = callbacks.current.get(postId);
      if (!callback) {
        callback = (element: HTMLElement | null) => {
          const previous = elements.current.get(postId);
          if (previous && previous !== element) {
            observer.current?.unobserve(previous);
            elements.current.delete(postId);
            // A post that leaves the page before its second is up was not seen.
            stopTimer(postId);
          }
          if (!element) return;
          elements.current.set(postId, element);
          ids.current.set(element, postId);
          observer.current?.observe(element);
        };
        callbacks.current.set(postId, callback);
      }
      return callback;
    },
    [stopTimer],
  );
}
