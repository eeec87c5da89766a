/**
 * Tone curves: control points through which a smooth, monotone curve is drawn, sampled into lookup tables
 * that both renderers read the same way (see lookupLut and its GLSL twin `lut()` in webgl/shaders.ts).
 */

/** Control points [input, output] on the 0..255 scale designers think in; inputs strictly increasing. */
export type CurvePoints = readonly (readonly [number, number])[];

/** Entries per lookup table: fine enough that linear interpolation between entries is invisible. */
export const LUT_SIZE = 1024;

/**
 * Tangents for monotone cubic Hermite interpolation (Fritsch and Carlson): a curve through increasing
 * points never overshoots, so a designer's gentle S-curve cannot invert or band the tones.
 */
function monotoneTangents(xs: readonly number[], ys: readonly number[]): number[] {
  const count = xs.length;
  const secants: number[] = [];
  for (let i = 0; i < count - 1; i++) {
    secants.push((ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!));
  }
  const tangents: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0) tangents.push(secants[0]!);
    else if (i === count - 1) tangents.push(secants[count - 2]!);
    else {
      const before = secants[i - 1]!;
      const after = secants[i]!;
      tangents.push(before * after <= 0 ? 0 : (before + after) / 2);
    }
  }
  for (let i = 0; i < count - 1; i++) {
    const secant = secants[i]!;
    if (secant === 0) {
      tangents[i] = 0;
      tangents[i + 1] = 0;
      continue;
    }
    const alpha = tangents[i]! / secant;
    const beta = tangents[i + 1]! / secant;
    const length = Math.hypot(alpha, beta);
    // Outside the circle of radius 3 the cubic would overshoot; scaling the tangents back keeps it monotone.
    if (length > 3) {
      tangents[i] = (3 / length) * alpha * secant;
      tangents[i + 1] = (3 / length) * beta * secant;
    }
  }
  return tangents;
}

/** Evaluates the curve at `x` (0..1 scale); flat beyond the first and last points. */
export function curveEvaluator(points: CurvePoints): (x: number) => number {
  if (points.length < 2) throw new Error('A curve needs at least two points.');
  const xs = points.map(([input]) => input / 255);
  const ys = points.map(([, output]) => output / 255);
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i]! > xs[i - 1]!)) throw new Error('Curve inputs must increase.');
  }
  const tangents = monotoneTangents(xs, ys);
  return (x) => {
    if (x <= xs[0]!) return ys[0]!;
    const last = xs.length - 1;
    if (x >= xs[last]!) return ys[last]!;
    let i = 0;
    while (x > xs[i + 1]!) i++;
    const h = xs[i + 1]! - xs[i]!;
    const t = (x - xs[i]!) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * ys[i]! +
      (t3 - 2 * t2 + t) * h * tangents[i]! +
      (-2 * t3 + 3 * t2) * ys[i + 1]! +
      (t3 - t2) * h * tangents[i + 1]!
    );
  };
}

/** The straight line: a curve that changes nothing. */
export const IDENTITY_CURVE: CurvePoints = [
  [0, 0],
  [255, 255],
];

/**
 * Reads a table of LUT_SIZE entries (stride `stride`, starting at `offset`) at x in 0..1, interpolating
 * linearly between neighbouring entries. The shader does exactly this with texelFetch, never with hardware
 * filtering, so both renderers agree to float rounding.
 */
export function lookupLut(table: Float32Array, offset: number, stride: number, x: number): number {
  const clamped = x < 0 ? 0 : x > 1 ? 1 : x;
  const position = clamped * (LUT_SIZE - 1);
  let index = Math.floor(position);
  if (index > LUT_SIZE - 2) index = LUT_SIZE - 2;
  const fraction = position - index;
  const low = table[offset + index * stride]!;
  const high = table[offset + (index + 1) * stride]!;
  return low + (high - low) * fraction;
}
