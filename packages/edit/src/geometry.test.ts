import { describe, expect, it } from 'vitest';
import { type Affine, applyAffine, cropPixels, frameSize, POST_ASPECT, scaleOutput } from './geometry.js';
import type { Geometry, Rotation } from './recipe.js';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const EPSILON = 1e-6;

function corners(width: number, height: number, t: Affine): [number, number][] {
  return [
    applyAffine(t, 0, 0),
    applyAffine(t, width, 0),
    applyAffine(t, 0, height),
    applyAffine(t, width, height),
  ];
}

function expectInside(points: [number, number][], width: number, height: number): void {
  for (const [x, y] of points) {
    expect(x).toBeGreaterThanOrEqual(-EPSILON);
    expect(y).toBeGreaterThanOrEqual(-EPSILON);
    expect(x).toBeLessThanOrEqual(width + EPSILON);
    expect(y).toBeLessThanOrEqual(height + EPSILON);
  }
}

function crop(width: number, height: number, geometry: Geometry) {
  const result = cropPixels(width, height, geometry, POST_ASPECT);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('frameSize', () => {
  it('is the rotated photo when not straightened', () => {
    expect(frameSize(400, 300, 0, 0)).toEqual({ width: 400, height: 300 });
    expect(frameSize(400, 300, 90, 0)).toEqual({ width: 300, height: 400 });
  });

  it('shrinks with the angle, keeping the shape', () => {
    const small = frameSize(400, 300, 0, 5);
    const large = frameSize(400, 300, 0, -20);
    expect(small.width / small.height).toBeCloseTo(4 / 3, 9);
    expect(large.width).toBeLessThan(small.width);
    expect(frameSize(400, 300, 0, 20)).toEqual(large);
  });
});

describe('cropPixels', () => {
  it('is a whole-pixel copy for a plain crop', () => {
    const result = crop(400, 500, {
      rotate: 0,
      straighten: 0,
      crop: { x: 0.25, y: 0.1, width: 0.5, height: 0.4 },
    });
    expect(result.output).toEqual({ width: 200, height: 200 });
    expect(result.transform).toEqual({ a: 1, b: 0, c: 100, d: 0, e: 1, f: 50 });
  });

  it('keeps every output corner inside the source after straightening', () => {
    for (const rotate of ROTATIONS) {
      for (const straighten of [-45, -30, -10, -0.5, 3, 10, 30, 45]) {
        for (const [w, h] of [
          [400, 300],
          [300, 400],
          [1000, 1000],
          [401, 333],
        ] as const) {
          const result = crop(w, h, { rotate, straighten, crop: null });
          expectInside(corners(result.output.width, result.output.height, result.transform), w, h);
          const full = cropPixels(
            w,
            h,
            { rotate, straighten, crop: { x: 0, y: 0, width: 1, height: 1 } },
            {
              minAspect: 0.5,
              maxAspect: 2,
            },
          );
          if (!full.ok) throw new Error(full.message);
          expectInside(corners(full.output.width, full.output.height, full.transform), w, h);
        }
      }
    }
  });

  it('turns the photo a quarter clockwise for rotate 90', () => {
    const result = crop(400, 320, { rotate: 90, straighten: 0, crop: { x: 0, y: 0, width: 1, height: 1 } });
    expect(result.output).toEqual({ width: 320, height: 400 });
    // The output's top-left pixel is the original's bottom-left one.
    expect(applyAffine(result.transform, 0.5, 0.5)).toEqual([0.5, 319.5]);
    // The output's top-right pixel is the original's top-left one.
    expect(applyAffine(result.transform, 319.5, 0.5)).toEqual([0.5, 0.5]);
  });

  it('maps rotate 180 and 270 onto the opposite corners', () => {
    const half = crop(400, 320, { rotate: 180, straighten: 0, crop: { x: 0, y: 0, width: 1, height: 1 } });
    expect(applyAffine(half.transform, 0.5, 0.5)).toEqual([399.5, 319.5]);
    const three = crop(400, 320, { rotate: 270, straighten: 0, crop: { x: 0, y: 0, width: 1, height: 1 } });
    // Turned anticlockwise: the output's top-left pixel is the original's top-right one.
    expect(applyAffine(three.transform, 0.5, 0.5)).toEqual([399.5, 0.5]);
  });

  it('chooses the largest centred allowed box for a null crop', () => {
    const tall = crop(300, 600, { rotate: 0, straighten: 0, crop: null });
    expect(tall.output).toEqual({ width: 300, height: 375 });
    // (600 - 375) / 2 = 112.5, rounded to a whole pixel so nothing is resampled.
    expect(tall.transform.f).toBe(113);
    const wide = crop(1000, 300, { rotate: 0, straighten: 0, crop: null });
    expect(wide.output).toEqual({ width: 573, height: 300 });
    const fits = crop(400, 300, { rotate: 0, straighten: 0, crop: null });
    expect(fits.output).toEqual({ width: 400, height: 300 });
  });

  it('refuses shapes outside the range, with the server wording', () => {
    const tall = cropPixels(
      1000,
      1000,
      { rotate: 0, straighten: 0, crop: { x: 0, y: 0, width: 0.5, height: 1 } },
      POST_ASPECT,
    );
    expect(tall).toEqual({
      ok: false,
      message: 'The crop is too tall: the tallest allowed shape is 4:5 (portrait).',
    });
    const wide = cropPixels(
      1000,
      1000,
      { rotate: 0, straighten: 0, crop: { x: 0, y: 0, width: 1, height: 0.4 } },
      POST_ASPECT,
    );
    expect(wide).toEqual({
      ok: false,
      message: 'The crop is too wide: the widest allowed shape is 1.91:1 (landscape).',
    });
    const square = cropPixels(
      1000,
      1000,
      { rotate: 0, straighten: 0, crop: { x: 0, y: 0, width: 1, height: 0.9 } },
      {
        minAspect: 1,
        maxAspect: 1,
      },
    );
    expect(square).toEqual({ ok: false, message: 'The crop must be square.' });
  });

  it('accepts shapes within 1% and snaps them inside the range', () => {
    // 400 x 504 is 0.794, inside 1% of 4:5: trimmed to 400 x 500.
    const result = crop(1000, 1000, {
      rotate: 0,
      straighten: 0,
      crop: { x: 0, y: 0, width: 0.4, height: 0.504 },
    });
    expect(result.output).toEqual({ width: 400, height: 500 });
    expect(result.transform.f).toBe(2);
  });

  it('measures the crop in the straightened frame', () => {
    const frame = frameSize(800, 600, 0, 10);
    const result = crop(800, 600, {
      rotate: 0,
      straighten: 10,
      crop: { x: 0, y: 0, width: 0.5, height: 0.5 },
    });
    expect(result.output.width).toBe(Math.round(frame.width / 2));
    expect(result.output.height).toBe(Math.round(frame.height / 2));
  });

  it('scales the map when drawn at another width', () => {
    const result = crop(400, 500, { rotate: 0, straighten: 0, crop: null });
    const scaled = scaleOutput(result, 200);
    expect(scaled.width).toBe(200);
    expect(scaled.height).toBe(250);
    expectInside(corners(scaled.width, scaled.height, scaled.transform), 400, 500);
    expect(applyAffine(scaled.transform, 200, 250)).toEqual([400, 500]);
  });
});
