import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'wouter';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import styles from './Overlays.module.css';
import {
  contrastingText,
  keepPointer,
  type OverlayData,
  overlayPlacement,
  type StickerContext,
} from './OverlaysShared';
import { PollSticker } from './PollSticker';
import { QuestionSticker } from './QuestionSticker';
import { SliderSticker } from './SliderSticker';

/**
 * Texts and stickers drawn over a story's 9:16 canvas by the client (the server keeps them as data, so
 * they stay sharp at any size and their stickers stay live). Each is placed by its centre, scale and
 * rotation; sizes are in container units of the canvas, so a story looks the same on a phone and in the
 * desktop frame. The composer reuses OverlayLayer (or OverlayContent with overlayPlacement) for drafts.
 */

export const Overlays_story = graphql(`
  fragment Overlays_story on Story {
    id
    viewerIsOwner
    overlays {
      index
      kind
      position { x y scale rotation }
      text
      style
      color
      user { id username }
      hashtag
      question
      options
      emoji
    }
    poll { counts total viewerVote }
    slider { average responseCount viewerValue }
  }
`);

function TextOverlay({ overlay }: { overlay: OverlayData }) {
  const color = overlay.color ?? '#ffffff';
  const style = overlay.style ?? 'CLASSIC';
  const css: CSSProperties & Record<'--overlay-color', string> =
    style === 'STRONG'
      ? { '--overlay-color': color, backgroundColor: color, color: contrastingText(color) }
      : { '--overlay-color': color, color };
  return (
    <p className={`${styles.text} ${styles[style.toLowerCase()] ?? ''}`} style={css}>
      {overlay.text}
    </p>
  );
}

/** One overlay's content, without its placement. */
export function OverlayContent({
  overlay,
  stickers,
}: {
  overlay: OverlayData;
  stickers?: StickerContext | null;
}): ReactNode {
  switch (overlay.kind) {
    case 'TEXT':
      return overlay.text ? <TextOverlay overlay={overlay} /> : null;
    case 'MENTION': {
      const username = overlay.user?.username;
      // Null when the viewer may not see the account: nothing to show or link to.
      if (!username) return null;
      return stickers ? (
        <Link href={`/${username}`} className={`${styles.tag} ${styles.live}`} {...keepPointer}>
          <span className={styles.tagText}>@{username}</span>
        </Link>
      ) : (
        <span className={styles.tag}>
          <span className={styles.tagText}>@{username}</span>
        </span>
      );
    }
    case 'HASHTAG': {
      if (!overlay.hashtag) return null;
      return stickers ? (
        <Link
          href={`/explore/tags/${encodeURIComponent(overlay.hashtag)}`}
          className={`${styles.tag} ${styles.live}`}
          {...keepPointer}
        >
          <span className={styles.tagText}>#{overlay.hashtag}</span>
        </Link>
      ) : (
        <span className={styles.tag}>
          <span className={styles.tagText}>#{overlay.hashtag}</span>
        </span>
      );
    }
    case 'POLL':
      return <PollSticker overlay={overlay} stickers={stickers ?? null} />;
    case 'SLIDER':
      return <SliderSticker overlay={overlay} stickers={stickers ?? null} />;
    case 'QUESTION':
      return <QuestionSticker overlay={overlay} stickers={stickers ?? null} />;
  }
}

/** The overlays over a canvas (a positioned box of 9:16), in their order (later ones on top). */
export function OverlayLayer({
  overlays,
  stickers,
}: {
  overlays: readonly OverlayData[];
  stickers?: StickerContext | null;
}) {
  return (
    <div className={styles.layer}>
      {[...overlays]
        .sort((a, b) => a.index - b.index)
        .map((overlay) => (
          <div
            key={overlay.index}
            className={styles.overlay}
            style={overlayPlacement(overlay.position)}
            data-kind={overlay.kind.toLowerCase()}
          >
            <OverlayContent overlay={overlay} stickers={stickers} />
          </div>
        ))}
    </div>
  );
}

/** A published story's overlays, with its stickers answerable. */
export function StoryOverlays({ story: data }: { story: FragmentOf<typeof Overlays_story> }) {
  const story = readFragment(Overlays_story, data);
  return (
    <OverlayLayer
      overlays={story.overlays}
      stickers={{
        storyId: story.id,
        viewerIsOwner: story.viewerIsOwner,
        poll: story.poll,
        slider: story.slider,
      }}
    />
  );
}

export type { OverlayData, OverlayKind, OverlayPosition, StickerContext, TextStyle } from './OverlaysShared';
export { contrastingText, overlayPlacement } from './OverlaysShared';
