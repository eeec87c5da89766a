/**
 * The app as an installed PWA: after the feed has been seen once, it opens with no connection at all —
 * the app shell from the service worker's precache, the last feed page from Graphcache's IndexedDB copy,
 * the photos from the service worker's media cache.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import { eventually, logIn, postBy } from './support/people';
import { startJourneyServer, type TestServer } from './support/server';
import { world } from './support/world';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const author = 'ana.offline';
const reader = 'ben.offline';

beforeAll(async () => {
  server = await startJourneyServer();
  const seed = world(server.glimpse);
  const ana = await seed.person(author, 'Ana Offline');
  const ben = await seed.person(reader, 'Ben Offline');
  await seed.post(ana, 'Low tide this morning #coast', [
    { alt: 'Wet sand at low tide', colours: ['#e0c9a6', '#6b8fa3'] },
  ]);
  await seed.post(ana, 'Fog rolling in over the hills', [
    { alt: 'Hills in fog', colours: ['#d7dde2', '#6d7b86'] },
    { alt: 'The valley below the fog', colours: ['#b9c7b0', '#44573f'] },
  ]);
  await seed.follow(ben, ana);
  await seed.settled();
  browser = await launchChromium();
  context = await personContext(browser, server.url);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Whether Graphcache has written the home feed to its IndexedDB database ("glimpse"). */
async function feedPersisted(target: Page): Promise<boolean> {
  return target.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('glimpse');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) return resolve(false);
          const all = db.transaction('entries', 'readonly').objectStore('entries').getAll();
          all.onerror = () => resolve(false);
          all.onsuccess = () => resolve(JSON.stringify(all.result).includes('homeFeed'));
        };
      }),
  );
}

describe('offline reading', () => {
  const story = journey('offline', { pages: () => (page ? [page] : []) });

  story.step('the feed loads online and the service worker takes control', async () => {
    await logIn(page, reader);
    await postBy(page, author).first().waitFor();
    expect(await postBy(page, author).count()).toBe(2);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    // Once controlled, a reload fetches the photos through the service worker, which keeps them.
    await page.reload();
    await postBy(page, author).first().waitFor();
    await eventually(page, async () => expect(await feedPersisted(page)).toBe(true), { reload: false });
    await story.screen(page, 'feed-online');
  });

  story.step('offline, a reload still shows the last feed page with its photos', async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      const first = postBy(page, author).first();
      await first.waitFor();
      expect(await postBy(page, author).count()).toBe(2);
      const photo = first.getByRole('img', { name: 'Hills in fog' }).first();
      await photo.waitFor();
      await page.waitForFunction(
        (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
        await photo.elementHandle(),
        { timeout: 10_000 },
      );
      await story.screen(page, 'feed-offline', { desktop: true });
    } finally {
      await context.setOffline(false);
    }
  });

  story.accessibilityStep();
});
