/**
 * The photo editor's journey: Eve signs up, picks two photos, crops, and in the Edit step turns the
 * first black and white (a little less than fully), brightens it, holds Compare to see the original,
 * gives the second photo a warm filter, and shares. The served first photo really is grey and the second
 * is not. Later she re-edits the first photo from the post's options (a colour filter this time): the
 * same post, at the same address, shows a new render once it is ready.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import { eventually, type Person, person, postBy, signUp } from './support/people';
import { jpeg } from './support/photos';
import { startJourneyServer, type TestServer } from './support/server';

const eve = person('eve.editor', 'Eve Editor');
const ALT = [
  'An orange sunset over blue hills, in black and white',
  'A bright blue morning over the same hills',
];

let server: TestServer;
let browser: Browser;
const pages = new Map<Person, Page>();
let postId = '';
let firstSrc = '';

const pageOf = (who: Person): Page => {
  const page = pages.get(who);
  if (!page) throw new Error(`${who.username} has no browser yet`);
  return page;
};

/**
 * How colourful a photo on the page is: the mean of (max − min) over its RGB pixels, 0 for grey. The
 * <img> is drawn as the browser decoded it (the photos are same-origin, so the canvas stays readable).
 */
async function colourfulness(photo: Locator): Promise<{ src: string; chroma: number }> {
  return photo.evaluate(async (node) => {
    const img = node as HTMLImageElement;
    await img.decode().catch(() => {});
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = Math.max(1, Math.round((64 * img.naturalHeight) / Math.max(1, img.naturalWidth)));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      sum += Math.max(r, g, b) - Math.min(r, g, b);
    }
    return { src: img.currentSrc || img.src, chroma: sum / (data.length / 4) };
  });
}

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the photo editor: filters, tools, compare, publish and re-edit', () => {
  const story = journey('editor', { pages: () => pages.values() });

  story.step('Eve signs up, picks two photos and crops them', async () => {
    const context = await personContext(browser, server.url);
    const page = await context.newPage();
    pages.set(eve, page);
    await signUp(page, eve);
    await page.goto('/create');
    await page.getByRole('heading', { name: 'Create new post' }).waitFor();
    await page
      .getByLabel('Select from computer')
      .setInputFiles([
        await jpeg('sunset-hills.jpg', '#ff7a18', '#2d6cdf'),
        await jpeg('blue-morning.jpg', '#8fd3f4', '#3a7bd5'),
      ]);
    await page.getByRole('button', { name: 'Square', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Portrait', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('tab', { name: 'Filters' }).waitFor();
    expect(
      await page.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]').textContent(),
    ).toBe('Edit');
  });

  story.step('she picks the black-and-white filter and lowers its intensity', async () => {
    const page = pageOf(eve);
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('radio', { name: 'Normal' }).waitFor({ state: 'attached' });
    // Every thumbnail is her own photo through its filter.
    await eventually(
      page,
      async () => expect(await filters.locator('img').count()).toBeGreaterThanOrEqual(12),
      { reload: false, timeoutMs: 20_000 },
    );
    // The live preview has a renderer: WebGL2 where the GPU allows, else the canvas-2D fallback.
    const renderer = await page.locator('[data-renderer]').first().getAttribute('data-renderer');
    expect(['webgl2', 'canvas2d']).toContain(renderer);
    console.info(`editor journey: the preview renders with ${renderer}`);
    await filters.getByText('Onyx', { exact: true }).click();
    expect(await filters.getByRole('radio', { name: 'Onyx' }).isChecked()).toBe(true);
    const intensity = page.getByRole('slider', { name: 'Onyx intensity' });
    expect(await intensity.getAttribute('aria-valuetext')).toBe('100');
    await intensity.fill('85');
    expect(await intensity.getAttribute('aria-valuetext')).toBe('85');
    await story.screen(page, 'edit-filters', { desktop: true });
  });

  story.step('she opens Brightness, raises it and keeps it with Done', async () => {
    const page = pageOf(eve);
    await page.getByRole('tab', { name: 'Edit' }).click();
    await story.screen(page, 'edit-tools', { desktop: true });
    await page.getByRole('button', { name: 'Brightness', exact: true }).click();
    const brightness = page.getByRole('slider', { name: 'Brightness' });
    await brightness.fill('30');
    expect(await brightness.getAttribute('aria-valuetext')).toBe('+30');
    await story.screen(page, 'edit-tool-brightness', { desktop: true });
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('button', { name: 'Brightness (changed)' }).waitFor();
  });

  story.check(
    'Adjust, Color, Tilt Shift and Lux each open their controls, and Cancel leaves the photo as it was',
    async () => {
      const page = pageOf(eve);
      const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
      try {
        await page.getByRole('button', { name: 'Adjust', exact: true }).click();
        await page.getByRole('button', { name: 'Rotate 90°' }).waitFor();
        await page.getByRole('slider', { name: 'Straighten' }).fill('8');
        await story.screen(page, 'edit-tool-adjust');
        await cancel.click();

        await page.getByRole('button', { name: 'Color', exact: true }).click();
        await page.getByRole('button', { name: 'Blue', exact: true }).click();
        expect(
          await page.getByRole('button', { name: 'Blue', exact: true }).getAttribute('aria-pressed'),
        ).toBe('true');
        await story.screen(page, 'edit-tool-color', { desktop: true });
        await cancel.click();

        await page.getByRole('button', { name: 'Tilt Shift', exact: true }).click();
        await page.getByRole('button', { name: 'Radial', exact: true }).click();
        const stage = page.locator('[data-renderer]').first();
        const box = await stage.boundingBox();
        if (box) await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.35);
        await story.screen(page, 'edit-tool-tilt-shift');
        await cancel.click();

        await page.getByRole('button', { name: 'Lux', exact: true }).click();
        expect(await page.getByRole('slider', { name: 'Lux' }).getAttribute('aria-valuetext')).toBe('50');
        await cancel.click();
        expect(
          await page.getByRole('button', { name: /^(Adjust|Color|Tilt Shift|Lux) \(changed\)$/ }).count(),
        ).toBe(0);
      } finally {
        if (await cancel.isVisible()) await cancel.click();
      }
    },
  );

  story.step('she presses and holds Compare to see the original, and lets go', async () => {
    const page = pageOf(eve);
    const compare = page.getByRole('button', { name: /^Compare/ });
    const original = page.getByText('Original', { exact: true });
    await compare.hover();
    await page.mouse.down();
    await original.waitFor();
    expect(await compare.getAttribute('aria-pressed')).toBe('true');
    await story.screen(page, 'edit-compare');
    await page.mouse.up();
    await original.waitFor({ state: 'detached' });
    expect(await compare.getAttribute('aria-pressed')).toBe('false');
    // And from the keyboard: held Space shows it too.
    await compare.focus();
    await page.keyboard.down(' ');
    await original.waitFor();
    await page.keyboard.up(' ');
    await original.waitFor({ state: 'detached' });
  });

  story.step('she gives the second photo of the carousel a warm filter and shares', async () => {
    const page = pageOf(eve);
    await page.getByRole('button', { name: 'Edit photo 2' }).click();
    await page.getByRole('tab', { name: 'Filters' }).click();
    const filters = page.getByRole('group', { name: 'Filters' });
    expect(await filters.getByRole('radio', { name: 'Normal' }).isChecked()).toBe(true);
    await filters.getByText('Ember', { exact: true }).click();
    expect(await filters.getByRole('radio', { name: 'Ember' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Edit photo 1' }).click();
    expect(await filters.getByRole('radio', { name: 'Onyx' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('textbox', { name: 'Alt text for photo 1' }).fill(ALT[0] ?? '');
    await page.getByRole('textbox', { name: 'Alt text for photo 2' }).fill(ALT[1] ?? '');
    await page.getByRole('textbox', { name: 'Write a caption…' }).fill('Same hills, two moods #editor');
    // The caption step shows the photos as edited, though she went on quickly after each change: the
    // shown (first) photo is the editor's grey picture, and both alt-text thumbnails are edited pictures.
    const edited = page.locator('img[src^="data:image/jpeg"]');
    await expect.poll(() => edited.count()).toBeGreaterThanOrEqual(3);
    expect((await colourfulness(edited.first())).chroma, 'the caption preview shows Onyx').toBeLessThan(25);
    await story.screen(page, 'caption-edited', { desktop: true });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 45_000 });
    const post = postBy(page, eve.username).first();
    await eventually(page, () => post.waitFor({ timeout: 3_000 }), { timeoutMs: 30_000 });
    const href = await post.locator('a[href^="/p/"]').first().getAttribute('href');
    postId = href?.match(/^\/p\/([^/?#]+)/)?.[1] ?? '';
    expect(postId).not.toBe('');
  });

  story.step('the served first photo is black and white and the second is in colour', async () => {
    const page = pageOf(eve);
    await page.goto(`/p/${postId}`);
    const post = postBy(page, eve.username).first();
    const first = post.getByRole('img', { name: ALT[0] }).first();
    await first.waitFor();
    const grey = await colourfulness(first);
    const colour = await colourfulness(post.getByRole('img', { name: ALT[1] }).first());
    firstSrc = grey.src;
    expect(grey.chroma, 'the Onyx photo at 85% keeps little colour').toBeLessThan(25);
    expect(colour.chroma, 'the Ember photo is in colour').toBeGreaterThan(40);
    await story.screen(page, 'post-edited', { desktop: true });
  });

  story.step('she re-edits the first photo from the post options and saves', async () => {
    const page = pageOf(eve);
    await postBy(page, eve.username).first().getByRole('button', { name: 'More options' }).click();
    await page
      .getByRole('dialog', { name: 'Post options' })
      .getByRole('button', { name: 'Edit photos' })
      .click();
    await page.waitForURL((url) => url.pathname === `/p/${postId}/edit-photos`);
    await page.getByRole('heading', { name: 'Edit photos' }).waitFor();
    const filters = page.getByRole('group', { name: 'Filters' });
    // The saved recipe is loaded: the first photo is Onyx at 85%, the second Ember.
    await eventually(
      page,
      async () => expect(await filters.getByRole('radio', { name: 'Onyx' }).isChecked()).toBe(true),
      {
        reload: false,
        timeoutMs: 10_000,
      },
    );
    expect(await page.getByRole('slider', { name: 'Onyx intensity' }).getAttribute('aria-valuetext')).toBe(
      '85',
    );
    await eventually(
      page,
      async () => expect(await filters.locator('img').count()).toBeGreaterThanOrEqual(12),
      { reload: false, timeoutMs: 20_000 },
    );
    await story.screen(page, 're-edit', { desktop: true });
    await filters.getByText('Punch', { exact: true }).click();
    expect(await filters.getByRole('radio', { name: 'Punch' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/p/${postId}`);
    await page.getByText('Edits saved. Updating your post…').waitFor();
    await story.screen(page, 'post-saving');
  });

  story.step('the post, at the same address, shows the new render once it is ready', async () => {
    const page = pageOf(eve);
    const first = postBy(page, eve.username).first().getByRole('img', { name: ALT[0] }).first();
    await eventually(
      page,
      async () => {
        const now = await colourfulness(first);
        // The editor's own picture shows while the server renders (a data: URL); then the new render.
        expect(now.src.startsWith('data:'), 'the server’s new render has replaced the preview').toBe(false);
        expect(now.src).not.toBe(firstSrc);
        expect(now.chroma, 'the re-edited photo is in colour').toBeGreaterThan(40);
      },
      { reload: false, timeoutMs: 45_000 },
    );
    expect(new URL(page.url()).pathname).toBe(`/p/${postId}`);
    // A fresh visit gets the new photo too.
    await page.reload();
    await first.waitFor();
    expect((await colourfulness(first)).chroma).toBeGreaterThan(40);
    await story.screen(page, 'post-re-edited', { desktop: true });
  });

  story.accessibilityStep();
});
