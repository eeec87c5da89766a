import type { RasterImage } from './cpu.js';

/**
 * Colour difference as people see it: sRGB (D65) to CIELAB, and CIEDE2000 in the formulation of Sharma, Wu
 * and Dalal (2005), which fixes the ambiguities of the original publication. Used by the parity test to hold
 * the WebGL preview and the CPU render together, in units where about 1 is a just-noticeable difference.
 */

export interface Lab {
  l: number;
  a: number;
  b: number;
}

// D65 reference white, Y normalised to 1.
const WHITE_X = 0.95047;
const WHITE_Y = 1;
const WHITE_Z = 1.08883;

function srgbToLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function labCurve(t: number): number {
  const epsilon = 216 / 24389;
  const kappa = 24389 / 27;
  return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
}

/** The 256 decoded levels, computed once: comparing images converts hundreds of thousands of pixels. */
const LINEAR = Float64Array.from({ length: 256 }, (_, level) => srgbToLinear(level / 255));

/** 8-bit sRGB to CIELAB (D65). */
export function srgbToLab(r: number, g: number, b: number): Lab {
  const lr = LINEAR[r] ?? srgbToLinear(r / 255);
  const lg = LINEAR[g] ?? srgbToLinear(g / 255);
  const lb = LINEAR[b] ?? srgbToLinear(b / 255);
  const x = 0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb;
  const y = 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb;
  const z = 0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb;
  const fx = labCurve(x / WHITE_X);
  const fy = labCurve(y / WHITE_Y);
  const fz = labCurve(z / WHITE_Z);
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** Hue angle in degrees 0..360, with the (0, 0) case defined as 0 as Sharma et al. specify. */
function hueDegrees(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / DEG;
  return h < 0 ? h + 360 : h;
}

/** CIEDE2000 colour difference between two Lab colours (kL = kC = kH = 1). */
export function ciede2000(one: Lab, two: Lab): number {
  const c1 = Math.hypot(one.a, one.b);
  const c2 = Math.hypot(two.a, two.b);
  const meanC7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + POW25_7)));
  const a1 = (1 + g) * one.a;
  const a2 = (1 + g) * two.a;
  const cp1 = Math.hypot(a1, one.b);
  const cp2 = Math.hypot(a2, two.b);
  const hp1 = hueDegrees(one.b, a1);
  const hp2 = hueDegrees(two.b, a2);

  const deltaL = two.l - one.l;
  const deltaC = cp2 - cp1;
  let deltaH = 0;
  if (cp1 * cp2 !== 0) {
    deltaH = hp2 - hp1;
    if (deltaH > 180) deltaH -= 360;
    else if (deltaH < -180) deltaH += 360;
  }
  const deltaBigH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((deltaH / 2) * DEG);

  const meanL = (one.l + two.l) / 2;
  const meanCp = (cp1 + cp2) / 2;
  let meanH = hp1 + hp2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(hp1 - hp2) <= 180) meanH = (hp1 + hp2) / 2;
    else meanH = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((meanH - 30) * DEG) +
    0.24 * Math.cos(2 * meanH * DEG) +
    0.32 * Math.cos((3 * meanH + 6) * DEG) -
    0.2 * Math.cos((4 * meanH - 63) * DEG);
  const deltaTheta = 30 * Math.exp(-(((meanH - 275) / 25) ** 2));
  const meanCp7 = meanCp ** 7;
  const rc = 2 * Math.sqrt(meanCp7 / (meanCp7 + POW25_7));
  const lOffset = (meanL - 50) ** 2;
  const sl = 1 + (0.015 * lOffset) / Math.sqrt(20 + lOffset);
  const sc = 1 + 0.045 * meanCp;
  const sh = 1 + 0.015 * meanCp * t;
  const rt = -Math.sin(2 * deltaTheta * DEG) * rc;
  const termL = deltaL / sl;
  const termC = deltaC / sc;
  const termH = deltaBigH / sh;
  return Math.sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
}

export interface ImageDifference {
  /** Mean CIEDE2000 over all pixels. */
  mean: number;
  /** 99th percentile: the worst 1% starts here. */
  p99: number;
  max: number;
}

/** Per-pixel CIEDE2000 between two images of the same size (alpha ignored). */
export function compareImages(one: RasterImage, two: RasterImage): ImageDifference {
  if (one.width !== two.width || one.height !== two.height) {
    throw new Error(`Sizes differ: ${one.width}x${one.height} and ${two.width}x${two.height}.`);
  }
  const count = one.width * one.height;
  const differences = new Float64Array(count);
  let sum = 0;
  for (let p = 0; p < count; p++) {
    const i = p * one.channels;
    const j = p * two.channels;
    // Most pixels agree exactly; their difference is 0 without the trigonometry.
    if (
      one.data[i] === two.data[j] &&
      one.data[i + 1] === two.data[j + 1] &&
      one.data[i + 2] === two.data[j + 2]
    ) {
      continue;
    }
    const d = ciede2000(
      srgbToLab(one.data[i]!, one.data[i + 1]!, one.data[i + 2]!),
      srgbToLab(two.data[j]!, two.data[j + 1]!, two.data[j + 2]!),
    );
    differences[p] = d;
    sum += d;
  }
  differences.sort();
  const p99 = differences[Math.min(count - 1, Math.floor(0.99 * count))] ?? 0;
  return { mean: count === 0 ? 0 : sum / count, p99, max: differences[count - 1] ?? 0 };
}
