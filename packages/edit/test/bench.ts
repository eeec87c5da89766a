import { type RasterImage, renderCpu } from '../src/cpu.js';
import type { Recipe } from '../src/recipe.js';
import { parseRecipe } from '../src/validate.js';
import { openParityPage } from './browser.js';

/**
 * Benchmark, run by hand: `npx tsx test/bench.ts` in packages/edit. Times renderCpu on a 12-megapixel photo
 * and the WebGL2 preview's frames (window.parity.timeFrames) in headless Chromium. Not part of the tests:
 * the figures depend on the machine and its load.
 */

const FULL = {
  version: 1,
  geometry: { straighten: 4 },
  filter: { name: 'harbor', intensity: 0.8 },
  adjust: {
    brightness: 0.2,
    contrast: 0.3,
    structure: 0.5,
    warmth: 0.2,
    saturation: 0.2,
    fade: 0.2,
    highlights: -0.3,
    shadows: 0.3,
    vignette: 0.4,
    sharpen: 0.5,
    shadowTint: { hue: 200, amount: 0.3 },
    highlightTint: { hue: 40, amount: 0.3 },
    tiltShift: { mode: 'radial', x: 0.5, y: 0.5, size: 0.3, angle: 0 },
  },
};

function parse(input: object): Recipe {
  const result = parseRecipe(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.recipe;
}

/** A busy synthetic photo: gradients plus a repeatable texture. */
function photo(width: number, height: number, channels: 3 | 4): RasterImage {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += channels) {
      const texture = (Math.imul(x, 2654435761) ^ Math.imul(y, 40503)) >>> 28;
      data[i] = ((x * 255) / width + texture) & 255;
      data[i + 1] = ((y * 255) / height + texture) & 255;
      data[i + 2] = (((x + y) * 128) / (width + height) + 60 + texture) & 255;
      if (channels === 4) data[i + 3] = 255;
    }
  }
  return { data, width, height, channels };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function benchCpu(): void {
  const source = photo(4000, 3000, 3);
  const recipe = parse(FULL);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const usage = process.cpuUsage();
    renderCpu(source, recipe);
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `renderCpu, 4000x3000 RGB, full recipe: median ${median(wall).toFixed(0)} ms wall, ` +
      `${median(cpu).toFixed(0)} ms CPU (runs: ${wall.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
}

async function benchGpu(): Promise<void> {
  const { page, close } = await openParityPage();
  try {
    const source = photo(2048, 1536, 4);
    const base64 = Buffer.from(source.data).toString('base64');
    await page.evaluate(([b, w, h]) => window.parity.preload('bench', b, w, h), [
      base64,
      2048,
      1536,
    ] as const);
    for (const [name, recipe] of [
      ['identity', parse({ version: 1 })],
      ['full recipe', parse(FULL)],
    ] as const) {
      for (const width of [540, 1080]) {
        const ms = await page.evaluate(
          ([r, w]) => {
            window.parity.renderPreloaded('bench', r, w);
            return window.parity.timeFrames(r, w, 20);
          },
          [recipe, width] as const,
        );
        console.log(
          `WebGL2 preview (${await page.evaluate(() => window.parity.kind)}), ${name}, ${width} wide from 2048x1536: median ${ms.toFixed(1)} ms per frame`,
        );
      }
    }
  } finally {
    await close();
  }
}

benchCpu();
await benchGpu();
