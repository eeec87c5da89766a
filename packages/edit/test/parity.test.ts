import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareImages, type ImageDifference } from '../src/compare.js';
import { type RasterImage, renderCpu } from '../src/cpu.js';
import { autoEnhance, histogram } from '../src/enhance.js';
import { FILTER_NAMES } from '../src/filters.js';
import type { Recipe } from '../src/recipe.js';
import { parseRecipe } from '../src/validate.js';
import { openParityPage, type ParityPage } from './browser.js';
import { testImages } from './images.js';

/**
 * The product's parity requirement: the browser's WebGL2 preview and the server's CPU render of the same
 * recipe must look the same. Every case is rendered by headless Chromium (WebGL2 on SwiftShader) and by
 * renderCpu in Node, and compared per pixel in CIEDE2000: mean <= 2 and 99th percentile <= 6.
 */

const MAX_MEAN = 2;
const MAX_P99 = 6;
const OUTPUT_WIDTH = 320;

const images = testImages();

interface Case {
  name: string;
  recipe: object;
  outputWidth?: number;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const name of FILTER_NAMES.filter((filter) => filter !== 'normal')) {
    for (const intensity of [0.5, 1])
      list.push({ name: `filter ${name} ${intensity}`, recipe: { filter: { name, intensity } } });
  }
  const twoSided = ['brightness', 'contrast', 'structure', 'warmth', 'saturation', 'highlights', 'shadows'];
  for (const name of twoSided) {
    for (const value of [-1, -0.5, 0.5, 1])
      list.push({ name: `${name} ${value}`, recipe: { adjust: { [name]: value } } });
  }
  for (const name of ['fade', 'vignette', 'sharpen']) {
    for (const value of [0.5, 1])
      list.push({ name: `${name} ${value}`, recipe: { adjust: { [name]: value } } });
  }
  list.push(
    { name: 'shadow tint', recipe: { adjust: { shadowTint: { hue: 210, amount: 1 } } } },
    { name: 'highlight tint', recipe: { adjust: { highlightTint: { hue: 40, amount: 1 } } } },
    {
      name: 'both tints',
      recipe: { adjust: { shadowTint: { hue: 300, amount: 0.5 }, highlightTint: { hue: 120, amount: 0.5 } } },
    },
    {
      name: 'tilt-shift radial',
      recipe: { adjust: { tiltShift: { mode: 'radial', x: 0.4, y: 0.45, size: 0.2 } } },
    },
    {
      name: 'tilt-shift linear',
      recipe: { adjust: { tiltShift: { mode: 'linear', x: 0.5, y: 0.6, size: 0.1, angle: 25 } } },
    },
    { name: 'straighten 10', recipe: { geometry: { straighten: 10 } } },
    { name: 'straighten -10', recipe: { geometry: { straighten: -10 } } },
    { name: 'straighten 30', recipe: { geometry: { straighten: 30 } } },
    { name: 'rotate 90', recipe: { geometry: { rotate: 90 } } },
    {
      name: 'crop, smaller output',
      recipe: { geometry: { crop: { x: 0.1, y: 0.2, width: 0.7, height: 0.6 } } },
      outputWidth: 180,
    },
    {
      name: 'everything',
      recipe: {
        geometry: { rotate: 180, straighten: -7 },
        filter: { name: 'harbor', intensity: 0.8 },
        adjust: {
          brightness: 0.2,
          contrast: 0.3,
          structure: 0.5,
          warmth: 0.3,
          saturation: 0.2,
          fade: 0.2,
          highlights: -0.4,
          shadows: 0.4,
          vignette: 0.5,
          sharpen: 0.6,
          shadowTint: { hue: 200, amount: 0.4 },
          highlightTint: { hue: 35, amount: 0.3 },
          tiltShift: { mode: 'linear', x: 0.5, y: 0.5, size: 0.15, angle: -10 },
        },
      },
    },
  );
  return list;
}

function parse(input: object): Recipe {
  const result = parseRecipe({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.recipe;
}

interface Result extends ImageDifference {
  name: string;
}

describe('WebGL2 preview against the CPU render', () => {
  const results: Result[] = [];
  let parityPage: ParityPage | undefined;
  let page: Page;
  const sources = images.map((image) => ({
    image,
    base64: Buffer.from(image.rgba).toString('base64'),
    raster: { data: image.rgba, width: image.width, height: image.height, channels: 4 } satisfies RasterImage,
  }));

  beforeAll(async () => {
    parityPage = await openParityPage();
    page = parityPage.page;
    for (const source of sources) {
      await page.evaluate(
        ([key, base64, width, height]) => window.parity.preload(key, base64, width, height),
        [source.image.name, source.base64, source.image.width, source.image.height] as const,
      );
    }
  });

  afterAll(async () => {
    const worst = [...results].sort((a, b) => b.mean - a.mean).slice(0, 10);
    const highest = (key: 'mean' | 'p99' | 'max') => Math.max(0, ...results.map((result) => result[key]));
    console.log(
      `Parity over ${results.length} renders: worst mean ${highest('mean').toFixed(3)}, ` +
        `worst p99 ${highest('p99').toFixed(3)}, worst single pixel ${highest('max').toFixed(3)} (CIEDE2000)`,
    );
    console.log('Parity: the 10 worst cases by mean CIEDE2000');
    console.table(
      worst.map(({ name, mean, p99, max }) => ({
        case: name,
        mean: Number(mean.toFixed(3)),
        p99: Number(p99.toFixed(3)),
        max: Number(max.toFixed(3)),
      })),
    );
    await parityPage?.close();
  });

  it('runs on WebGL2', async () => {
    expect(await page.evaluate(() => window.parity.kind)).toBe('webgl2');
  });

  it('really edits on the GPU (a black-and-white filter gives R = G = B there)', async () => {
    const recipe = parse({ filter: { name: 'onyx', intensity: 1 } });
    const gpu = await page.evaluate(([key, r, w]) => window.parity.renderPreloaded(key, r, w), [
      images[0]!.name,
      recipe,
      OUTPUT_WIDTH,
    ] as const);
    const rgba = Buffer.from(gpu.rgbaBase64, 'base64');
    let colourful = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (Math.max(Math.abs(rgba[i]! - rgba[i + 1]!), Math.abs(rgba[i + 1]! - rgba[i + 2]!)) > 1) colourful++;
    }
    expect(colourful).toBe(0);
  });

  async function check(name: string, recipe: Recipe, outputWidth: number, source: (typeof sources)[number]) {
    const gpu = await page.evaluate(([key, r, w]) => window.parity.renderPreloaded(key, r, w), [
      source.image.name,
      recipe,
      outputWidth,
    ] as const);
    const cpu = renderCpu(source.raster, recipe, { outputWidth });
    expect([gpu.width, gpu.height]).toEqual([cpu.width, cpu.height]);
    const gpuImage: RasterImage = {
      data: new Uint8Array(Buffer.from(gpu.rgbaBase64, 'base64')),
      width: gpu.width,
      height: gpu.height,
      channels: 4,
    };
    const difference = compareImages(gpuImage, cpu);
    results.push({ name: `${name} [${source.image.name}]`, ...difference });
    return difference;
  }

  for (const testCase of cases()) {
    it(`matches for ${testCase.name}`, async () => {
      const recipe = parse(testCase.recipe);
      for (const source of sources) {
        const difference = await check(testCase.name, recipe, testCase.outputWidth ?? OUTPUT_WIDTH, source);
        expect(difference.mean, `${source.image.name} mean`).toBeLessThanOrEqual(MAX_MEAN);
        expect(difference.p99, `${source.image.name} p99`).toBeLessThanOrEqual(MAX_P99);
      }
    });
  }

  it("matches for auto-enhance's suggestion", async () => {
    for (const source of sources) {
      const adjust = autoEnhance(histogram(source.raster));
      const difference = await check(
        `auto-enhance ${JSON.stringify(adjust)}`,
        parse({ adjust }),
        OUTPUT_WIDTH,
        source,
      );
      expect(difference.mean).toBeLessThanOrEqual(MAX_MEAN);
      expect(difference.p99).toBeLessThanOrEqual(MAX_P99);
    }
  });
});

describe('canvas 2D fallback', () => {
  it('is used without WebGL and draws exactly what renderCpu draws', async () => {
    const { page, close } = await openParityPage(['--disable-webgl']);
    try {
      expect(await page.evaluate(() => window.parity.kind)).toBe('canvas2d');
      const image = images[0]!;
      const recipe = parse({
        geometry: { straighten: 5 },
        filter: { name: 'ember' },
        adjust: { sharpen: 0.5 },
      });
      const drawn = await page.evaluate(
        ([base64, width, height, r, w]) => window.parity.render(base64, width, height, r, w),
        [Buffer.from(image.rgba).toString('base64'), image.width, image.height, recipe, 200] as const,
      );
      const cpu = renderCpu(
        { data: image.rgba, width: image.width, height: image.height, channels: 4 },
        recipe,
        {
          outputWidth: 200,
        },
      );
      expect([drawn.width, drawn.height]).toEqual([cpu.width, cpu.height]);
      expect(Buffer.from(drawn.rgbaBase64, 'base64').equals(Buffer.from(cpu.data))).toBe(true);
    } finally {
      await close();
    }
  });
});
