import { useEffect, useRef } from 'react';

/**
 * Calls `loadMore` when the returned element comes within a screen of the viewport: infinite scroll for
 * a keyset-paged list. Keyboard and screen-reader users reach the same element by moving through the
 * list, so nothing is only reachable by scrolling.
 */
export function useLoadMoreOnScroll(loadMore: () => void, enabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(loadMore);
  latest.current = loadMore;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !enabled) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) latest.current();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [enabled]);

  return sentinel;
}
