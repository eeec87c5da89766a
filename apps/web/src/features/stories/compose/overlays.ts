/**
 * The story composer's overlays (text and stickers) as the author edits them, the limits the API checks
 * (modules/stories/overlays.ts), and their mapping to StoryOverlayInput. Positions are the overlay's
 * centre in fractions of the 9:16 canvas; each kind has the API's nominal box at scale 1, which, scaled
 * and rotated, must stay inside the canvas.
 */
import type { VariablesOf } from '../../../graphql';
import { graphql } from '../../../graphql';

export const OVERLAYS_MAX = 10;
export const TEXT_MAX = 200;
export const POLL_QUESTION_MAX = 80;
export const POLL_OPTION_MAX = 25;
export const STICKER_QUESTION_MAX = 80;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 4;
export const SCALE_MIN = 0.2;
export const SCALE_MAX = 5;

export type OverlayKind = 'TEXT' | 'MENTION' | 'HASHTAG' | 'POLL' | 'SLIDER' | 'QUESTION';
export type TextStyle = 'CLASSIC' | 'MODERN' | 'NEON' | 'TYPEWRITER' | 'STRONG';
export const TEXT_STYLES: readonly TextStyle[] = ['CLASSIC', 'MODERN', 'NEON', 'TYPEWRITER', 'STRONG'];

export const PALETTE = {
  WHITE: '#ffffff',
  BLACK: '#000000',
  RED: '#ed4956',
  ORANGE: '#fd8d32',
  YELLOW: '#fdcb5c',
  GREEN: '#78c257',
  BLUE: '#3897f0',
  PURPLE: '#a307ba',
} as const;
export type PaletteName = keyof typeof PALETTE;

/** The nominal box of each kind at scale 1, in fractions of the canvas's width and height. */
export const BOX: Readonly<Record<OverlayKind, { w: number; h: number }>> = {
  TEXT: { w: 0.5, h: 0.06 },
  MENTION: { w: 0.35, h: 0.05 },
  HASHTAG: { w: 0.35, h: 0.05 },
  POLL: { w: 0.7, h: 0.2 },
  SLIDER: { w: 0.7, h: 0.15 },
  QUESTION: { w: 0.7, h: 0.18 },
};

/** The canvas's aspect (height over width): the boxes' fractions mean different lengths on each axis. */
const CANVAS_RATIO = 16 / 9;

export interface Placement {
  x: number;
  y: number;
  scale: number;
  rotation: number;
}

interface Base extends Placement {
  /** Local only: tells overlays apart while editing. */
  id: string;
}

export type DraftOverlay =
  | (Base & {
      kind: 'TEXT';
      text: string;
      style: TextStyle /** A palette name, or #rrggbb (as the API answers). */;
      color: string;
    })
  | (Base & { kind: 'MENTION'; username: string })
  | (Base & { kind: 'HASHTAG'; hashtag: string })
  | (Base & { kind: 'POLL'; question: string; options: string[] })
  | (Base & { kind: 'SLIDER'; question: string; emoji: string })
  | (Base & { kind: 'QUESTION'; question: string });

let nextId = 0;

/** Where new overlays go, in turn, so they don't cover each other. */
const START_HEIGHTS = [0.3, 0.55, 0.78, 0.42, 0.66];

/** A new overlay of a kind, centred across, at the next free-looking height. */
export function newOverlay(kind: OverlayKind, existing: number): DraftOverlay {
  const base = { id: `overlay-${++nextId}`, x: 0.5, y: 0.5, scale: 1, rotation: 0 };
  const y = START_HEIGHTS[existing % START_HEIGHTS.length] ?? 0.5;
  const placed = { ...base, ...clampPlacement(kind, { ...base, y }) };
  switch (kind) {
    case 'TEXT':
      return { ...placed, kind, text: '', style: 'CLASSIC', color: 'WHITE' };
    case 'MENTION':
      return { ...placed, kind, username: '' };
    case 'HASHTAG':
      return { ...placed, kind, hashtag: '' };
    case 'POLL':
      return { ...placed, kind, question: '', options: ['Yes', 'No'] };
    case 'SLIDER':
      return { ...placed, kind, question: '', emoji: '😍' };
    case 'QUESTION':
      return { ...placed, kind, question: '' };
  }
}

/** Half the width and height (fractions of the canvas) of the box once scaled and rotated. */
function halfExtent(kind: OverlayKind, scale: number, rotation: number): { hx: number; hy: number } {
  // In canvas-width units, so rotation mixes lengths, not fractions of different axes.
  const w = BOX[kind].w * scale;
  const h = BOX[kind].h * CANVAS_RATIO * scale;
  const theta = (rotation * Math.PI) / 180;
  const rw = Math.abs(w * Math.cos(theta)) + Math.abs(h * Math.sin(theta));
  const rh = Math.abs(w * Math.sin(theta)) + Math.abs(h * Math.cos(theta));
  return { hx: rw / 2, hy: rh / 2 / CANVAS_RATIO };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The placement moved (and, when it cannot fit at all, shrunk) so the rotated box lies inside the
 * canvas, as the API requires.
 */
export function clampPlacement(kind: OverlayKind, placement: Placement): Placement {
  const rotation = clamp(placement.rotation, -180, 180);
  let scale = clamp(placement.scale, SCALE_MIN, SCALE_MAX);
  const fit = halfExtent(kind, 1, rotation);
  // The largest scale whose box fits the canvas at all.
  scale = Math.min(scale, 0.5 / fit.hx, 0.5 / fit.hy);
  const { hx, hy } = halfExtent(kind, scale, rotation);
  return {
    x: clamp(placement.x, hx, 1 - hx),
    y: clamp(placement.y, hy, 1 - hy),
    scale,
    rotation,
  };
}

/** Length as the API counts it: characters (code points). */
const length = (text: string) => [...text].length;

const PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
const EMOJI_PART =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])+$/u;
export const isEmoji = (value: string) =>
  value.length <= 16 && PICTOGRAPH.test(value) && EMOJI_PART.test(value);

/** Errors keyed like the API's field errors (`overlays`, `overlays.<i>.<field>`), by position in the list. */
export type ComposerErrors = Record<string, string>;

function required(errors: ComposerErrors, field: string, label: string, value: string, max: number) {
  const text = value.trim();
  if (text === '') errors[field] = `${label} is required.`;
  else if (length(text) > max) errors[field] = `${label} can be at most ${max} characters.`;
}

/** The checks the API makes, with the same field names, so both kinds of error show in the same place. */
export function validateOverlays(overlays: readonly DraftOverlay[]): ComposerErrors {
  const errors: ComposerErrors = {};
  if (overlays.length > OVERLAYS_MAX) errors.overlays = `A story can have at most ${OVERLAYS_MAX} stickers.`;
  else if (overlays.filter((o) => o.kind === 'POLL').length > 1)
    errors.overlays = 'A story can have only one poll.';
  overlays.forEach((overlay, i) => {
    const f = (name: string) => `overlays.${i}.${name}`;
    switch (overlay.kind) {
      case 'TEXT':
        required(errors, f('text'), 'Text', overlay.text, TEXT_MAX);
        break;
      case 'MENTION':
        if (!/^[a-z0-9._]{1,30}$/i.test(overlay.username.trim().replace(/^@/, '')))
          errors[f('username')] = 'Enter a username to mention.';
        break;
      case 'HASHTAG':
        if (!/^[\p{L}\p{N}_]{1,100}$/u.test(overlay.hashtag.trim().replace(/^#/, '')))
          errors[f('hashtag')] = 'Enter a hashtag (letters, digits, _).';
        break;
      case 'POLL':
        required(errors, f('question'), 'Question', overlay.question, POLL_QUESTION_MAX);
        if (overlay.options.length < POLL_OPTIONS_MIN || overlay.options.length > POLL_OPTIONS_MAX)
          errors[f('options')] = `A poll needs ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options.`;
        overlay.options.forEach((option, j) => {
          required(errors, `${f('options')}.${j}`, `Option ${j + 1}`, option, POLL_OPTION_MAX);
        });
        break;
      case 'SLIDER':
        required(errors, f('question'), 'Question', overlay.question, STICKER_QUESTION_MAX);
        if (!isEmoji(overlay.emoji)) errors[f('emoji')] = 'Choose one emoji.';
        break;
      case 'QUESTION':
        required(errors, f('question'), 'Question', overlay.question, STICKER_QUESTION_MAX);
        break;
    }
  });
  return errors;
}

export const CreateStoryMutation = graphql(`
  mutation CreateStory($input: CreateStoryInput!) {
    createStory(input: $input) {
      id
      status
      audience
      closeFriendsOnly
      createdAt
      expiresAt
      owner { id username }
    }
  }
`);

export type StoryOverlayInput = NonNullable<
  VariablesOf<typeof CreateStoryMutation>['input']['overlays']
>[number];

/** Rounds to 4 decimals: enough for 1080x1920 pixels, and tidy on the wire. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** What the API is sent for an overlay: its kind's fields only, the position as fractions. */
export function toOverlayInput(overlay: DraftOverlay): StoryOverlayInput {
  const position = {
    kind: overlay.kind,
    x: round(overlay.x),
    y: round(overlay.y),
    scale: round(overlay.scale),
    rotation: round(overlay.rotation),
  };
  switch (overlay.kind) {
    case 'TEXT':
      return { ...position, text: overlay.text.trim(), style: overlay.style, color: overlay.color };
    case 'MENTION':
      return { ...position, username: overlay.username.trim().replace(/^@/, '') };
    case 'HASHTAG':
      return { ...position, hashtag: overlay.hashtag.trim().replace(/^#/, '') };
    case 'POLL':
      return {
        ...position,
        question: overlay.question.trim(),
        options: overlay.options.map((o) => o.trim()),
      };
    case 'SLIDER':
      return { ...position, question: overlay.question.trim(), emoji: overlay.emoji };
    case 'QUESTION':
      return { ...position, question: overlay.question.trim() };
  }
}
