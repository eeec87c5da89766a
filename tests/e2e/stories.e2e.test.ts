/**
 * The stories issue's journey: Ana posts a story with a poll to her close friends; Ben (a close friend)
 * sees the green ring, watches, votes and reacts while Ana watches her viewers and results change live;
 * Cai (a follower, not a close friend) sees nothing. A day later (the server's clock moved) nobody can
 * see it and it is in Ana's archive, from which she makes a highlight that Ben then sees on her profile.
 * Finally a notification reaches Ben's open tab live when Ana likes his photo.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { expireStories } from '../../apps/server/src/jobs';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import { eventually, logIn, type Person, person } from './support/people';
import { jpeg } from './support/photos';
import { startJourneyServer, type TestServer } from './support/server';
import { world } from './support/world';

const ana = person('ana.story', 'Ana Story');
const ben = person('ben.story', 'Ben Story');
const cai = person('cai.story', 'Cai Story');
const QUESTION = 'Swim before breakfast?';
const OPTIONS = ['Always', 'Never'];
const BEN_PHOTO_ALT = 'A kite over the dunes';
const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let browser: Browser;
const pages = new Map<Person, Page>();
let benPostId = '';
let storyImageUrl = '';

const pageOf = (who: Person): Page => {
  const page = pages.get(who);
  if (!page) throw new Error(`${who.username} has no browser yet`);
  return page;
};

async function openBrowser(who: Person): Promise<Page> {
  const context = await personContext(browser, server.url);
  const page = await context.newPage();
  pages.set(who, page);
  await logIn(page, who.username);
  return page;
}

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
  const w = world(server.glimpse);
  const [anaId, benId, caiId] = [
    await w.person(ana.username, ana.fullName),
    await w.person(ben.username, ben.fullName),
    await w.person(cai.username, cai.fullName),
  ];
  await w.follow(benId, anaId);
  await w.follow(caiId, anaId);
  await w.follow(anaId, benId);
  benPostId = await w.post(benId, 'Windy afternoon', [
    { alt: BEN_PHOTO_ALT, colours: ['#f4d58d', '#708d81'] },
  ]);
  await w.settled();
}, 180_000);

afterAll(async () => {
  server?.glimpse.clock.reset();
  await browser?.close();
  await server?.stop();
});

describe('stories, close friends, highlights and live notifications', () => {
  const story = journey('stories', { pages: () => pages.values() });

  story.step('Ana adds Ben to her close friends', async () => {
    const page = await openBrowser(ana);
    await page.goto('/accounts/close-friends');
    await page.getByRole('heading', { name: 'Close friends' }).first().waitFor();
    await page
      .getByRole('searchbox')
      .or(page.getByRole('textbox', { name: /search/i }))
      .first()
      .fill('ben.st');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByText(ben.username).first().waitFor();
    const toggle = results.getByRole('button', { name: `${ben.username} in close friends` });
    await toggle.click();
    await eventually(page, async () => expect(await toggle.getAttribute('aria-pressed')).toBe('true'), {
      reload: false,
    });
    await page.getByRole('list', { name: 'Your close friends' }).getByText(ben.username).first().waitFor();
    await story.screen(page, 'close-friends', { desktop: true });
  });

  story.step('Ana posts a photo story with a poll, to close friends only', async () => {
    const page = pageOf(ana);
    await page.goto('/stories/create');
    await page.locator('input[type="file"]').setInputFiles(await jpeg('sea.jpg', '#2a9d8f', '#e9c46a'));
    await page.getByRole('button', { name: 'Add poll' }).waitFor();
    await page.getByRole('button', { name: 'Add poll' }).click();
    await page.getByRole('textbox', { name: 'Question' }).fill(QUESTION);
    await page.getByRole('textbox', { name: 'Option 1' }).fill(OPTIONS[0] ?? '');
    await page.getByRole('textbox', { name: 'Option 2' }).fill(OPTIONS[1] ?? '');
    await page.locator('label').filter({ hasText: 'Close friends' }).click();
    expect(await page.getByRole('radio', { name: 'Close friends' }).isChecked()).toBe(true);
    await story.screen(page, 'composer', { desktop: true });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
    // The photo is rendered on the queue; the tray shows the story once it is ready.
    await eventually(page, () =>
      page
        .getByRole('link', { name: /^Your story, / })
        .first()
        .waitFor({ timeout: 3_000 }),
    );
    await story.screen(page, 'tray-own');
  });

  story.step('Ana opens her story and pauses it, watching who has seen it', async () => {
    const page = pageOf(ana);
    await page
      .getByRole('link', { name: /^Your story, / })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname.startsWith(`/stories/${ana.username}`));
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: /Seen by 0/ }).waitFor();
  });

  story.step('Ben sees the green close-friends ring, watches, votes and reacts', async () => {
    const page = await openBrowser(ben);
    const ring = page.getByRole('link', { name: `Story by ${ana.username}, close friends, not seen yet` });
    await eventually(page, () => ring.waitFor({ timeout: 3_000 }));
    await story.screen(page, 'tray-close-friends', { desktop: true });
    await ring.click();
    await page.waitForURL((url) => url.pathname.startsWith(`/stories/${ana.username}`));
    await page.getByRole('button', { name: 'Pause' }).click();
    const poll = page.getByRole('group', { name: `Poll: ${QUESTION}` });
    await poll.waitFor();
    storyImageUrl = await page
      .locator('main img')
      .first()
      .evaluate((img) => (img as HTMLImageElement).currentSrc);
    expect(storyImageUrl).toContain('/media/s/');
    await story.screen(page, 'viewer-poll', { desktop: true });
    await poll.getByRole('button', { name: OPTIONS[0] }).click();
    await poll.getByRole('list', { name: 'Poll results' }).waitFor();
    // Quick reactions show while the message field has focus, as in Instagram's app.
    await page.getByRole('textbox', { name: `Reply to ${ana.username}` }).focus();
    await page.getByRole('button', { name: 'React with 🔥' }).click();
    await story.screen(page, 'viewer-voted');
  });

  story.step("Ana's open story shows Ben's view and vote without a reload", async () => {
    const page = pageOf(ana);
    const seenBy = page.getByRole('button', { name: /Seen by 1/ });
    await seenBy.waitFor({ timeout: 20_000 });
    await seenBy.click();
    const sheet = page.getByRole('dialog', { name: 'Story activity' });
    await sheet.getByRole('list', { name: 'Viewers' }).getByText(ben.username).waitFor();
    await sheet.getByText('100%').first().waitFor();
    await story.screen(page, 'viewers-and-results', { desktop: true });
  });

  story.step('Cai, who follows Ana but is not a close friend, sees no story', async () => {
    const page = await openBrowser(cai);
    await page.getByRole('navigation', { name: 'Stories' }).waitFor();
    expect(await page.getByRole('link', { name: new RegExp(`^Story by ${ana.username}`) }).count()).toBe(0);
    await story.screen(page, 'tray-not-close-friend');
    await page.goto(`/stories/${ana.username}`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('group', { name: `Poll: ${QUESTION}` }).count()).toBe(0);
    const media = await page.request.get(storyImageUrl);
    expect(media.status()).toBe(404);
  });

  story.step('A day later nobody else can see it, and it is in Ana’s archive', async () => {
    server.glimpse.clock.advance(DAY_MS + 60_000);
    await server.glimpse.platform.queue.enqueue(expireStories, {});
    await server.glimpse.platform.queue.whenIdle();
    const page = pageOf(ben);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Stories' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: new RegExp(`^Story by ${ana.username}`) }).count()).toBe(0);
    const media = await page.request.get(storyImageUrl);
    expect(media.status()).toBe(404);

    const own = pageOf(ana);
    await own.goto('/archive/stories');
    await own.getByRole('heading', { name: 'Stories archive' }).waitFor();
    const tiles = own.getByRole('list', { name: 'Archived stories' }).getByRole('button');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBe(1);
    await story.screen(own, 'archive', { desktop: true });
  });

  story.step('Ana makes a highlight from the archive, and Ben sees it on her profile', async () => {
    const page = pageOf(ana);
    await page.getByRole('list', { name: 'Archived stories' }).getByRole('button').first().click();
    await page.getByRole('button', { name: /^New highlight/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('Sea days');
    await story.screen(page, 'new-highlight');
    await dialog.getByRole('button', { name: /^(Create|Done|Add)/ }).click();
    await page.waitForURL((url) => url.pathname === `/${ana.username}`);
    await page.getByRole('list', { name: 'Highlights' }).getByRole('button', { name: 'Sea days' }).waitFor();
    await story.screen(page, 'profile-highlight', { desktop: true });

    const friend = pageOf(ben);
    await friend.goto(`/${ana.username}`);
    const circle = friend.getByRole('list', { name: 'Highlights' }).getByRole('button', { name: 'Sea days' });
    await circle.waitFor();
    await circle.click();
    await friend.getByRole('group', { name: `Poll: ${QUESTION}` }).waitFor();
    await story.screen(friend, 'highlight-viewer');
  });

  story.step("A notification reaches Ben's open tab live when Ana likes his photo", async () => {
    const friend = pageOf(ben);
    await friend.goto('/');
    await friend.getByRole('navigation', { name: 'Stories' }).waitFor();
    // The socket is open once the page has subscribed; give it a moment before Ana acts.
    await friend.waitForLoadState('networkidle');

    const page = pageOf(ana);
    await page.goto(`/p/${benPostId}`);
    await page.getByRole('button', { name: 'Like', exact: true }).first().click();
    await page.getByRole('button', { name: 'Unlike', exact: true }).first().waitFor();

    await friend.getByText(`${ana.username} liked your photo`).first().waitFor({ timeout: 20_000 });
    await friend
      .getByRole('link', { name: /^Notifications\W+\d+ new$/ })
      .filter({ visible: true })
      .first()
      .waitFor();
    await story.screen(friend, 'live-notification');
    await friend
      .getByRole('link', { name: /^Notifications/ })
      .filter({ visible: true })
      .first()
      .click();
    await friend.waitForURL((url) => url.pathname === '/activity');
    await friend
      .getByText(/liked your photo/)
      .first()
      .waitFor();
    await story.screen(friend, 'activity', { desktop: true });
  });

  story.accessibilityStep();
});
