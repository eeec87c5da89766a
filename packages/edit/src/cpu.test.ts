import { describe, expect, it } from 'vitest';
import { type RasterImage, renderCpu } from './cpu.js';
import { FILTER_NAMES } from './filters.js';
import type { Recipe } from './recipe.js';
import { parseRecipe } from './validate.js';

/** A deterministic, photo-like test image: gradients, a hard edge and some texture. */
function testImage(width: number, height: number, channels: 3 | 4): RasterImage {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const texture = ((x * 7919 + y * 104729) % 17) - 8;
      data[i] = Math.max(0, Math.min(255, Math.round((255 * x) / width) + texture));
      data[i + 1] = Math.max(0, Math.min(255, Math.round((255 * y) / height) - texture));
      data[i + 2] = x > width / 2 ? 200 : 40;
      if (channels === 4) data[i + 3] = (x + y) % 256;
    }
  }
  return { data, width, height, channels };
}

function recipe(input: object): Recipe {
  const result = parseRecipe({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.recipe;
}

function mean(image: RasterImage): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < image.data.length; i += image.channels) {
    sum += image.data[i]! + image.data[i + 1]! + image.data[i + 2]!;
    count += 3;
  }
  return sum / count;
}

describe('renderCpu', () => {
  it('returns the cropped pixels unchanged for the identity recipe', () => {
    const source = testImage(120, 100, 3);
    const out = renderCpu(
      source,
      recipe({ geometry: { crop: { x: 0.25, y: 0.1, width: 0.5, height: 0.6 } } }),
    );
    expect([out.width, out.height, out.channels]).toEqual([60, 60, 3]);
    for (let y = 0; y < out.height; y++) {
      for (let x = 0; x < out.width; x++) {
        for (let c = 0; c < 3; c++) {
          const expected = source.data[((y + 10) * 120 + x + 30) * 3 + c]!;
          expect(Math.abs(out.data[(y * 60 + x) * 3 + c]! - expected)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('turns the pixels for rotate 90', () => {
    const source = testImage(80, 64, 3);
    const out = renderCpu(
      source,
      recipe({ geometry: { rotate: 90, crop: { x: 0, y: 0, width: 1, height: 1 } } }),
    );
    expect([out.width, out.height]).toEqual([64, 80]);
    // Output (x, y) shows original (y, 63 - x).
    for (const [x, y] of [
      [0, 0],
      [10, 20],
      [63, 79],
    ] as const) {
      const o = (y * 64 + x) * 3;
      const s = ((63 - x) * 80 + y) * 3;
      expect([...out.data.subarray(o, o + 3)]).toEqual([...source.data.subarray(s, s + 3)]);
    }
  });

  it('passes alpha through with four channels', () => {
    const source = testImage(50, 50, 4);
    const out = renderCpu(source, recipe({ adjust: { brightness: 0.5, sharpen: 1 } }));
    expect(out.channels).toBe(4);
    for (let i = 3; i < out.data.length; i += 4) expect(out.data[i]).toBe(source.data[i]);
  });

  it('makes R = G = B with the black-and-white filters', () => {
    const source = testImage(64, 64, 3);
    for (const name of ['onyx', 'pewter']) {
      const out = renderCpu(source, recipe({ filter: { name, intensity: 1 } }));
      for (let i = 0; i < out.data.length; i += 3) {
        expect(out.data[i]).toBe(out.data[i + 1]);
        expect(out.data[i + 1]).toBe(out.data[i + 2]);
      }
    }
  });

  it('makes R = G = B at saturation -1', () => {
    const out = renderCpu(testImage(64, 64, 3), recipe({ adjust: { saturation: -1 } }));
    for (let i = 0; i < out.data.length; i += 3) {
      expect(Math.abs(out.data[i]! - out.data[i + 1]!)).toBeLessThanOrEqual(1);
      expect(Math.abs(out.data[i]! - out.data[i + 2]!)).toBeLessThanOrEqual(1);
    }
  });

  it('raises the mean with brightness up and lowers it with brightness down', () => {
    const source = testImage(64, 64, 3);
    const neutral = mean(renderCpu(source, recipe({})));
    expect(mean(renderCpu(source, recipe({ adjust: { brightness: 0.5 } })))).toBeGreaterThan(neutral + 10);
    expect(mean(renderCpu(source, recipe({ adjust: { brightness: -0.5 } })))).toBeLessThan(neutral - 10);
  });

  it('darkens corners with the vignette and warms with warmth', () => {
    const source: RasterImage = {
      data: new Uint8Array(64 * 64 * 3).fill(128),
      width: 64,
      height: 64,
      channels: 3,
    };
    const vignette = renderCpu(source, recipe({ adjust: { vignette: 1 } }));
    expect(vignette.data[0]).toBeLessThan(vignette.data[(32 * 64 + 32) * 3]! - 30);
    const warm = renderCpu(source, recipe({ adjust: { warmth: 1 } }));
    expect(warm.data[0]).toBeGreaterThan(warm.data[2]!);
  });

  it('renders every filter and every detail step without leaving 0..255', () => {
    const source = testImage(90, 90, 3);
    for (const name of FILTER_NAMES) {
      const out = renderCpu(
        source,
        recipe({
          filter: { name, intensity: 0.7 },
          adjust: { structure: 1, sharpen: 1, tiltShift: { mode: 'linear', angle: 20 }, fade: 0.3 },
        }),
      );
      expect(out.data.length).toBe(90 * 90 * 3);
    }
  });

  it('draws at the requested output width', () => {
    const out = renderCpu(testImage(200, 100, 3), recipe({ geometry: { straighten: 12 } }), {
      outputWidth: 80,
    });
    expect(out.width).toBe(80);
    // The straightened 2:1 frame is trimmed to 1.91:1 (the null crop), then drawn 80 wide.
    expect(Math.abs(out.height - 80 / 1.91)).toBeLessThanOrEqual(1);
  });

  it('throws the crop message when the shape is refused', () => {
    expect(() =>
      renderCpu(
        testImage(100, 100, 3),
        recipe({ geometry: { crop: { x: 0, y: 0, width: 0.3, height: 1 } } }),
      ),
    ).toThrow('The crop is too tall');
  });
});
