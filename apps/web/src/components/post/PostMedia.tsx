import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { Icon } from '../Icon';
import { Picture } from '../Picture';
import styles from './PostMedia.module.css';

export const PostMedia_post = graphql(`
  fragment PostMedia_post on Post {
    id
    status
    author { id username }
    media {
      id
      altText
      status
      image { width height thumbhash dominantColor sources { url width format } }
    }
  }
`);

/** Instagram crops posts between 4:5 (portrait) and 1.91:1 (landscape); the server does too. */
const MIN_RATIO = 4 / 5;
const MAX_RATIO = 1.91;
const DOUBLE_TAP_MS = 300;
const TAP_SLOP_PX = 10;

export function aspectRatioOf(image: { width: number; height: number } | null | undefined): number {
  if (!image || image.width <= 0 || image.height <= 0) return MIN_RATIO;
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, image.width / image.height));
}

/**
 * A post's photos: one, or a carousel (swipe on touch screens through CSS scroll snapping, the
 * "Previous photo"/"Next photo" buttons on hover or focus, the arrow keys, and dots that follow).
 * The box takes the first photo's aspect ratio, so nothing moves when the photos arrive.
 * A double tap (double click) likes the post, with the heart pop.
 */
export function PostMedia({
  post,
  sizes,
  priority = false,
  onDoubleTap,
  dots = 'overlay',
  className,
}: {
  post: FragmentOf<typeof PostMedia_post>;
  sizes: string;
  priority?: boolean;
  onDoubleTap?: () => void;
  /** On the photo (post page), or under it in the actions row (feed), as Instagram does. */
  dots?: 'overlay' | 'below';
  /** For the photo box itself (its border and corners). */
  className?: string;
}) {
  const data = readFragment(PostMedia_post, post);
  const media = data.media;
  const count = media.length;
  const [index, setIndex] = useState(0);
  const [hearts, setHearts] = useState(0);
  const trackRef = useRef<HTMLDivElement>(null);
  const positionId = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  // While a button scrolls the track, the scroll events on the way must not move the dots back.
  const scrollTarget = useRef<number | null>(null);
  const lastTap = useRef<{ time: number; x: number; y: number } | null>(null);
  const lastTouchLike = useRef(0);

  const ratio = aspectRatioOf(media.find((m) => m.image)?.image);
  const processing = data.status === 'PROCESSING';

  const goTo = (next: number) => {
    const target = Math.max(0, Math.min(count - 1, next));
    if (target === index) return;
    setIndex(target);
    const track = trackRef.current;
    if (track && track.clientWidth > 0) {
      scrollTarget.current = target;
      const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      track.scrollTo?.({ left: target * track.clientWidth, behavior: smooth ? 'smooth' : 'auto' });
    }
    // The button that was pressed disappears at either end; keep focus in the carousel.
    if ((target === 0 || target === count - 1) && groupRef.current?.contains(document.activeElement)) {
      trackRef.current?.focus();
    }
  };

  const onScroll = () => {
    const track = trackRef.current;
    if (!track || track.clientWidth === 0) return;
    const current = Math.round(track.scrollLeft / track.clientWidth);
    if (scrollTarget.current !== null) {
      if (current === scrollTarget.current) scrollTarget.current = null;
      return;
    }
    if (current !== index) setIndex(current);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2) return;
    if (event.key === 'ArrowRight') goTo(index + 1);
    else if (event.key === 'ArrowLeft') goTo(index - 1);
    else return;
    event.preventDefault();
  };

  const like = () => {
    setHearts((n) => n + 1);
    onDoubleTap?.();
  };

  useEffect(() => {
    if (hearts === 0) return;
    const timer = setTimeout(() => setHearts(0), 1000);
    return () => clearTimeout(timer);
  }, [hearts]);

  // Touch screens: two taps close in time and place. A mouse uses the native double click.
  const onPointerUp = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' || isControl(event.target)) return;
    const now = event.timeStamp;
    const previous = lastTap.current;
    if (
      previous &&
      now - previous.time < DOUBLE_TAP_MS &&
      Math.abs(event.clientX - previous.x) < TAP_SLOP_PX &&
      Math.abs(event.clientY - previous.y) < TAP_SLOP_PX
    ) {
      lastTap.current = null;
      lastTouchLike.current = Date.now();
      like();
    } else {
      lastTap.current = { time: now, x: event.clientX, y: event.clientY };
    }
  };

  const onDoubleClick = (event: MouseEvent) => {
    if (isControl(event.target) || Date.now() - lastTouchLike.current < 600) return;
    like();
  };

  const dotRow = count > 1 && (
    <div className={`${styles.dots} ${styles[dots]}`} aria-hidden="true">
      {media.map((item, i) => (
        <span key={item.id} className={styles.dot} data-active={i === index || undefined} />
      ))}
    </div>
  );

  return (
    <div className={styles.frame}>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of photos, not a form's fieldset */}
      <div
        ref={groupRef}
        role="group"
        aria-label="Photos"
        aria-roledescription={count > 1 ? 'carousel' : undefined}
        className={`${styles.media} ${className ?? ''}`}
        style={{ aspectRatio: ratio }}
        onKeyDown={onKeyDown}
        onDoubleClick={onDoubleClick}
        onPointerUp={onPointerUp}
      >
        {/* The scrolling strip takes the focus, so the arrow keys (and screen readers) can move it. */}
        <div
          ref={trackRef}
          className={styles.track}
          onScroll={onScroll}
          tabIndex={count > 1 ? 0 : undefined}
          aria-describedby={count > 1 ? positionId : undefined}
        >
          {media.map((item, i) => (
            <div key={item.id} className={styles.slide}>
              {item.image ? (
                <Picture
                  image={item.image}
                  alt={item.altText || `Photo by ${data.author.username}`}
                  sizes={sizes}
                  priority={priority && i === 0}
                  className={styles.image}
                />
              ) : (
                <div className={styles.pending}>
                  {item.status === 'FAILED' ? "This photo couldn't be processed." : null}
                </div>
              )}
            </div>
          ))}
        </div>
        {processing && (
          <p className={styles.processing}>
            <span className={styles.spinner} aria-hidden="true" />
            Processing…
          </p>
        )}
        {count > 1 && (
          <>
            {index > 0 && (
              <button
                type="button"
                className={`${styles.arrow} ${styles.previous}`}
                aria-label="Previous photo"
                onClick={() => goTo(index - 1)}
              >
                <Icon name="chevronLeft" size={16} strokeWidth={3} />
              </button>
            )}
            {index < count - 1 && (
              <button
                type="button"
                className={`${styles.arrow} ${styles.next}`}
                aria-label="Next photo"
                onClick={() => goTo(index + 1)}
              >
                <Icon name="chevronRight" size={16} strokeWidth={3} />
              </button>
            )}
            {dots === 'overlay' && dotRow}
            <p id={positionId} className="visually-hidden" aria-live="polite">
              Photo {index + 1} of {count}
            </p>
          </>
        )}
        {hearts > 0 && (
          <span key={hearts} className={styles.heart} data-testid="heart-pop" aria-hidden="true">
            <Icon name="heart" filled size={96} strokeWidth={0} />
          </span>
        )}
      </div>
      {dots === 'below' && dotRow}
    </div>
  );
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a') !== null;
}
