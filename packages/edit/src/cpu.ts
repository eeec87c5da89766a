import { LUT_SIZE } from './curves.js';
import { type Affine, type AspectRange, POST_ASPECT, renderGeometry } from './geometry.js';
import {
  type BlurPlan,
  FADE_DROP,
  FADE_LIFT,
  highlightWeight,
  LUMA_B,
  LUMA_G,
  LUMA_R,
  LUT_ROW_TONE,
  type PackedRecipe,
  packRecipe,
  shadowWeight,
  smoothstep,
  VIGNETTE_END,
  VIGNETTE_START,
  VIGNETTE_STRENGTH,
} from './pipeline.js';
import type { Recipe } from './recipe.js';

/**
 * The CPU renderer: the server's render and the canvas-2D fallback. It follows pipeline.ts step for step; the
 * WebGL2 shaders (webgl/shaders.ts) mirror each function here, and the parity test holds the two together.
 */

/** Interleaved 8-bit pixels, rows top first. With 4 channels the fourth is alpha (not premultiplied). */
export interface RasterImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 3 | 4;
}

export interface RenderCpuOptions {
  /** Output width in pixels; the height keeps the crop's shape. Default: the crop's own pixel width. */
  outputWidth?: number;
  /** Allowed crop shapes; default POST_ASPECT (4:5 to 1.91:1). */
  aspect?: AspectRange;
}

const INV_255 = 1 / 255;

function isWholePixelShift(t: Affine): boolean {
  const whole = (value: number) => Math.abs(value - Math.round(value)) < 1e-9;
  return t.a === 1 && t.b === 0 && t.d === 0 && t.e === 1 && whole(t.c) && whole(t.f);
}

/** A plain crop: every output pixel centre lands on a source pixel centre, so bilinear sampling is a copy. */
function copyShifted(source: RasterImage, t: Affine, width: number, height: number): Uint8Array {
  const channels = source.channels;
  const out = new Uint8Array(width * height * channels);
  const left = Math.round(t.c);
  const top = Math.round(t.f);
  const maxX = source.width - 1;
  const maxY = source.height - 1;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(maxY, Math.max(0, top + y));
    const x0 = left;
    // The crop lies inside the source, so one row copy; clamping only guards against a caller's odd map.
    if (x0 >= 0 && x0 + width - 1 <= maxX) {
      const start = (sy * source.width + x0) * channels;
      out.set(source.data.subarray(start, start + width * channels), y * width * channels);
      continue;
    }
    for (let x = 0; x < width; x++) {
      const sx = Math.min(maxX, Math.max(0, x0 + x));
      for (let c = 0; c < channels; c++) {
        out[(y * width + x) * channels + c] = source.data[(sy * source.width + sx) * channels + c]!;
      }
    }
  }
  return out;
}

/**
 * Geometry: output pixel centre (x + 0.5, y + 0.5) -> source point (sx, sy) through the affine; bilinear
 * sampling with clamp-to-edge, where source pixel i's centre is at i + 0.5. This is exactly GL's LINEAR
 * filter with CLAMP_TO_EDGE at texture coordinate (sx, sy) / size, which the GPU's base pass uses.
 */
export function resample(source: RasterImage, t: Affine, width: number, height: number): Uint8Array {
  if (isWholePixelShift(t)) return copyShifted(source, t, width, height);
  const { data, channels } = source;
  const sw = source.width;
  const maxX = sw - 1;
  const maxY = source.height - 1;
  const out = new Uint8Array(width * height * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    // Along a row the sample point moves by (a, d) per pixel; start at the first pixel centre.
    let u = t.a * 0.5 + t.b * (y + 0.5) + t.c - 0.5;
    let v = t.d * 0.5 + t.e * (y + 0.5) + t.f - 0.5;
    for (let x = 0; x < width; x++, u += t.a, v += t.d) {
      const fu = Math.floor(u);
      const fv = Math.floor(v);
      const wx = u - fu;
      const wy = v - fv;
      const x0 = fu < 0 ? 0 : fu > maxX ? maxX : fu;
      const x1 = fu + 1 > maxX ? maxX : fu + 1 < 0 ? 0 : fu + 1;
      const y0 = fv < 0 ? 0 : fv > maxY ? maxY : fv;
      const y1 = fv + 1 > maxY ? maxY : fv + 1 < 0 ? 0 : fv + 1;
      const i00 = (y0 * sw + x0) * channels;
      const i10 = (y0 * sw + x1) * channels;
      const i01 = (y1 * sw + x0) * channels;
      const i11 = (y1 * sw + x1) * channels;
      for (let c = 0; c < channels; c++) {
        const p00 = data[i00 + c]!;
        const p01 = data[i01 + c]!;
        const top = p00 + (data[i10 + c]! - p00) * wx;
        const bottom = p01 + (data[i11 + c]! - p01) * wx;
        out[o++] = (top + (bottom - top) * wy + 0.5) | 0;
      }
    }
  }
  return out;
}

/** A blurred copy of the base at cell resolution (see BlurPlan), float values 0..1, 1 (luma) or 3 channels. */
export interface DetailLayer {
  data: Float32Array;
  plan: BlurPlan;
  channels: 1 | 3;
}

/** With one-pixel cells the "average" is the pixel itself: a straight conversion. */
function pixelsAsCells(base: Uint8Array, count: number, channels: number, luma: boolean): Float32Array {
  const cells = new Float32Array(count * (luma ? 1 : 3));
  for (let p = 0, i = 0; p < count; p++, i += channels) {
    if (luma) {
      cells[p] = (LUMA_R * base[i]! + LUMA_G * base[i + 1]! + LUMA_B * base[i + 2]!) * INV_255;
    } else {
      cells[p * 3] = base[i]! * INV_255;
      cells[p * 3 + 1] = base[i + 1]! * INV_255;
      cells[p * 3 + 2] = base[i + 2]! * INV_255;
    }
  }
  return cells;
}

/**
 * Box-averages the base into k x k cells (edge cells average the pixels they have), as luma or RGB.
 * The GPU's downsample pass averages RGB then takes luma: the same number, since luma is linear.
 */
function downsample(
  base: Uint8Array,
  width: number,
  height: number,
  channels: number,
  plan: BlurPlan,
  luma: boolean,
): Float32Array {
  const { k, cellsWide, cellsHigh } = plan;
  const lc = luma ? 1 : 3;
  if (k === 1) return pixelsAsCells(base, width * height, channels, luma);
  const cells = new Float32Array(cellsWide * cellsHigh * lc);
  // RGB sums per cell of the current cell row; luma is taken of the mean at the end (it is linear).
  const sums = new Float64Array(cellsWide * 3);
  for (let cy = 0; cy < cellsHigh; cy++) {
    sums.fill(0);
    const yEnd = Math.min(height, (cy + 1) * k);
    for (let y = cy * k; y < yEnd; y++) {
      const row = y * width * channels;
      for (let cx = 0; cx < cellsWide; cx++) {
        const xEnd = Math.min(width, (cx + 1) * k);
        let r = 0;
        let g = 0;
        let b = 0;
        for (let x = cx * k, i = row + x * channels; x < xEnd; x++, i += channels) {
          r += base[i]!;
          g += base[i + 1]!;
          b += base[i + 2]!;
        }
        sums[cx * 3]! += r;
        sums[cx * 3 + 1]! += g;
        sums[cx * 3 + 2]! += b;
      }
    }
    const rows = yEnd - cy * k;
    for (let cx = 0; cx < cellsWide; cx++) {
      const columns = Math.min(width, (cx + 1) * k) - cx * k;
      const scale = INV_255 / (rows * columns);
      const r = sums[cx * 3]! * scale;
      const g = sums[cx * 3 + 1]! * scale;
      const b = sums[cx * 3 + 2]! * scale;
      const cell = (cy * cellsWide + cx) * lc;
      if (luma) cells[cell] = LUMA_R * r + LUMA_G * g + LUMA_B * b;
      else {
        cells[cell] = r;
        cells[cell + 1] = g;
        cells[cell + 2] = b;
      }
    }
  }
  return cells;
}

/** Horizontal Gaussian pass with clamp-to-edge: each row is padded with copies of its end cells. */
function blurRows(src: Float32Array, dst: Float32Array, plan: BlurPlan, lc: number): void {
  const { cellsWide: w, cellsHigh: h, radius: r, weights } = plan;
  const padded = new Float32Array((w + 2 * r) * lc);
  for (let y = 0; y < h; y++) {
    const row = y * w * lc;
    padded.set(src.subarray(row, row + w * lc), r * lc);
    for (let x = 0; x < r; x++) {
      for (let c = 0; c < lc; c++) {
        padded[x * lc + c] = src[row + c]!;
        padded[(w + r + x) * lc + c] = src[row + (w - 1) * lc + c]!;
      }
    }
    const w0 = weights[0]!;
    for (let o = 0; o < w * lc; o++) {
      const centre = o + r * lc;
      let sum = padded[centre]! * w0;
      for (let j = 1, step = lc; j <= r; j++, step += lc) {
        sum += (padded[centre - step]! + padded[centre + step]!) * weights[j]!;
      }
      dst[row + o] = sum;
    }
  }
}

/** Columns per block of the vertical pass: its accumulator row stays in L1 while the 2r + 1 rows stream by. */
const COLUMN_BLOCK = 512;

/** Vertical Gaussian pass with clamp-to-edge, on blocks of contiguous columns. */
function blurColumns(src: Float32Array, dst: Float32Array, plan: BlurPlan, lc: number): void {
  const { cellsWide: w, cellsHigh: h, radius: r, weights } = plan;
  const stride = w * lc;
  const w0 = weights[0]!;
  const sum = new Float32Array(Math.min(COLUMN_BLOCK, stride));
  for (let y = 0; y < h; y++) {
    const out = y * stride;
    for (let x0 = 0; x0 < stride; x0 += COLUMN_BLOCK) {
      const n = Math.min(COLUMN_BLOCK, stride - x0);
      for (let i = 0; i < n; i++) sum[i] = src[out + x0 + i]! * w0;
      for (let j = 1; j <= r; j++) {
        const above = Math.max(0, y - j) * stride + x0;
        const below = Math.min(h - 1, y + j) * stride + x0;
        const weight = weights[j]!;
        for (let i = 0; i < n; i++) sum[i]! += (src[above + i]! + src[below + i]!) * weight;
      }
      dst.set(sum.subarray(0, n), out + x0);
    }
  }
}

/** A detail layer: downsample, then the separable Gaussian, in float. */
export function buildLayer(
  base: Uint8Array,
  width: number,
  height: number,
  channels: number,
  plan: BlurPlan,
  luma: boolean,
): DetailLayer {
  const lc = luma ? 1 : 3;
  const cells = downsample(base, width, height, channels, plan, luma);
  const temp = new Float32Array(cells.length);
  blurRows(cells, temp, plan, lc);
  blurColumns(temp, cells, plan, lc);
  return { data: cells, plan, channels: lc };
}

/**
 * Bilinear upsampling coordinates along one axis: pixel p reads cell coordinate u = (p + 0.5) / k - 0.5,
 * clamped to [0, cells - 1]; i0 = floor(u), i1 = min(i0 + 1, cells - 1), weight u - i0.
 */
interface AxisTaps {
  first: Int32Array;
  second: Int32Array;
  weight: Float32Array;
}

function axisTaps(pixels: number, cells: number, k: number): AxisTaps {
  const taps = {
    first: new Int32Array(pixels),
    second: new Int32Array(pixels),
    weight: new Float32Array(pixels),
  };
  for (let p = 0; p < pixels; p++) {
    const u = Math.min(cells - 1, Math.max(0, (p + 0.5) / k - 0.5));
    const i0 = Math.floor(u);
    taps.first[p] = i0;
    taps.second[p] = Math.min(i0 + 1, cells - 1);
    taps.weight[p] = u - i0;
  }
  return taps;
}

/**
 * A layer ready to be read at output pixels. Reading goes a row at a time: `selectRow` interpolates the two
 * cell rows vertically into `row` once, then `readLayer` interpolates horizontally per pixel. The bilinear
 * result is the shader's `upsample()` (which does the same arithmetic in the other order).
 */
interface LayerReader {
  data: Float32Array;
  lc: number;
  cellsWide: number;
  columns: AxisTaps;
  rows: AxisTaps;
  /** The current output row, vertically interpolated: cellsWide * lc values. */
  row: Float32Array;
}

function layerReader(layer: DetailLayer, width: number, height: number): LayerReader {
  const { plan } = layer;
  return {
    data: layer.data,
    lc: layer.channels,
    cellsWide: plan.cellsWide,
    columns: axisTaps(width, plan.cellsWide, plan.k),
    rows: axisTaps(height, plan.cellsHigh, plan.k),
    row: new Float32Array(plan.cellsWide * layer.channels),
  };
}

function selectRow(layer: LayerReader, y: number): void {
  const { data, row } = layer;
  const stride = layer.cellsWide * layer.lc;
  const first = layer.rows.first[y]! * stride;
  const second = layer.rows.second[y]! * stride;
  const wy = layer.rows.weight[y]!;
  for (let i = 0; i < stride; i++) {
    const top = data[first + i]!;
    row[i] = top + (data[second + i]! - top) * wy;
  }
}

/** Channel c of the selected row at output column x. */
function readLayer(layer: LayerReader, x: number, c: number): number {
  const { row, lc } = layer;
  const left = row[layer.columns.first[x]! * lc + c]!;
  return left + (row[layer.columns.second[x]! * lc + c]! - left) * layer.columns.weight[x]!;
}

/*
 * Shading works on strips of STRIP_ROWS rows held as interleaved float RGB: each step is one small loop over
 * the strip, skipped entirely when the recipe leaves it neutral. Small monomorphic loops are what V8
 * optimises best, and a strip stays in cache between steps. The order of the steps is pipeline.ts's.
 */
const STRIP_ROWS = 16;

/** The rows [top, top + rows) of the output being shaded, as floats. */
interface Strip {
  rgb: Float32Array;
  top: number;
  rows: number;
  width: number;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

const LUT_LAST = LUT_SIZE - 1;

/**
 * lookupLut (curves.ts) for a value already in 0..1, small enough for V8 to inline in the hot loops: the same
 * entries and the same interpolation.
 */
function readTable(lut: Float32Array, offset: number, x: number): number {
  const position = x * LUT_LAST;
  const index = position < LUT_LAST ? position | 0 : LUT_LAST - 1;
  const low = lut[offset + index * 4]!;
  return low + (lut[offset + index * 4 + 4]! - low) * (position - index);
}

function loadStrip(strip: Strip, base: Uint8Array, channels: number): void {
  const { rgb, width } = strip;
  const count = strip.rows * width;
  let i = strip.top * width * channels;
  for (let p = 0, o = 0; p < count; p++, o += 3, i += channels) {
    rgb[o] = base[i]! * INV_255;
    rgb[o + 1] = base[i + 1]! * INV_255;
    rgb[o + 2] = base[i + 2]! * INV_255;
  }
}

function storeStrip(strip: Strip, base: Uint8Array, out: Uint8Array, channels: number): void {
  const { rgb, width } = strip;
  const count = strip.rows * width;
  let i = strip.top * width * channels;
  for (let p = 0, o = 0; p < count; p++, o += 3, i += channels) {
    out[i] = (clamp01(rgb[o]!) * 255 + 0.5) | 0;
    out[i + 1] = (clamp01(rgb[o + 1]!) * 255 + 0.5) | 0;
    out[i + 2] = (clamp01(rgb[o + 2]!) * 255 + 0.5) | 0;
    if (channels === 4) out[i + 3] = base[i + 3]!;
  }
}

/** A detail layer in use: a blurred luma and how much of (luma - blurred luma) to add. */
interface LumaDetail {
  layer: LayerReader;
  amount: number;
}

/**
 * Steps 1-2: sharpen and structure, each adding amount * (base luma - its blurred luma) to every channel.
 * Both measure the detail on the base (not on each other's result), as the shader's main() does with l0.
 */
function addLumaDetail(strip: Strip, sharpen: LumaDetail | null, structure: LumaDetail | null): void {
  const { rgb, width } = strip;
  for (let row = 0; row < strip.rows; row++) {
    if (sharpen) selectRow(sharpen.layer, strip.top + row);
    if (structure) selectRow(structure.layer, strip.top + row);
    for (let x = 0, o = row * width * 3; x < width; x++, o += 3) {
      const l0 = LUMA_R * rgb[o]! + LUMA_G * rgb[o + 1]! + LUMA_B * rgb[o + 2]!;
      let detail = 0;
      if (sharpen) detail += sharpen.amount * (l0 - readLayer(sharpen.layer, x, 0));
      if (structure) detail += structure.amount * (l0 - readLayer(structure.layer, x, 0));
      rgb[o]! += detail;
      rgb[o + 1]! += detail;
      rgb[o + 2]! += detail;
    }
  }
}

/** 0 inside the sharp disc or band, rising smoothly to 1 past the feather. Shader: `tiltMask()`. */
function tiltMask(tilt: NonNullable<PackedRecipe['tiltShift']>, px: number, py: number): number {
  const dx = px - tilt.centreX;
  const dy = py - tilt.centreY;
  const distance =
    tilt.mode === 1 ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx * tilt.normalX + dy * tilt.normalY);
  return smoothstep(tilt.size, tilt.size + tilt.feather, distance);
}

/** Step 3: towards the blurred layer by the tilt-shift mask. */
function mixTiltShift(strip: Strip, layer: LayerReader, tilt: NonNullable<PackedRecipe['tiltShift']>): void {
  const { rgb, width } = strip;
  for (let row = 0; row < strip.rows; row++) {
    const y = strip.top + row;
    selectRow(layer, y);
    for (let x = 0, o = row * width * 3; x < width; x++, o += 3) {
      const m = tiltMask(tilt, x + 0.5, y + 0.5);
      if (m === 0) continue;
      rgb[o]! += (readLayer(layer, x, 0) - rgb[o]!) * m;
      rgb[o + 1]! += (readLayer(layer, x, 1) - rgb[o + 1]!) * m;
      rgb[o + 2]! += (readLayer(layer, x, 2) - rgb[o + 2]!) * m;
    }
  }
}

function clampStrip(strip: Strip): void {
  const { rgb } = strip;
  const end = strip.rows * strip.width * 3;
  for (let o = 0; o < end; o++) rgb[o] = clamp01(rgb[o]!);
}

/** Distance from the output centre, 0 at the centre and 1 at the corners (round, not stretched). */
function centreDistance(width: number, height: number, x: number, y: number): number {
  const dx = x + 0.5 - width / 2;
  const dy = y + 0.5 - height / 2;
  return Math.sqrt((dx * dx + dy * dy) / (0.25 * (width * width + height * height)));
}

/** Darkening factor at `distance`. Shader: `vignette()`. */
function vignetteFactor(amount: number, distance: number): number {
  return 1 - amount * VIGNETTE_STRENGTH * smoothstep(VIGNETTE_START, VIGNETTE_END, distance);
}

/**
 * Step 4: the filter on the clamped colour: curves (table row 0), channel mix, saturation, tints, fade and
 * vignette; the result is mixed over the colour by intensity. Shader: `applyFilter()`.
 */
function applyFilter(
  strip: Strip,
  filter: NonNullable<PackedRecipe['filter']>,
  lut: Float32Array,
  height: number,
): void {
  const { rgb, width } = strip;
  const m = filter.mix;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8, o0, o1, o2] = m;
  const st = filter.shadowTint;
  const ht = filter.highlightTint;
  const saturation = filter.saturation;
  const lift = FADE_LIFT * filter.fade;
  const scale = 1 - lift - FADE_DROP * filter.fade;
  const t = filter.intensity;
  const vignette = filter.vignette;
  for (let row = 0; row < strip.rows; row++) {
    const y = strip.top + row;
    for (let x = 0, o = row * width * 3; x < width; x++, o += 3) {
      const r = rgb[o]!;
      const g = rgb[o + 1]!;
      const b = rgb[o + 2]!;
      const cr = readTable(lut, 0, r);
      const cg = readTable(lut, 1, g);
      const cb = readTable(lut, 2, b);
      let fr = m0! * cr + m1! * cg + m2! * cb + o0!;
      let fg = m3! * cr + m4! * cg + m5! * cb + o1!;
      let fb = m6! * cr + m7! * cg + m8! * cb + o2!;
      const l = LUMA_R * fr + LUMA_G * fg + LUMA_B * fb;
      fr = l + (fr - l) * saturation;
      fg = l + (fg - l) * saturation;
      fb = l + (fb - l) * saturation;
      const tl = clamp01(LUMA_R * fr + LUMA_G * fg + LUMA_B * fb);
      const ws = (1 - tl) * (1 - tl);
      const wh = tl * tl;
      fr += st[0]! * ws + ht[0]! * wh;
      fg += st[1]! * ws + ht[1]! * wh;
      fb += st[2]! * ws + ht[2]! * wh;
      const v = vignette > 0 ? vignetteFactor(vignette, centreDistance(width, height, x, y)) : 1;
      rgb[o] = r + ((fr * scale + lift) * v - r) * t;
      rgb[o + 1] = g + ((fg * scale + lift) * v - g) * t;
      rgb[o + 2] = b + ((fb * scale + lift) * v - b) * t;
    }
  }
}

/**
 * Steps 5-10 in one loop (fused because they only read the colour): tone table (brightness and contrast),
 * shadows and highlights, warmth, saturation, tints and fade. Each step's shader twin is named inline.
 */
function applyAdjustments(strip: Strip, p: PackedRecipe): void {
  const { rgb } = strip;
  const end = strip.rows * strip.width * 3;
  const lut = p.lut;
  const toneRow = LUT_ROW_TONE * LUT_SIZE * 4;
  const { tone, shadows, highlights, saturation } = p;
  const [gainR, gainG, gainB] = p.warmth;
  const [shadowR, shadowG, shadowB] = p.shadowTint;
  const [highR, highG, highB] = p.highlightTint;
  const lift = FADE_LIFT * p.fade;
  const scale = 1 - lift - FADE_DROP * p.fade;
  for (let o = 0; o < end; o += 3) {
    let r = rgb[o]!;
    let g = rgb[o + 1]!;
    let b = rgb[o + 2]!;
    // Step 5, shader: the lut(TONE_ROW, ...) calls. Earlier steps can leave values outside 0..1 (the
    // filter's mix); the table clamps them, as the shader's lut() does.
    if (tone) {
      r = readTable(lut, toneRow, clamp01(r));
      g = readTable(lut, toneRow, clamp01(g));
      b = readTable(lut, toneRow, clamp01(b));
    }
    // Step 6, shader: shadowWeight / highlightWeight.
    let l = LUMA_R * r + LUMA_G * g + LUMA_B * b;
    const delta = shadows * shadowWeight(l) + highlights * highlightWeight(l);
    r = (r + delta) * gainR!;
    g = (g + delta) * gainG!;
    b = (b + delta) * gainB!;
    // Step 8, shader: saturate().
    l = LUMA_R * r + LUMA_G * g + LUMA_B * b;
    r = l + (r - l) * saturation;
    g = l + (g - l) * saturation;
    b = l + (b - l) * saturation;
    // Step 9, shader: tints().
    const t = clamp01(LUMA_R * r + LUMA_G * g + LUMA_B * b);
    const ws = (1 - t) * (1 - t);
    const wh = t * t;
    // Step 10, shader: fade().
    rgb[o] = (r + shadowR! * ws + highR! * wh) * scale + lift;
    rgb[o + 1] = (g + shadowG! * ws + highG! * wh) * scale + lift;
    rgb[o + 2] = (b + shadowB! * ws + highB! * wh) * scale + lift;
  }
}

/** Step 11: the vignette. */
function applyVignette(strip: Strip, amount: number, height: number): void {
  const { rgb, width } = strip;
  for (let row = 0; row < strip.rows; row++) {
    const y = strip.top + row;
    for (let x = 0, o = row * width * 3; x < width; x++, o += 3) {
      const v = vignetteFactor(amount, centreDistance(width, height, x, y));
      rgb[o]! *= v;
      rgb[o + 1]! *= v;
      rgb[o + 2]! *= v;
    }
  }
}

interface Layers {
  sharpen: LayerReader | null;
  structure: LayerReader | null;
  tilt: LayerReader | null;
}

function buildLayers(
  base: Uint8Array,
  width: number,
  height: number,
  channels: number,
  p: PackedRecipe,
): Layers {
  const layer = (plan: BlurPlan | undefined, luma: boolean) =>
    plan ? layerReader(buildLayer(base, width, height, channels, plan, luma), width, height) : null;
  return {
    sharpen: layer(p.sharpen?.plan, true),
    structure: layer(p.structure?.plan, true),
    tilt: layer(p.tiltShift?.plan, false),
  };
}

function shadeStrip(strip: Strip, p: PackedRecipe, layers: Layers): void {
  const sharpen = p.sharpen && layers.sharpen ? { layer: layers.sharpen, amount: p.sharpen.amount } : null;
  const structure =
    p.structure && layers.structure ? { layer: layers.structure, amount: p.structure.amount } : null;
  if (sharpen || structure) addLumaDetail(strip, sharpen, structure);
  if (p.tiltShift && layers.tilt) mixTiltShift(strip, layers.tilt, p.tiltShift);
  if (p.sharpen || p.structure || p.tiltShift) clampStrip(strip);
  if (p.filter) applyFilter(strip, p.filter, p.lut, p.height);
  applyAdjustments(strip, p);
  if (p.vignette > 0) applyVignette(strip, p.vignette, p.height);
}

/** Steps 1-11 over the geometry-applied base, rounding to 8 bits; alpha passes through. */
export function shade(
  base: Uint8Array,
  width: number,
  height: number,
  channels: number,
  p: PackedRecipe,
): Uint8Array {
  const out = new Uint8Array(base.length);
  const layers = buildLayers(base, width, height, channels, p);
  const strip: Strip = { rgb: new Float32Array(STRIP_ROWS * width * 3), top: 0, rows: 0, width };
  for (let top = 0; top < height; top += STRIP_ROWS) {
    strip.top = top;
    strip.rows = Math.min(STRIP_ROWS, height - top);
    loadStrip(strip, base, channels);
    shadeStrip(strip, p, layers);
    storeStrip(strip, base, out, channels);
  }
  return out;
}

/**
 * Renders the whole recipe: geometry (crop, quarter turns, straightening) from the oriented original, then
 * detail and colour. Output has the source's channel count and is `outputWidth` wide (default: the crop's
 * own width). Throws the crop's message when the crop's shape is refused (see cropPixels).
 */
export function renderCpu(source: RasterImage, recipe: Recipe, options: RenderCpuOptions = {}): RasterImage {
  const geometry = renderGeometry(
    source.width,
    source.height,
    recipe.geometry,
    options.aspect ?? POST_ASPECT,
    options.outputWidth,
  );
  const { width, height } = geometry;
  const base = resample(source, geometry.transform, width, height);
  const packed = packRecipe(recipe, width, height);
  const data = shade(base, width, height, source.channels, packed);
  return { data, width, height, channels: source.channels };
}
