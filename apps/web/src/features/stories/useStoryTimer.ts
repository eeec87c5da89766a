import { useEffect, useLayoutEffect, useRef } from 'react';

/** How long a photo story shows, as on Instagram. */
export const PHOTO_STORY_MS = 5000;

/**
 * A story's clock: `onDone` runs once `durationMs` of unpaused time has passed since `key` last changed.
 * Pausing keeps the time spent so far, so holding a story and letting go finishes it, rather than
 * starting it again. The progress bar follows the same time with a CSS animation paused alike.
 */
export function useStoryTimer(
  key: string,
  paused: boolean,
  onDone: () => void,
  durationMs: number = PHOTO_STORY_MS,
): void {
  const elapsed = useRef(0);
  const timing = useRef(key);
  const done = useRef(onDone);
  useLayoutEffect(() => {
    done.current = onDone;
  });

  useEffect(() => {
    // Cleanups run before effects: the previous story's time was added, and is dropped here.
    if (timing.current !== key) {
      timing.current = key;
      elapsed.current = 0;
    }
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(
      () => {
        elapsed.current = durationMs;
        done.current();
      },
      Math.max(0, durationMs - elapsed.current),
    );
    return () => {
      clearTimeout(timer);
      elapsed.current = Math.min(durationMs, elapsed.current + Date.now() - started);
    };
  }, [key, paused, durationMs]);
}
