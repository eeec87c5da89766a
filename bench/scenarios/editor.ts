import { parseRecipe, type Recipe } from '@glimpse/edit';
import '../../packages/edit/test/parity-api';
import { renderImage } from '../../apps/server/src/platform/media';
import { openParityPage } from '../../packages/edit/test/browser';
import { type Figure, figure } from '../lib/figures';
import { summarize } from '../lib/stats';

/**
 * The photo editor's costs. On the server: the 12-megapixel photo rendered with a full recipe (a filter,
 * every adjustment, straightening, tilt-shift) into every size and format, against the same photo with
 * no recipe, alternated run by run so the machine's load touches both alike. In the browser: the WebGL2
 * preview's frame time at 1080 px in headless Chromium, which draws with SwiftShader on the CPU here (a
 * phone's GPU is far faster), next to the same preview with nothing to do.
 */
const FULL_RECIPE = {
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

function parsed(input: object): Recipe {
  const result = parseRecipe(input);
  if (!result.ok) throw new Error(`bench recipe refused: ${JSON.stringify(result.issues)}`);
  return result.recipe;
}

export async function measureEditorRender(photo: Buffer, runs: number): Promise<Figure[]> {
  const recipe = parsed(FULL_RECIPE);
  await renderImage(photo, { mode: 'post', recipe }); // warm-up
  const plain: number[] = [];
  const edited: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    await renderImage(photo, { mode: 'post' });
    plain.push(performance.now() - started);
    started = performance.now();
    await renderImage(photo, { mode: 'post', recipe });
    edited.push(performance.now() - started);
  }
  return [
    figure('media.render_12mp_recipe_ms', 'ms', summarize(edited), {
      digits: 0,
      note: 'renderImage with a full recipe (filter, every adjustment, straighten, tilt-shift) from the 4000×3000 original, every variant',
    }),
    figure('media.render_12mp_recipe_ratio', 'ratio', summarize(edited.map((ms, i) => ms / plain[i]!)), {
      digits: 2,
      note: 'with the recipe / the same photo without one, run by run',
    }),
  ];
}

export async function measurePreview(frames: number): Promise<Figure[]> {
  const { page, close } = await openParityPage();
  try {
    const width = 2048;
    const height = 1536;
    const source = new Uint8Array(width * height * 4);
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i += 4) {
        const texture = (Math.imul(x, 2654435761) ^ Math.imul(y, 40503)) >>> 28;
        source[i] = ((x * 255) / width + texture) & 255;
        source[i + 1] = ((y * 255) / height + texture) & 255;
        source[i + 2] = (((x + y) * 128) / (width + height) + 60 + texture) & 255;
        source[i + 3] = 255;
      }
    }
    await page.evaluate(([b, w, h]) => window.parity.preload('bench', b, w, h), [
      Buffer.from(source).toString('base64'),
      width,
      height,
    ] as const);
    const kind = await page.evaluate(() => window.parity.kind);
    const time = (recipe: Recipe) =>
      page.evaluate(
        ([r, n]) => {
          window.parity.renderPreloaded('bench', r, 1080);
          return window.parity.timeFrames(r, 1080, n);
        },
        [recipe, frames] as const,
      );
    const full = await time(parsed(FULL_RECIPE));
    const identity = await time(parsed({ version: 1 }));
    return [
      figure('editor.preview_1080_ms', 'ms', full, {
        digits: 1,
        note: `median frame of the ${kind} preview with the full recipe, 1080 wide from a 2048×1536 source, headless Chromium (SwiftShader: the GPU is emulated on the CPU)`,
      }),
      figure('editor.preview_1080_ratio', 'ratio', full / identity, {
        digits: 2,
        note: 'full recipe / the same preview with nothing to do, same page',
      }),
    ];
  } finally {
    await close();
  }
}
