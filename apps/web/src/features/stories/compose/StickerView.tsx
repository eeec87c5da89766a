import { OverlayContent, type OverlayData, overlayPlacement } from '../Overlays';
import { type DraftOverlay, PALETTE, type PaletteName } from './overlays';

const isPaletteName = (color: string): color is PaletteName => color in PALETTE;

/**
 * A draft overlay as the story viewer's overlay data, so the composer shows it exactly as viewers will
 * see it; empty fields show a placeholder (the viewer draws nothing for them).
 */
export function toOverlayData(overlay: DraftOverlay, index: number): OverlayData {
  const position = { x: overlay.x, y: overlay.y, scale: overlay.scale, rotation: overlay.rotation };
  const base = { index, kind: overlay.kind, position };
  switch (overlay.kind) {
    case 'TEXT':
      return {
        ...base,
        text: overlay.text || 'Type something',
        style: overlay.style,
        color: isPaletteName(overlay.color) ? PALETTE[overlay.color] : overlay.color,
      };
    case 'MENTION':
      return { ...base, user: { username: overlay.username.replace(/^@/, '') || 'username' } };
    case 'HASHTAG':
      return { ...base, hashtag: overlay.hashtag.replace(/^#/, '') || 'hashtag' };
    case 'POLL':
      return {
        ...base,
        question: overlay.question || 'Ask a question…',
        options: overlay.options.map((option, i) => option || `Option ${i + 1}`),
      };
    case 'SLIDER':
      return { ...base, question: overlay.question || 'Ask a question…', emoji: overlay.emoji || '😍' };
    case 'QUESTION':
      return { ...base, question: overlay.question || 'Ask me a question' };
  }
}

/** Where an overlay sits on the canvas: the viewer's own placement (centre, then rotation and scale). */
export function placementStyle(overlay: DraftOverlay) {
  return overlayPlacement({ x: overlay.x, y: overlay.y, scale: overlay.scale, rotation: overlay.rotation });
}

/** How an overlay looks on the 9:16 canvas: drawn by the story viewer's overlay components, inert. */
export function StickerFace({ overlay, index }: { overlay: DraftOverlay; index: number }) {
  return <OverlayContent overlay={toOverlayData(overlay, index)} stickers={null} />;
}

/** A short name for an overlay, for screen readers and lists. */
export function overlayLabel(overlay: DraftOverlay): string {
  switch (overlay.kind) {
    case 'TEXT':
      return `Text: ${overlay.text || 'empty'}`;
    case 'MENTION':
      return `Mention: @${overlay.username || '…'}`;
    case 'HASHTAG':
      return `Hashtag: #${overlay.hashtag || '…'}`;
    case 'POLL':
      return `Poll: ${overlay.question || 'no question yet'}`;
    case 'SLIDER':
      return `Emoji slider: ${overlay.question || 'no question yet'}`;
    case 'QUESTION':
      return `Question: ${overlay.question || 'no question yet'}`;
  }
}
