import type { CurvePoints } from './curves.js';
import type { ToneTint } from './recipe.js';

/**
 * The filters: each one is data, a short list of colour operations applied in a fixed order (curves, channel
 * mix, saturation, split-tone tints, fade, vignette; see applyFilter in cpu.ts and its GLSL twin). The data is
 * packed once by packFilter (pipeline.ts) into the tables and numbers both renderers read, so a filter is
 * defined here and nowhere else.
 */
export interface FilterDefinition {
  /** Stable identifier stored in recipes: lower case, never renamed. */
  name: string;
  /** Shown under the thumbnail. */
  label: string;
  /** Tone curves on the 0..255 scale; each channel's curve runs first, then the master curve on its result. */
  curves?: {
    master?: CurvePoints;
    red?: CurvePoints;
    green?: CurvePoints;
    blue?: CurvePoints;
  };
  /**
   * A channel mix after the curves: output red, green, blue as rows of weights of the input red, green, blue
   * (row-major 3x3), plus an offset on the 0..1 scale.
   */
  mix?: {
    matrix: readonly [number, number, number, number, number, number, number, number, number];
    offset?: readonly [number, number, number];
  };
  /** Multiplies the distance from grey: 1 unchanged, 0 black and white. */
  saturation?: number;
  shadowTint?: ToneTint;
  highlightTint?: ToneTint;
  /** 0..1, the same lift as the Fade adjustment. */
  fade?: number;
  /** 0..1, the same darkening as the Vignette adjustment. */
  vignette?: number;
}

// Rec. 709 luma weights, repeated on every row: the three outputs are equal, so the photo is grey.
const LUMA_ROW = [0.2126, 0.7152, 0.0722] as const;

export const FILTERS: readonly FilterDefinition[] = [
  { name: 'normal', label: 'Normal' },
  {
    name: 'ember',
    label: 'Ember',
    curves: {
      master: [
        [0, 0],
        [64, 58],
        [192, 200],
        [255, 255],
      ],
      red: [
        [0, 4],
        [128, 140],
        [255, 255],
      ],
      blue: [
        [0, 10],
        [128, 114],
        [255, 232],
      ],
    },
    saturation: 1.1,
    highlightTint: { hue: 40, amount: 0.25 },
    vignette: 0.15,
  },
  {
    name: 'glacier',
    label: 'Glacier',
    curves: {
      master: [
        [0, 0],
        [60, 52],
        [190, 200],
        [255, 255],
      ],
      red: [
        [0, 0],
        [128, 118],
        [255, 248],
      ],
      blue: [
        [0, 12],
        [128, 140],
        [255, 255],
      ],
    },
    saturation: 0.9,
    shadowTint: { hue: 210, amount: 0.3 },
  },
  {
    name: 'chalk',
    label: 'Chalk',
    curves: {
      master: [
        [0, 30],
        [70, 80],
        [180, 186],
        [255, 240],
      ],
    },
    saturation: 0.8,
    fade: 0.15,
  },
  {
    name: 'onyx',
    label: 'Onyx',
    mix: { matrix: [...LUMA_ROW, ...LUMA_ROW, ...LUMA_ROW] },
    curves: {
      master: [
        [0, 0],
        [50, 30],
        [128, 128],
        [205, 226],
        [255, 255],
      ],
    },
    saturation: 0,
    vignette: 0.25,
  },
  {
    name: 'pewter',
    label: 'Pewter',
    // Weighting red more than luma does lightens skin, the way a red filter on black-and-white film does.
    mix: { matrix: [0.35, 0.5, 0.15, 0.35, 0.5, 0.15, 0.35, 0.5, 0.15] },
    curves: {
      master: [
        [0, 24],
        [128, 132],
        [255, 242],
      ],
    },
    saturation: 0,
    fade: 0.1,
  },
  {
    name: 'punch',
    label: 'Punch',
    curves: {
      master: [
        [0, 0],
        [60, 45],
        [128, 128],
        [196, 212],
        [255, 255],
      ],
    },
    saturation: 1.35,
  },
  {
    name: 'keepsake',
    label: 'Keepsake',
    curves: {
      red: [
        [0, 20],
        [128, 140],
        [255, 245],
      ],
      green: [
        [0, 15],
        [128, 128],
        [255, 235],
      ],
      blue: [
        [0, 40],
        [128, 115],
        [255, 200],
      ],
    },
    saturation: 0.85,
    shadowTint: { hue: 150, amount: 0.15 },
    fade: 0.1,
    vignette: 0.3,
  },
  {
    name: 'acid',
    label: 'Acid',
    // Cross-processing: contrasty red and green, a flattened and lifted blue, yellow highlights.
    curves: {
      red: [
        [0, 0],
        [70, 50],
        [180, 205],
        [255, 255],
      ],
      green: [
        [0, 0],
        [60, 50],
        [190, 210],
        [255, 255],
      ],
      blue: [
        [0, 40],
        [128, 128],
        [255, 200],
      ],
    },
    saturation: 1.15,
    highlightTint: { hue: 55, amount: 0.2 },
  },
  {
    name: 'dusk',
    label: 'Dusk',
    curves: {
      red: [
        [0, 10],
        [128, 135],
        [255, 250],
      ],
      green: [
        [0, 0],
        [128, 120],
        [255, 240],
      ],
      blue: [
        [0, 25],
        [128, 140],
        [255, 245],
      ],
    },
    saturation: 0.95,
    shadowTint: { hue: 280, amount: 0.35 },
    highlightTint: { hue: 30, amount: 0.2 },
  },
  {
    name: 'moss',
    label: 'Moss',
    mix: { matrix: [0.9, 0.1, 0, 0.05, 0.95, 0, 0, 0.1, 0.9] },
    curves: {
      master: [
        [0, 20],
        [255, 245],
      ],
      green: [
        [0, 8],
        [128, 134],
        [255, 250],
      ],
    },
    saturation: 0.8,
    shadowTint: { hue: 100, amount: 0.2 },
  },
  {
    name: 'harbor',
    label: 'Harbor',
    // Teal shadows against warm highlights: skin stays warm while the rest cools.
    curves: {
      master: [
        [0, 0],
        [64, 56],
        [192, 200],
        [255, 255],
      ],
    },
    saturation: 1.05,
    shadowTint: { hue: 190, amount: 0.45 },
    highlightTint: { hue: 30, amount: 0.35 },
  },
  {
    name: 'umber',
    label: 'Umber',
    // Grey from luma, then each channel scaled and lifted a little differently: a brown-toned monochrome.
    mix: {
      matrix: [
        0.2126 * 1.07,
        0.7152 * 1.07,
        0.0722 * 1.07,
        0.2126 * 0.97,
        0.7152 * 0.97,
        0.0722 * 0.97,
        0.2126 * 0.8,
        0.7152 * 0.8,
        0.0722 * 0.8,
      ],
      offset: [0.04, 0.025, 0],
    },
    curves: {
      master: [
        [0, 10],
        [128, 128],
        [255, 245],
      ],
    },
    vignette: 0.2,
  },
  {
    name: 'bloom',
    label: 'Bloom',
    curves: {
      master: [
        [0, 25],
        [90, 115],
        [200, 225],
        [255, 252],
      ],
    },
    saturation: 0.85,
    highlightTint: { hue: 330, amount: 0.1 },
  },
  {
    name: 'cinder',
    label: 'Cinder',
    curves: {
      master: [
        [0, 0],
        [80, 60],
        [170, 160],
        [255, 235],
      ],
    },
    saturation: 0.7,
    shadowTint: { hue: 220, amount: 0.3 },
    vignette: 0.35,
  },
];

export const FILTER_NAMES: readonly string[] = FILTERS.map((filter) => filter.name);

/** The definition for a name, or undefined when no filter has it. */
export function findFilter(name: string): FilterDefinition | undefined {
  return FILTERS.find((filter) => filter.name === name);
}
