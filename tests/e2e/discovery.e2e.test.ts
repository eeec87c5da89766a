/**
 * The discovery issue's journey: Dana finds an account by typing part of its name with a typo, opens a
 * hashtag page and follows the tag, browses Explore and opens a tile's similar-posts feed, and follows
 * an account suggested because someone she follows follows it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { rebuildExplorePools, rebuildExploreSimilarity, refreshHashtags } from '../../apps/server/src/jobs';
import { DESKTOP, launchChromium, MOBILE, personContext } from './support/browser';
import { journey } from './support/journey';
import { eventually, logIn, person } from './support/people';
import { startJourneyServer, type TestServer } from './support/server';
import { world } from './support/world';

const dana = person('dana.finds', 'Dana Finds');
const TAG = 'tidepools';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
  const w = world(server.glimpse);
  const danaId = await w.person(dana.username, dana.fullName);
  const margarita = await w.person('margarita.lopez', 'Margarita Lopez');
  const olu = await w.person('olu.photos', 'Olu Photos');
  const pia = await w.person('pia.walks', 'Pia Walks');
  await w.follow(danaId, olu);
  await w.follow(olu, pia);
  await w.post(olu, 'Morning light', [{ alt: 'Light through a window', colours: ['#f6d365', '#fda085'] }]);
  for (const [author, caption, colours] of [
    [margarita, `Low tide treasures #${TAG}`, ['#a1c4fd', '#c2e9fb']],
    [pia, `Anemones everywhere #${TAG} #coast`, ['#84fab0', '#8fd3f4']],
    [margarita, `Rock pools at dusk #${TAG}`, ['#fbc2eb', '#a6c1ee']],
  ] as const) {
    const postId = await w.post(author, caption, [{ alt: caption, colours: [colours[0], colours[1]] }]);
    await server.glimpse.services.engagement.like(olu, postId);
  }
  await w.settled();
  // What the scheduled jobs would have computed by now: tag pages, Explore's pools and similarity.
  for (const job of [refreshHashtags, rebuildExplorePools, rebuildExploreSimilarity]) {
    await server.glimpse.platform.queue.enqueue(job, {});
  }
  await w.settled();
  const context = await personContext(browser, server.url);
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('search, hashtags, Explore and suggestions', () => {
  const story = journey('discovery', { pages: () => (page ? [page] : []) });

  story.step('Dana finds Margarita by typing part of her name with a typo', async () => {
    await logIn(page, dana.username);
    await page.getByRole('link', { name: 'Search' }).filter({ visible: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/explore/search');
    await page
      .getByRole('searchbox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }))
      .first()
      .fill('margerita');
    const suggestions = page.getByRole('list', { name: 'Suggestions' });
    const found = suggestions.getByRole('link', { name: /margarita\.lopez/ }).first();
    await found.waitFor();
    await story.screen(page, 'search-typo', { desktop: true });
    await found.click();
    await page.waitForURL((url) => url.pathname === '/margarita.lopez');
    await page.getByRole('heading', { name: 'margarita.lopez' }).first().waitFor();
  });

  story.step('her search is kept among recent searches', async () => {
    await page.goto('/explore/search');
    await page.getByText('margarita.lopez').first().waitFor();
    await story.screen(page, 'recent-searches');
  });

  story.step(`Dana opens #${TAG} and follows it`, async () => {
    await page
      .getByRole('searchbox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }))
      .first()
      .fill('#tidepo');
    const tag = page
      .getByRole('list', { name: 'Suggestions' })
      .getByRole('link', { name: new RegExp(`#${TAG}`) });
    await tag.first().waitFor();
    await tag.first().click();
    await page.waitForURL((url) => url.pathname === `/explore/tags/${TAG}`);
    await page.getByRole('heading', { name: `#${TAG}` }).waitFor();
    await page.locator('main a[href^="/p/"]').first().waitFor();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await story.screen(page, 'hashtag-page', { desktop: true });
  });

  story.step('Dana browses Explore and opens a tile’s feed of similar posts', async () => {
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Explore' }).filter({ visible: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/explore');
    const tiles = page.getByRole('list', { name: 'Explore posts' }).getByRole('link');
    await eventually(page, () => tiles.first().waitFor({ timeout: 3_000 }));
    expect(await tiles.count()).toBeGreaterThanOrEqual(2);
    await story.screen(page, 'explore', { desktop: true });
    await tiles.first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/explore/p/'));
    await page.getByRole('article').first().waitFor();
    await story.screen(page, 'similar-posts', { desktop: true });
  });

  story.step('Dana follows Pia, suggested because Olu follows her', async () => {
    // "Suggested for you" sits in the right-hand column of a wide screen, as on instagram.com.
    await page.setViewportSize(DESKTOP);
    await page.goto('/');
    const suggestion = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'pia.walks', exact: true }) })
      .filter({ hasText: /Followed by olu\.photos/ })
      .first();
    await suggestion.waitFor();
    await suggestion.getByRole('button', { name: 'Follow', exact: true }).click();
    await suggestion.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await story.screen(page, 'suggestion-followed', { desktop: true });
    await page.setViewportSize(MOBILE);
  });

  story.accessibilityStep();
});
