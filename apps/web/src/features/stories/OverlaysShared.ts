import type { CSSProperties, PointerEvent } from 'react';

/** The overlay data, placement maths and sticker context shared by the viewer's and composer's overlays. */

export type OverlayKind = 'TEXT' | 'MENTION' | 'HASHTAG' | 'POLL' | 'SLIDER' | 'QUESTION';
export type TextStyle = 'CLASSIC' | 'MODERN' | 'NEON' | 'TYPEWRITER' | 'STRONG';

/** Centre in fractions (0..1) of the canvas, scale (1 = natural size) and rotation in degrees. */
export interface OverlayPosition {
  x: number;
  y: number;
  scale: number;
  rotation: number;
}

/** One overlay as the server sends it; a composer's draft has the same shape. */
export interface OverlayData {
  index: number;
  kind: OverlayKind;
  position: OverlayPosition;
  text?: string | null;
  style?: TextStyle | null;
  color?: string | null;
  user?: { username: string } | null;
  hashtag?: string | null;
  question?: string | null;
  options?: readonly string[] | null;
  emoji?: string | null;
}

/** What the stickers of a published story need to be answered: without it they are drawn inert. */
/** Votes per option (for the owner and those who voted), and the option the viewer chose. */
export interface PollResults {
  counts: readonly number[] | null;
  total: number | null;
  viewerVote: number | null;
}

/** The slider's average (0..1) for the owner and those who answered, and the viewer's own answer. */
export interface SliderResults {
  average: number | null;
  responseCount: number | null;
  viewerValue: number | null;
}

export interface StickerContext {
  storyId: string;
  viewerIsOwner: boolean;
  poll: PollResults | null;
  slider: SliderResults | null;
}

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;

/**
 * Where an overlay goes: its box's top-left corner at the centre point, then moved back by half its own
 * size, rotated and scaled about its centre (CSS applies the functions right to left, around the
 * element's centre), so the centre stays on (x, y) whatever the size of the text.
 */
export function overlayPlacement(position: OverlayPosition): CSSProperties {
  const x = clamp(position.x, 0, 1);
  const y = clamp(position.y, 0, 1);
  const scale = clamp(position.scale, 0.2, 5);
  const rotation = clamp(position.rotation, -180, 180);
  return {
    left: `${round(x * 100)}%`,
    top: `${round(y * 100)}%`,
    transform: `translate(-50%, -50%) rotate(${round(rotation)}deg) scale(${round(scale)})`,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function contrastingText(hex: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return '#ffffff';
  const value = Number.parseInt(match[1] ?? 'ffffff', 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.4 ? '#000000' : '#ffffff';
}

/** Pointer events on a sticker are its own: they must not pause the story or move to the next one. */
export const keepPointer = {
  onPointerDown: (event: PointerEvent) => event.stopPropagation(),
  onPointerUp: (event: PointerEvent) => event.stopPropagation(),
};
