import { describe, expect, it } from 'vitest';
import type { RasterImage } from './cpu.js';
import { autoEnhance, histogram } from './enhance.js';
import { type Adjustments, RANGES } from './recipe.js';

/** A gradient photo whose levels run from `low` to `high`, with some colour. */
function gradient(low: number, high: number, colour = 0.3): RasterImage {
  const width = 200;
  const height = 150;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = low + ((high - low) * (x + y * width)) / (width * height - 1);
      const i = (y * width + x) * 3;
      data[i] = Math.min(255, Math.round(level * (1 + colour)));
      data[i + 1] = Math.round(level);
      data[i + 2] = Math.round(level * (1 - colour));
    }
  }
  return { data, width, height, channels: 3 };
}

/** The plain-number suggestions (auto-enhance never sets tints or tilt-shift). */
function numbers(adjustments: Partial<Adjustments>): [string, number][] {
  return Object.entries(adjustments).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
}

function expectInRanges(adjustments: Partial<Adjustments>): void {
  expect(numbers(adjustments).length).toBe(Object.keys(adjustments).length);
  for (const [name, value] of numbers(adjustments)) {
    const [min, max] = RANGES[`adjust.${name}` as keyof typeof RANGES];
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  }
}

describe('histogram', () => {
  it('counts every pixel of a small image', () => {
    const h = histogram(gradient(0, 255));
    expect(h.count).toBe(200 * 150);
    expect(h.luma.reduce((sum, bin) => sum + bin, 0)).toBe(h.count);
    expect(h.meanSaturation).toBeGreaterThan(0.2);
  });
});

describe('autoEnhance', () => {
  it('brightens a dark photo', () => {
    const result = autoEnhance(histogram(gradient(0, 90)));
    expect(result.brightness).toBeGreaterThan(0.2);
    expectInRanges(result);
  });

  it('darkens a washed-out photo and adds contrast to a flat one', () => {
    const result = autoEnhance(histogram(gradient(170, 250)));
    expect(result.brightness).toBeLessThan(0);
    expect(result.contrast).toBeGreaterThan(0);
    expectInRanges(result);
  });

  it('leaves a balanced photo nearly alone', () => {
    const result = autoEnhance(histogram(gradient(12, 238, 0.4)));
    for (const [, value] of numbers(result)) expect(Math.abs(value)).toBeLessThanOrEqual(0.1);
  });

  it('lifts the saturation of a dull photo only', () => {
    expect(autoEnhance(histogram(gradient(12, 238, 0.02))).saturation).toBeGreaterThan(0.1);
    expect(autoEnhance(histogram(gradient(12, 238, 0.4))).saturation).toBe(0);
  });

  it('is deterministic', () => {
    const h = histogram(gradient(30, 140));
    expect(autoEnhance(h)).toEqual(autoEnhance(h));
  });
});
