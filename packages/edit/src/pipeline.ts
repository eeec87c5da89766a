import { curveEvaluator, IDENTITY_CURVE, LUT_SIZE } from './curves.js';
import { type FilterDefinition, findFilter } from './filters.js';
import type { Recipe, TiltShiftMode } from './recipe.js';

/**
 * The one description of the render pipeline that both renderers follow: every constant, and the packing of
 * a recipe into the numbers and tables the per-pixel code reads (PackedRecipe). cpu.ts and webgl/shaders.ts
 * implement the same steps in the same order with these values; nothing here depends on either of them.
 *
 * Per pixel, on sRGB-encoded values in 0..1:
 *   1 sharpen  2 structure  3 tilt-shift  (clamp)  4 filter (mixed by intensity)  5 brightness and contrast
 *   (tone table)  6 shadows and highlights  7 warmth  8 saturation  9 tints  10 fade  11 vignette  (clamp, round)
 */

/** Rec. 709 luma weights on the encoded values: cheap, and the same formula everywhere. */
export const LUMA_R = 0.2126;
export const LUMA_G = 0.7152;
export const LUMA_B = 0.0722;

// Blur sizes, as fractions of the output's shorter side so the look does not depend on the output size.
export const SHARPEN_SIGMA = 0.0008;
export const STRUCTURE_SIGMA = 0.02;
export const TILT_SHIFT_SIGMA = 0.012;
/** Below half a pixel a Gaussian does nothing visible; the floor keeps Sharpen alive on small previews. */
export const MIN_SIGMA_PX = 0.5;
/** Largest Gaussian radius a blur plan can ask for (the shader's weight array has MAX_BLUR_RADIUS + 1). */
export const MAX_BLUR_RADIUS = 12;

/** Detail added back per unit of Sharpen: luma minus its small blur. */
export const SHARPEN_GAIN = 1.6;
/** Detail added (or removed, when negative) per unit of Structure: luma minus its large blur. */
export const STRUCTURE_GAIN = 0.8;
/** Tilt-shift: width of the soft edge, as size * TILT_FEATHER_SCALE + TILT_FEATHER_MIN (output short sides). */
export const TILT_FEATHER_SCALE = 0.6;
export const TILT_FEATHER_MIN = 0.06;
/** Tilt-shift modes as the shader's integer uniform. */
export const TILT_SHIFT_MODES: Record<TiltShiftMode, number> = { off: 0, radial: 1, linear: 2 };

/** Brightness: the tone curve is x ** (2 ** (-brightness * BRIGHTNESS_POWER)), keeping black and white. */
export const BRIGHTNESS_POWER = 0.8;
/** Contrast above 0 blends towards the smoothstep S-curve; below 0 towards a flatter line through grey. */
export const CONTRAST_FLAT_SLOPE = 0.45;
/** Peak lift (or drop) of Shadows and Highlights, at luma 1/3 and 2/3 respectively. */
export const SHADOWS_AMOUNT = 0.22;
export const HIGHLIGHTS_AMOUNT = 0.22;
/** Warmth: channel gains at +1 (amber); -1 uses the reciprocal direction (blue). */
export const WARMTH_GAINS = [0.1, 0.02, -0.12] as const;
/** Saturation above 0 is scaled down: +1 multiplies chroma by 1 + SATURATION_BOOST. */
export const SATURATION_BOOST = 0.8;
/** A tint with amount 1 moves the deepest shadow (or brightest highlight) by this much of its hue's chroma. */
export const TINT_STRENGTH = 0.3;
/** Fade 1 lifts black to FADE_LIFT and brings white down to 1 - FADE_DROP. */
export const FADE_LIFT = 0.2;
export const FADE_DROP = 0.06;
/** Vignette 1 darkens the corners by VIGNETTE_STRENGTH; it starts at VIGNETTE_START of the half-diagonal. */
export const VIGNETTE_STRENGTH = 0.7;
export const VIGNETTE_START = 0.3;
export const VIGNETTE_END = 1.05;

/** Hermite smoothstep, as GLSL defines it (edge0 < edge1). */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  let t = (x - edge0) / (edge1 - edge0);
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return t * t * (3 - 2 * t);
}

/**
 * A resolution-independent blur: box-average into cells of k x k pixels, Gaussian in cell units, then
 * bilinear upsampling. Both renderers build the same plan from the same sigma.
 */
export interface BlurPlan {
  /** Sigma in output pixels. */
  sigma: number;
  /** Cell size in pixels: max(1, floor(sigma / 2)), so the Gaussian in cells has sigma 2..4. */
  k: number;
  cellsWide: number;
  cellsHigh: number;
  radius: number;
  /** weights[0] is the centre; weights[i] applies to both neighbours at distance i. Sums to 1. */
  weights: Float32Array;
}

export function blurPlan(sigmaFraction: number, width: number, height: number): BlurPlan {
  const sigma = Math.max(MIN_SIGMA_PX, sigmaFraction * Math.min(width, height));
  const k = Math.max(1, Math.floor(sigma / 2));
  const cellSigma = sigma / k;
  const radius = Math.min(MAX_BLUR_RADIUS, Math.ceil(3 * cellSigma));
  const raw: number[] = [];
  for (let i = 0; i <= radius; i++) raw.push(Math.exp(-(i * i) / (2 * cellSigma * cellSigma)));
  const total = raw.reduce((sum, weight, i) => sum + (i === 0 ? weight : 2 * weight), 0);
  return {
    sigma,
    k,
    cellsWide: Math.ceil(width / k),
    cellsHigh: Math.ceil(height / k),
    radius,
    weights: Float32Array.from(raw, (weight) => weight / total),
  };
}

/** The chroma of a fully saturated hue (0..360), i.e. its RGB minus its luma: shifts colour, not brightness. */
export function hueChroma(hue: number): [number, number, number] {
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = 1 - Math.abs((h % 2) - 1);
  const sector = Math.floor(h);
  const [r, g, b] =
    sector === 0
      ? [1, x, 0]
      : sector === 1
        ? [x, 1, 0]
        : sector === 2
          ? [0, 1, x]
          : sector === 3
            ? [0, x, 1]
            : sector === 4
              ? [x, 0, 1]
              : [1, 0, x];
  const luma = LUMA_R * r + LUMA_G * g + LUMA_B * b;
  return [r - luma, g - luma, b - luma];
}

/** A tint as the vector added at full weight: the hue's chroma times amount times TINT_STRENGTH. */
export function tintVector(hue: number, amount: number): Float32Array {
  const scale = amount * TINT_STRENGTH;
  return Float32Array.from(hueChroma(hue), (value) => value * scale);
}

/** The colour operations of one filter, as both renderers consume them (its curves live in the table). */
export interface PackedFilter {
  /** Row-major 3x3 then the offset: [m00 m01 m02 m10 m11 m12 m20 m21 m22 o0 o1 o2]. */
  mix: Float32Array;
  saturation: number;
  shadowTint: Float32Array;
  highlightTint: Float32Array;
  fade: number;
  vignette: number;
}

/**
 * Rows of the shared lookup table (LUT_SIZE wide, RGBA float): row 0 is the filter's curves per channel,
 * row 1 the brightness-and-contrast tone curve (the same in R, G and B). The GPU uploads it as a texture.
 */
export const LUT_ROWS = 2;
export const LUT_ROW_FILTER = 0;
export const LUT_ROW_TONE = 1;

function writeFilterCurves(table: Float32Array, filter: FilterDefinition): void {
  const master = curveEvaluator(filter.curves?.master ?? IDENTITY_CURVE);
  const channels = [filter.curves?.red, filter.curves?.green, filter.curves?.blue].map((points) =>
    curveEvaluator(points ?? IDENTITY_CURVE),
  );
  const rowStart = LUT_ROW_FILTER * LUT_SIZE * 4;
  for (let i = 0; i < LUT_SIZE; i++) {
    const x = i / (LUT_SIZE - 1);
    for (let c = 0; c < 3; c++) table[rowStart + i * 4 + c] = master(channels[c]!(x));
    table[rowStart + i * 4 + 3] = 1;
  }
}

/** Packs a filter definition: its curves into row 0 of `table`, everything else into the result. */
export function packFilter(filter: FilterDefinition, table: Float32Array): PackedFilter {
  writeFilterCurves(table, filter);
  const matrix = filter.mix?.matrix ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const offset = filter.mix?.offset ?? [0, 0, 0];
  return {
    mix: Float32Array.from([...matrix, ...offset]),
    saturation: filter.saturation ?? 1,
    shadowTint: tintVector(filter.shadowTint?.hue ?? 0, filter.shadowTint?.amount ?? 0),
    highlightTint: tintVector(filter.highlightTint?.hue ?? 0, filter.highlightTint?.amount ?? 0),
    fade: filter.fade ?? 0,
    vignette: filter.vignette ?? 0,
  };
}

/** Brightness then contrast as one curve on each channel (pure functions of the value, so a table). */
export function toneCurve(brightness: number, contrast: number): (x: number) => number {
  const exponent = 2 ** (-brightness * BRIGHTNESS_POWER);
  return (x) => {
    const bright = x <= 0 ? 0 : x ** exponent;
    if (contrast >= 0) {
      const s = bright * bright * (3 - 2 * bright);
      return bright + (s - bright) * contrast;
    }
    const flat = 0.5 + (bright - 0.5) * CONTRAST_FLAT_SLOPE;
    return bright + (flat - bright) * -contrast;
  };
}

function writeToneCurve(table: Float32Array, brightness: number, contrast: number): void {
  const curve = toneCurve(brightness, contrast);
  const rowStart = LUT_ROW_TONE * LUT_SIZE * 4;
  for (let i = 0; i < LUT_SIZE; i++) {
    const value = curve(i / (LUT_SIZE - 1));
    table[rowStart + i * 4] = value;
    table[rowStart + i * 4 + 1] = value;
    table[rowStart + i * 4 + 2] = value;
    table[rowStart + i * 4 + 3] = 1;
  }
}

/** Everything the per-pixel step needs, derived once per render from the recipe and the output size. */
export interface PackedRecipe {
  width: number;
  height: number;
  /** LUT_SIZE x LUT_ROWS RGBA floats (see LUT_ROW_*). */
  lut: Float32Array;
  sharpen: { amount: number; plan: BlurPlan } | null;
  structure: { amount: number; plan: BlurPlan } | null;
  tiltShift: {
    /** TILT_SHIFT_MODES value: 1 radial, 2 linear. */
    mode: number;
    /** Centre in output pixels. */
    centreX: number;
    centreY: number;
    /** Sharp radius (or half band) and feather, in output pixels. */
    size: number;
    feather: number;
    /** The band's normal (linear only): distance is |(p - centre) . normal|. */
    normalX: number;
    normalY: number;
    plan: BlurPlan;
  } | null;
  /** Null when the filter is 'normal' or its intensity is 0. */
  filter: (PackedFilter & { intensity: number }) | null;
  /** False when brightness and contrast are both 0 (the tone table is then the identity). */
  tone: boolean;
  shadows: number;
  highlights: number;
  warmth: Float32Array;
  /** Chroma multiplier. */
  saturation: number;
  shadowTint: Float32Array;
  highlightTint: Float32Array;
  fade: number;
  vignette: number;
}

function packTiltShift(recipe: Recipe, width: number, height: number): PackedRecipe['tiltShift'] {
  const tilt = recipe.adjust.tiltShift;
  if (tilt.mode === 'off') return null;
  const short = Math.min(width, height);
  const angle = (tilt.angle * Math.PI) / 180;
  return {
    mode: TILT_SHIFT_MODES[tilt.mode],
    centreX: tilt.x * width,
    centreY: tilt.y * height,
    size: tilt.size * short,
    feather: (tilt.size * TILT_FEATHER_SCALE + TILT_FEATHER_MIN) * short,
    // The band runs along (cos, sin) in y-down pixels (clockwise positive); its normal is perpendicular.
    normalX: -Math.sin(angle),
    normalY: Math.cos(angle),
    plan: blurPlan(TILT_SHIFT_SIGMA, width, height),
  };
}

function packFilterChoice(recipe: Recipe, table: Float32Array): PackedRecipe['filter'] {
  const definition = findFilter(recipe.filter.name);
  if (!definition || definition.name === 'normal' || recipe.filter.intensity === 0) {
    writeFilterCurves(table, { name: 'normal', label: 'Normal' });
    return null;
  }
  return { ...packFilter(definition, table), intensity: recipe.filter.intensity };
}

/** Derives every per-render value from a parsed recipe for an output of width x height pixels. */
export function packRecipe(recipe: Recipe, width: number, height: number): PackedRecipe {
  const adjust = recipe.adjust;
  const lut = new Float32Array(LUT_SIZE * LUT_ROWS * 4);
  const filter = packFilterChoice(recipe, lut);
  writeToneCurve(lut, adjust.brightness, adjust.contrast);
  const warmth = adjust.warmth;
  return {
    width,
    height,
    lut,
    sharpen:
      adjust.sharpen === 0
        ? null
        : { amount: adjust.sharpen * SHARPEN_GAIN, plan: blurPlan(SHARPEN_SIGMA, width, height) },
    structure:
      adjust.structure === 0
        ? null
        : { amount: adjust.structure * STRUCTURE_GAIN, plan: blurPlan(STRUCTURE_SIGMA, width, height) },
    tiltShift: packTiltShift(recipe, width, height),
    filter,
    tone: adjust.brightness !== 0 || adjust.contrast !== 0,
    shadows: adjust.shadows * SHADOWS_AMOUNT,
    highlights: adjust.highlights * HIGHLIGHTS_AMOUNT,
    warmth: Float32Array.from(WARMTH_GAINS, (gain) => 1 + gain * warmth),
    saturation: adjust.saturation <= 0 ? 1 + adjust.saturation : 1 + adjust.saturation * SATURATION_BOOST,
    shadowTint: tintVector(adjust.shadowTint.hue, adjust.shadowTint.amount),
    highlightTint: tintVector(adjust.highlightTint.hue, adjust.highlightTint.amount),
    fade: adjust.fade,
    vignette: adjust.vignette,
  };
}

/**
 * Weight of the Shadows adjustment at luma l (clamped to 0..1): 6.75 l (1-l)^2 peaks at 1 when l = 1/3 and is
 * 0 at black and white, so neither end clips.
 */
export function shadowWeight(l: number): number {
  const x = l < 0 ? 0 : l > 1 ? 1 : l;
  return 6.75 * x * (1 - x) * (1 - x);
}

/** Weight of the Highlights adjustment: the mirror of shadowWeight, peaking at l = 2/3. */
export function highlightWeight(l: number): number {
  const x = l < 0 ? 0 : l > 1 ? 1 : l;
  return 6.75 * x * x * (1 - x);
}
