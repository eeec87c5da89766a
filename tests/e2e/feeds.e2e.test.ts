/**
 * The feed switch: Home (ranked), Following (newest first) and Favorites. A reader follows two people,
 * reads Following newest first, adds one of them to favorites from the profile's Following menu, reads
 * only that person's posts under Favorites, and takes them out again in "Manage favorites".
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import { logIn, postBy } from './support/people';
import { startJourneyServer, type TestServer } from './support/server';
import { world } from './support/world';

const reader = 'dia.feeds';
const eli = 'eli.feeds';
const fay = 'fay.feeds';
const NEWEST = 'Night tram through the old town';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startJourneyServer();
  const seed = world(server.glimpse);
  const dia = await seed.person(reader, 'Dia Feeds');
  const eliId = await seed.person(eli, 'Eli Feeds');
  const fayId = await seed.person(fay, 'Fay Feeds');
  // Oldest first: Fay's night tram is the newest post of all.
  await seed.post(eliId, 'Tide pools at dawn', [
    { alt: 'Rock pools at low tide', colours: ['#9ec5d8', '#35596b'] },
  ]);
  await seed.post(fayId, 'Colours of the street market', [
    { alt: 'Crates of oranges and lemons', colours: ['#f7b733', '#fc4a1a'] },
  ]);
  await seed.post(eliId, 'Kayak under the cliffs', [
    { alt: 'A red kayak below chalk cliffs', colours: ['#e8e4d8', '#b23a48'] },
  ]);
  await seed.post(fayId, NEWEST, [{ alt: 'A yellow tram at night', colours: ['#1f2a44', '#f2c14e'] }]);
  await seed.follow(dia, eliId);
  await seed.follow(dia, fayId);
  await seed.settled();
  browser = await launchChromium();
  page = await (await personContext(browser, server.url)).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Resolves with the next GraphQL request of this operation the page sends. */
function nextOperation(target: Page, name: string, timeout = 15_000): Promise<Request> {
  return target.waitForRequest(
    (request) =>
      request.url().endsWith('/graphql') && (request.postData() ?? '').includes(`"operationName":"${name}"`),
    { timeout },
  );
}

const tab = (name: string) => page.getByRole('tab', { name, exact: true });
const articles = () => page.locator('main article');

async function authorsShown(): Promise<string[]> {
  return (await articles().evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))).map(
    (label) => label.replace(/^Post by /, ''),
  );
}

describe('feed variants and favorites', () => {
  const story = journey('feeds', { pages: () => (page ? [page] : []) });

  story.step('the reader logs in to Home, the ranked feed, and reports the posts seen', async () => {
    await logIn(page, reader);
    await tab('Home').waitFor();
    expect(await tab('Home').getAttribute('aria-selected')).toBe('true');
    await postBy(page, fay).first().waitFor();
    // The first post stays on screen: after a second it is seen, and the batch leaves within seconds.
    const seen = await nextOperation(page, 'MarkPostsSeen');
    expect(seen.postData()).toContain('postIds');
    await story.screen(page, 'home', { desktop: true });
  });

  story.step('Following shows the newest post first, and keeps the choice in the address', async () => {
    await tab('Following').click();
    await page.waitForURL((url) => url.search === '?variant=following');
    expect(await tab('Following').getAttribute('aria-selected')).toBe('true');
    const first = articles().first();
    await first.getByText(NEWEST).waitFor();
    expect(await first.getAttribute('aria-label')).toBe(`Post by ${fay}`);
    expect(await authorsShown()).toEqual([fay, eli, fay, eli]);
    await story.screen(page, 'following', { desktop: true });
    await page.reload();
    await articles().first().getByText(NEWEST).waitFor();
    expect(await tab('Following').getAttribute('aria-selected')).toBe('true');
  });

  story.check('Back returns to Home', async () => {
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '');
    expect(await tab('Home').getAttribute('aria-selected')).toBe('true');
    await page.goForward();
    await page.waitForURL((url) => url.search === '?variant=following');
  });

  story.check('Back from a post returns to Following at the same place', async () => {
    const link = articles().nth(2).locator('a[href^="/p/"]').first();
    await link.scrollIntoViewIfNeeded();
    const left = await page.evaluate(() => window.scrollY);
    expect(left).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith('/p/'));
    await page.goBack();
    await page.waitForURL((url) => url.search === '?variant=following');
    await articles().first().waitFor();
    expect(await tab('Following').getAttribute('aria-selected')).toBe('true');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, left, { timeout: 5_000 });
  });

  story.step("the reader adds Eli to favorites from the Following menu on Eli's profile", async () => {
    const visit = nextOperation(page, 'RecordProfileVisit');
    await page.goto(`/${eli}`);
    await page.getByRole('heading', { name: eli }).first().waitFor();
    await visit;
    await page.getByRole('button', { name: 'Following', exact: true }).click();
    const menu = page.getByRole('dialog', { name: eli });
    await menu.getByRole('button', { name: 'Add to favorites', exact: true }).click();
    await menu.getByRole('button', { name: 'Remove from favorites', exact: true }).waitFor();
    await story.screen(page, 'profile-menu-favorite', { desktop: true });
    await menu.getByRole('button', { name: 'Cancel', exact: true }).click();
    await menu.waitFor({ state: 'detached' });
  });

  story.step('Favorites shows only Eli’s posts, newest first', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
    await tab('Favorites').click();
    await page.waitForURL((url) => url.search === '?variant=favorites');
    await postBy(page, eli).first().getByText('Kayak under the cliffs').waitFor();
    expect(await authorsShown()).toEqual([eli, eli]);
    await story.screen(page, 'favorites', { desktop: true });
  });

  story.step('the reader removes Eli in Manage favorites and the Favorites feed empties', async () => {
    await page.getByRole('button', { name: 'Manage favorites', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Favorites' });
    const row = dialog.getByRole('listitem').filter({ hasText: eli });
    await row.waitFor();
    await story.screen(page, 'manage-favorites', { desktop: true });
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await dialog.getByText("You haven't added any favorites yet.", { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('heading', { name: 'Add favorites' }).waitFor();
    expect(await articles().count()).toBe(0);
    await story.screen(page, 'favorites-empty', { desktop: true });
  });

  story.check("Eli's profile menu offers to add him again", async () => {
    await page.goto(`/${eli}`);
    await page.getByRole('button', { name: 'Following', exact: true }).click();
    await page.getByRole('button', { name: 'Add to favorites', exact: true }).waitFor();
    await page.keyboard.press('Escape');
  });

  story.accessibilityStep();
});
