import { describe, expect, it } from 'vitest';
import { ciede2000, compareImages, srgbToLab } from './compare.js';

// Test pairs from Sharma, Wu and Dalal (2005), Table 1: [L1, a1, b1, L2, a2, b2, ΔE00].
const SHARMA_PAIRS = [
  [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425],
  [50, 3.1571, -77.2803, 50, 0, -82.7485, 2.8615],
  [50, 2.8361, -74.02, 50, 0, -82.7485, 3.4412],
  [50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0],
  [50, 0, 0, 50, -1, 2, 2.3669],
  [50, 2.49, -0.001, 50, -2.49, 0.0009, 7.1792],
  [50, 2.49, -0.001, 50, -2.49, 0.0011, 7.2195],
  [50, 2.5, 0, 73, 25, -18, 27.1492],
  [50, 2.5, 0, 61, -5, 29, 22.8977],
  [50, 2.5, 0, 56, -27, -3, 31.903],
  [50, 2.5, 0, 58, 24, 15, 19.4535],
  [50, 2.5, 0, 50, 3.1736, 0.5854, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
] as const;

describe('ciede2000', () => {
  it("matches Sharma's published test pairs to 4 decimals", () => {
    for (const [l1, a1, b1, l2, a2, b2, expected] of SHARMA_PAIRS) {
      const one = { l: l1, a: a1, b: b1 };
      const two = { l: l2, a: a2, b: b2 };
      expect(ciede2000(one, two)).toBeCloseTo(expected, 4);
      expect(ciede2000(two, one)).toBeCloseTo(expected, 4);
    }
  });
});

describe('srgbToLab', () => {
  it('maps white, black and red to their known Lab values', () => {
    const white = srgbToLab(255, 255, 255);
    expect(white.l).toBeCloseTo(100, 2);
    expect(Math.abs(white.a)).toBeLessThan(0.01);
    expect(srgbToLab(0, 0, 0).l).toBe(0);
    const red = srgbToLab(255, 0, 0);
    expect(red.l).toBeCloseTo(53.24, 1);
    expect(red.a).toBeCloseTo(80.09, 1);
    expect(red.b).toBeCloseTo(67.2, 1);
  });
});

describe('compareImages', () => {
  it('is zero for identical images and positive for different ones', () => {
    const data = Uint8Array.from({ length: 10 * 10 * 3 }, (_, i) => (i * 37) % 256);
    const image = { data, width: 10, height: 10, channels: 3 as const };
    expect(compareImages(image, image)).toEqual({ mean: 0, p99: 0, max: 0 });
    const shifted = { ...image, data: data.map((v) => Math.min(255, v + 10)) };
    const difference = compareImages(image, shifted);
    expect(difference.mean).toBeGreaterThan(0);
    expect(difference.max).toBeGreaterThanOrEqual(difference.p99);
  });
});
