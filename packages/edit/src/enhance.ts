import type { RasterImage } from './cpu.js';
import { BRIGHTNESS_POWER, LUMA_B, LUMA_G, LUMA_R } from './pipeline.js';
import { type Adjustments, RANGES } from './recipe.js';

/** What auto-enhance looks at: the luma distribution and how colourful the photo is. */
export interface Histogram {
  /** 256 bins of Rec. 709 luma on the 8-bit encoded values. */
  luma: Uint32Array;
  /** Pixels counted (large images are sampled on a grid; see MAX_SAMPLES). */
  count: number;
  /** Mean HSV-style saturation (max - min) / max, 0..1. */
  meanSaturation: number;
}

/** Enough pixels for a stable histogram; larger images are read on a regular grid (deterministic). */
const MAX_SAMPLES = 1_000_000;

export function histogram(image: RasterImage): Histogram {
  const { data, width, height, channels } = image;
  const luma = new Uint32Array(256);
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / MAX_SAMPLES)));
  let count = 0;
  let saturationSum = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * channels;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      luma[Math.min(255, Math.round(LUMA_R * r + LUMA_G * g + LUMA_B * b))]!++;
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      saturationSum += max === 0 ? 0 : (max - min) / max;
      count++;
    }
  }
  return { luma, count, meanSaturation: count === 0 ? 0 : saturationSum / count };
}

/** The luma level (0..1) below which `fraction` of the pixels lie. */
function percentile(h: Histogram, fraction: number): number {
  const target = fraction * h.count;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += h.luma[level]!;
    if (seen >= target) return level / 255;
  }
  return 1;
}

/** Share of pixels in the given inclusive range of levels. */
function share(h: Histogram, from: number, to: number): number {
  let total = 0;
  for (let level = from; level <= to; level++) total += h.luma[level]!;
  return h.count === 0 ? 0 : total / h.count;
}

// Targets and limits: auto-enhance should nudge, never repaint; small deviations are left alone.
/** Medians inside this band count as balanced; others are moved to its nearest edge. */
const MEDIAN_BAND = [0.4, 0.56] as const;
const BRIGHTNESS_LIMIT = 0.6;
const TARGET_SPREAD = 0.82;
const CLIPPED_SHARE = 0.01;
const DULL_SATURATION = 0.22;
const DEAD_ZONE = 0.04;

/** Rounded to hundredths (slider steps), zero inside the dead zone, and inside [low, high] and RANGES. */
function settle(value: number, low: number, high: number): number {
  const clamped = Math.min(high, Math.max(low, value));
  const rounded = Math.round(clamped * 100) / 100;
  return Math.abs(rounded) < DEAD_ZONE ? 0 : rounded;
}

/**
 * Brightness that moves the median luma into MEDIAN_BAND: the tone curve is x ** 2 ** (-b * POWER), so solve
 * median ** exponent = target for the exponent; a photo that is all black or all white gets nothing.
 */
function brightnessFor(median: number): number {
  if (median <= 0.01 || median >= 0.99) return 0;
  const target = Math.min(MEDIAN_BAND[1], Math.max(MEDIAN_BAND[0], median));
  const exponent = Math.log(target) / Math.log(median);
  return -Math.log2(exponent) / BRIGHTNESS_POWER;
}

/** Suggested adjustments for a photo, from its histogram; deterministic, inside RANGES. */
export function autoEnhance(h: Histogram): Partial<Adjustments> {
  if (h.count === 0) return {};
  const [minB, maxB] = RANGES['adjust.brightness'];
  const median = percentile(h, 0.5);
  const spread = percentile(h, 0.99) - percentile(h, 0.01);
  const blacks = share(h, 0, 3);
  const whites = share(h, 252, 255);
  const brightness = settle(
    brightnessFor(median) * 0.8,
    Math.max(minB, -BRIGHTNESS_LIMIT),
    Math.min(maxB, BRIGHTNESS_LIMIT),
  );
  // Only flat photos get contrast: a wide spread is not a fault to correct.
  const contrast = settle((TARGET_SPREAD - spread) * 1.2, 0, 0.5);
  const shadows = settle(blacks > CLIPPED_SHARE ? Math.min(0.5, blacks * 4) : 0, 0, 0.5);
  const highlights = settle(whites > CLIPPED_SHARE ? -Math.min(0.5, whites * 4) : 0, -0.5, 0);
  const saturation = settle(
    h.meanSaturation < DULL_SATURATION ? (DULL_SATURATION - h.meanSaturation) * 1.5 : 0,
    0,
    0.3,
  );
  return { brightness, contrast, shadows, highlights, saturation };
}
