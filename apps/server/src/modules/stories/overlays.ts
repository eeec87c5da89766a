import type { FieldErrors } from '../../errors';
import { cleanText, textProblem } from '../text/validate';
import type { Overlay, TextStyle } from './rows';

/**
 * Overlays (text and stickers) are validated into structured JSON stored with the story; clients draw
 * them. Each kind has a nominal box (fractions of the 1080x1920 canvas at scale 1); the box, scaled and
 * rotated, must lie inside the canvas.
 */
export const OVERLAYS_MAX = 10;
export const OVERLAY_TEXT_MAX = 200;
export const POLL_QUESTION_MAX = 80;
export const POLL_OPTION_MAX = 25;
export const STICKER_QUESTION_MAX = 80;
export const TEXT_STYLES: readonly TextStyle[] = ['classic', 'modern', 'neon', 'typewriter', 'strong'];
export const PALETTE: Readonly<Record<string, string>> = {
  WHITE: '#ffffff',
  BLACK: '#000000',
  RED: '#ed4956',
  ORANGE: '#fd8d32',
  YELLOW: '#fdcb5c',
  GREEN: '#78c257',
  BLUE: '#3897f0',
  PURPLE: '#a307ba',
};

const CANVAS = { width: 1080, height: 1920 };
const BOX: Readonly<Record<Overlay['kind'], { w: number; h: number }>> = {
  text: { w: 0.5, h: 0.06 },
  mention: { w: 0.35, h: 0.05 },
  hashtag: { w: 0.35, h: 0.05 },
  poll: { w: 0.7, h: 0.2 },
  slider: { w: 0.7, h: 0.15 },
  question: { w: 0.7, h: 0.18 },
};

export interface OverlayInput {
  kind: string;
  x: number;
  y: number;
  scale?: number | null;
  rotation?: number | null;
  text?: string | null;
  style?: string | null;
  color?: string | null;
  username?: string | null;
  hashtag?: string | null;
  question?: string | null;
  options?: readonly string[] | null;
  emoji?: string | null;
}

/** A mention before it is resolved to an account. */
export type CheckedOverlay =
  | Overlay
  | (Omit<Extract<Overlay, { kind: 'mention' }>, 'userId'> & { userId: null });

const PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
// Modifiers that may follow a pictograph inside one emoji: variation selector, joiner, skin tones.
const EMOJI_PART =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])+$/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One emoji: a single grapheme (a joined family or a flag counts as one), never two side by side. */
export function isEmoji(value: string): boolean {
  return (
    value.length <= 16 &&
    PICTOGRAPH.test(value) &&
    EMOJI_PART.test(value) &&
    [...graphemes.segment(value)].length === 1
  );
}

function required(
  errors: FieldErrors,
  field: string,
  label: string,
  raw: string | null | undefined,
  max: number,
) {
  const value = cleanText(raw ?? '');
  errors.add(field, value === '' ? `${label} is required` : textProblem(value, { label, max }));
  return value;
}

/** The box of an overlay lies within the canvas (after scale and rotation)? */
function insideCanvas(kind: Overlay['kind'], x: number, y: number, scale: number, rotation: number): boolean {
  const w = BOX[kind].w * CANVAS.width * scale;
  const h = BOX[kind].h * CANVAS.height * scale;
  const theta = (rotation * Math.PI) / 180;
  const rw = Math.abs(w * Math.cos(theta)) + Math.abs(h * Math.sin(theta));
  const rh = Math.abs(w * Math.sin(theta)) + Math.abs(h * Math.cos(theta));
  const cx = x * CANVAS.width;
  const cy = y * CANVAS.height;
  const eps = 0.5;
  return (
    cx - rw / 2 >= -eps &&
    cx + rw / 2 <= CANVAS.width + eps &&
    cy - rh / 2 >= -eps &&
    cy + rh / 2 <= CANVAS.height + eps
  );
}

/** Validates overlays into `errors` (fields `overlays.<i>.<name>`); mentions are resolved by the caller. */
export function checkOverlays(inputs: readonly OverlayInput[], errors: FieldErrors): CheckedOverlay[] {
  if (inputs.length > OVERLAYS_MAX)
    errors.add('overlays', `A story can have at most ${OVERLAYS_MAX} overlays`);
  if (inputs.filter((o) => o.kind === 'POLL').length > 1)
    errors.add('overlays', 'A story can have only one poll');
  const out: CheckedOverlay[] = [];
  inputs.slice(0, OVERLAYS_MAX).forEach((input, i) => {
    const f = (name: string) => `overlays.${i}.${name}`;
    const kind = input.kind.toLowerCase() as Overlay['kind'];
    if (!(kind in BOX)) {
      errors.add(f('kind'), 'Unknown overlay kind');
      return;
    }
    const scale = input.scale ?? 1;
    const rotation = input.rotation ?? 0;
    const { x, y } = input;
    let placed = true;
    if (!Number.isFinite(x) || x < 0 || x > 1) {
      errors.add(f('x'), `Overlay ${i} is outside the canvas: x must be between 0 and 1`);
      placed = false;
    }
    if (!Number.isFinite(y) || y < 0 || y > 1) {
      errors.add(f('y'), `Overlay ${i} is outside the canvas: y must be between 0 and 1`);
      placed = false;
    }
    if (!Number.isFinite(scale) || scale < 0.2 || scale > 5) {
      errors.add(f('scale'), 'Scale must be between 0.2 and 5');
      placed = false;
    }
    if (!Number.isFinite(rotation) || rotation < -180 || rotation > 180) {
      errors.add(f('rotation'), 'Rotation must be between -180 and 180 degrees');
      placed = false;
    }
    if (placed && !insideCanvas(kind, x, y, scale, rotation)) {
      errors.add(f('position'), `Overlay ${i} reaches beyond the edge of the canvas`);
    }
    const position = { x, y, scale, rotation };
    switch (kind) {
      case 'text': {
        const text = required(errors, f('text'), 'Text', input.text, OVERLAY_TEXT_MAX);
        const style = (input.style ?? 'CLASSIC').toLowerCase() as TextStyle;
        if (!TEXT_STYLES.includes(style)) errors.add(f('style'), 'Unknown text style');
        const raw = input.color ?? 'WHITE';
        const color = PALETTE[raw] ?? (/^#[0-9a-fA-F]{6}$/.test(raw) ? raw.toLowerCase() : null);
        if (!color) errors.add(f('color'), 'Colour must be a palette name or #rrggbb');
        out.push({ kind, ...position, text, style, color: color ?? '#ffffff' });
        break;
      }
      case 'mention': {
        const username = (input.username ?? '').trim().replace(/^@/, '').toLowerCase();
        if (!/^[a-z0-9._]{1,30}$/.test(username)) errors.add(f('username'), 'Enter a username to mention');
        out.push({ kind, ...position, username, userId: null });
        break;
      }
      case 'hashtag': {
        const hashtag = (input.hashtag ?? '').trim().replace(/^#/, '').toLowerCase();
        if (!/^[\p{L}\p{N}_]{1,100}$/u.test(hashtag))
          errors.add(f('hashtag'), 'Enter a hashtag (letters, digits, _)');
        out.push({ kind, ...position, hashtag });
        break;
      }
      case 'poll': {
        const question = required(errors, f('question'), 'Question', input.question, POLL_QUESTION_MAX);
        const options = (input.options ?? []).map((o, j) =>
          required(errors, `${f('options')}.${j}`, 'Option', o, POLL_OPTION_MAX),
        );
        if (options.length < 2 || options.length > 4) errors.add(f('options'), 'A poll needs 2 to 4 options');
        out.push({ kind, ...position, question, options });
        break;
      }
      case 'slider': {
        const question = required(errors, f('question'), 'Question', input.question, STICKER_QUESTION_MAX);
        const emoji = input.emoji ?? '';
        if (!isEmoji(emoji)) errors.add(f('emoji'), 'Choose one emoji');
        out.push({ kind, ...position, question, emoji });
        break;
      }
      case 'question': {
        const question = required(errors, f('question'), 'Question', input.question, STICKER_QUESTION_MAX);
        out.push({ kind, ...position, question });
        break;
      }
    }
  });
  return out;
}
