/**
 * The edit recipe: everything a person did to one photo in the editor, as a typed, versioned JSON value.
 * The original file is never changed; the server renders the original through the recipe, and the browser
 * previews the same recipe live. Both renderers read only this value and the definitions in this package.
 *
 * CONTRACT (shared by the server, the web app and the parity test; change it only with all three):
 * - Every number below has the range given in RANGES; parseRecipe refuses anything outside it.
 * - A parsed recipe is complete: parseRecipe fills every omitted field with its neutral value.
 * - Neutral values (IDENTITY_RECIPE) render the geometry only: colours come out unchanged.
 */

export const RECIPE_VERSION = 1;

/** Quarter turns, clockwise, applied to the (EXIF-oriented) original before anything else. */
export type Rotation = 0 | 90 | 180 | 270;

/**
 * A crop box in fractions (0..1) of the straightened frame (see geometry.ts): with no rotation and no
 * straightening it is the same as the crop the API has always taken (fractions of the oriented photo).
 */
export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Geometry {
  rotate: Rotation;
  /** Degrees, -45..45, clockwise positive; the frame shrinks (keeping its shape) so no empty corner shows. */
  straighten: number;
  /** Null: the largest centred box whose shape the post allows (4:5 up to 1.91:1). */
  crop: CropBox | null;
}

/** A colour wash over the shadows or the highlights: hue in degrees (0..360), amount 0..1 (0 = none). */
export interface ToneTint {
  hue: number;
  amount: number;
}

export type TiltShiftMode = 'off' | 'radial' | 'linear';

/** Blur everything but a sharp band (linear) or disc (radial) around a point of the output. */
export interface TiltShift {
  mode: TiltShiftMode;
  /** Centre of the sharp area, fractions of the output (0..1). */
  x: number;
  y: number;
  /** Half-height of the band or radius of the disc, as a fraction of the output's shorter side (0.05..1). */
  size: number;
  /** Linear only: the band's angle in degrees (-90..90), 0 = horizontal. */
  angle: number;
}

export interface Adjustments {
  /** -1..1 */
  brightness: number;
  /** -1..1 */
  contrast: number;
  /** Local contrast, -1..1 (negative softens). */
  structure: number;
  /** -1..1: cooler (blue) to warmer (amber). */
  warmth: number;
  /** -1..1: -1 is black and white. */
  saturation: number;
  /** 0..1: lifts the blacks. */
  fade: number;
  /** -1..1: recovers (negative) or brightens (positive) the bright tones only. */
  highlights: number;
  /** -1..1: deepens (negative) or opens (positive) the dark tones only. */
  shadows: number;
  /** 0..1: darkens the corners. */
  vignette: number;
  /** 0..1 */
  sharpen: number;
  shadowTint: ToneTint;
  highlightTint: ToneTint;
  tiltShift: TiltShift;
}

export type AdjustmentName = Exclude<keyof Adjustments, 'shadowTint' | 'highlightTint' | 'tiltShift'>;

export interface FilterChoice {
  /** One of FILTER_NAMES (filters.ts); 'normal' is no filter. */
  name: string;
  /** 0..1: how much of the filter is mixed over the unfiltered photo. */
  intensity: number;
}

export interface Recipe {
  version: typeof RECIPE_VERSION;
  geometry: Geometry;
  filter: FilterChoice;
  adjust: Adjustments;
}

/** The inclusive range of every number in a recipe, by its dotted path; the editor's sliders use it too. */
export const RANGES = {
  'geometry.straighten': [-45, 45],
  'filter.intensity': [0, 1],
  'adjust.brightness': [-1, 1],
  'adjust.contrast': [-1, 1],
  'adjust.structure': [-1, 1],
  'adjust.warmth': [-1, 1],
  'adjust.saturation': [-1, 1],
  'adjust.fade': [0, 1],
  'adjust.highlights': [-1, 1],
  'adjust.shadows': [-1, 1],
  'adjust.vignette': [0, 1],
  'adjust.sharpen': [0, 1],
  'adjust.shadowTint.hue': [0, 360],
  'adjust.shadowTint.amount': [0, 1],
  'adjust.highlightTint.hue': [0, 360],
  'adjust.highlightTint.amount': [0, 1],
  'adjust.tiltShift.x': [0, 1],
  'adjust.tiltShift.y': [0, 1],
  'adjust.tiltShift.size': [0.05, 1],
  'adjust.tiltShift.angle': [-90, 90],
} as const satisfies Record<string, readonly [number, number]>;

export const IDENTITY_RECIPE: Recipe = {
  version: RECIPE_VERSION,
  geometry: { rotate: 0, straighten: 0, crop: null },
  filter: { name: 'normal', intensity: 1 },
  adjust: {
    brightness: 0,
    contrast: 0,
    structure: 0,
    warmth: 0,
    saturation: 0,
    fade: 0,
    highlights: 0,
    shadows: 0,
    vignette: 0,
    sharpen: 0,
    shadowTint: { hue: 0, amount: 0 },
    highlightTint: { hue: 0, amount: 0 },
    tiltShift: { mode: 'off', x: 0.5, y: 0.5, size: 0.25, angle: 0 },
  },
};

/** A refused field: `path` is dotted ('adjust.brightness', 'geometry.crop', 'version'), `message` is for a person. */
export interface RecipeIssue {
  path: string;
  message: string;
}

export type RecipeParse = { ok: true; recipe: Recipe } | { ok: false; issues: RecipeIssue[] };
