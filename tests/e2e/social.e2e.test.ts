/**
 * The journey: two people sign up, one shares a carousel, the other follows, likes and comments;
 * the author sees both, goes private, and a third person has to ask before seeing anything.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { DESKTOP, launchChromium, MOBILE, personContext } from './support/browser';
import { journey } from './support/journey';
import {
  captchaSolved,
  eventually,
  type Person,
  person,
  postBy,
  postIdIn,
  postLinks,
  signUp,
} from './support/people';
import { jpeg } from './support/photos';
import { startJourneyServer, type TestServer } from './support/server';

const ana = person('ana.e2e', 'Ana Example');
const ben = person('ben.e2e', 'Ben Example');
const cai = person('cai.e2e', 'Cai Example');
const ALT = ['Sunrise over the harbour, boats still moored', 'The same harbour at noon, seen from the pier'];
const CAPTION = 'First light on the water #harbourmornings';
const COMMENT = 'What a view, the colours are unreal!';

let server: TestServer;
let browser: Browser;
const pages = new Map<Person, Page>();
let postId = '';

const pageOf = (who: Person): Page => {
  const page = pages.get(who);
  if (!page) throw new Error(`${who.username} has no browser yet`);
  return page;
};

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sharing, following and private accounts', () => {
  const story = journey('social', { pages: () => pages.values() });

  story.step('A and B sign up through the sign-up form', async () => {
    for (const who of [ana, ben]) {
      const context = await personContext(browser, server.url);
      const page = await context.newPage();
      pages.set(who, page);
      if (who === ana) {
        await page.goto('/accounts/signup');
        // The screen as a person submits it: the CAPTCHA has verified and "Sign up" is enabled (checking
        // contrast while the button switches from disabled races the widget).
        await captchaSolved(page, 'Sign up');
        await story.screen(page, 'sign-up', { desktop: true });
      }
      await signUp(page, who);
    }
    const page = pageOf(ana);
    await page.getByRole('main').waitFor();
    await story.screen(page, 'feed-empty', { desktop: true });
  });

  story.check(
    'the navigation offers Home, Create, Notifications, Profile and Log out, on a phone and a desktop',
    async () => {
      const page = pageOf(ana);
      const missing: string[] = [];
      for (const [viewport, size] of Object.entries({ phone: MOBILE, desktop: DESKTOP })) {
        await page.setViewportSize(size);
        const nav = page.getByRole('navigation');
        for (const name of ['Home', 'Create', 'Profile']) {
          if (!(await nav.getByRole('link', { name, exact: true }).isVisible()))
            missing.push(`${viewport}: link "${name}"`);
        }
        // The heart: in the top bar on a phone (as in Instagram's app), in the sidebar on a desktop.
        const notifications = page.getByRole('link', { name: /^Notifications/ });
        if (!(await notifications.filter({ visible: true }).first().isVisible()))
          missing.push(`${viewport}: link "Notifications"`);
        if (!(await nav.getByRole('button', { name: 'Log out', exact: true }).isVisible())) {
          missing.push(`${viewport}: button "Log out"`);
        }
      }
      await page.setViewportSize(MOBILE);
      expect(missing, 'visible navigation controls with these accessible names').toEqual([]);
    },
  );

  story.step('A shares a two-photo carousel with alt text and a caption with a hashtag', async () => {
    const page = pageOf(ana);
    await page.goto('/create');
    await page.getByRole('heading', { name: 'Create new post' }).waitFor();
    await story.screen(page, 'create-select', { desktop: true });
    await page
      .getByLabel('Select from computer')
      .setInputFiles([
        await jpeg('harbour-sunrise.jpg', '#f6a04d', '#5b7db1'),
        await jpeg('harbour-noon.jpg', '#8fd3f4', '#3a7bd5'),
      ]);
    const caption = page.getByRole('textbox', { name: 'Write a caption…' });
    // The contract has one "Next" (crop, then details); tolerate a filter step in between.
    for (let i = 0; i < 3 && !(await caption.isVisible()); i++) {
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await story.screen(page, `create-step-${i + 1}`);
    }
    await page.getByRole('textbox', { name: 'Alt text for photo 1' }).fill(ALT[0] ?? '');
    await page.getByRole('textbox', { name: 'Alt text for photo 2' }).fill(ALT[1] ?? '');
    await caption.fill(CAPTION);
    await story.screen(page, 'create-details', { desktop: true });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
    const post = postBy(page, ana.username).first();
    await eventually(page, () => post.waitFor({ timeout: 3_000 }), { timeoutMs: 30_000 });
    postId = await postIdIn(post);
    await story.screen(page, 'feed-own-post');
  });

  story.step("B finds A by A's profile address and follows", async () => {
    const page = pageOf(ben);
    await page.goto(`/${ana.username}`);
    await page.getByRole('heading', { name: ana.username }).first().waitFor();
    await story.screen(page, 'profile-public', { desktop: true });
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await story.screen(page, 'profile-following');
  });

  story.step('B sees the post in the home feed, double-taps the photo to like it, and comments', async () => {
    const page = pageOf(ben);
    await page.goto('/');
    const post = postBy(page, ana.username);
    await post.waitFor();
    expect(await post.count()).toBe(1);
    await post.getByRole('img', { name: ALT[0] }).first().waitFor();
    await post.getByText('#harbourmornings').first().waitFor();
    await story.screen(page, 'feed-following', { desktop: true });

    await post.getByRole('group', { name: 'Photos' }).dblclick();
    const unlike = post.getByRole('button', { name: 'Unlike', exact: true });
    await unlike.waitFor();
    expect(await unlike.getAttribute('aria-pressed')).toBe('true');

    await post.getByRole('button', { name: 'Next photo' }).click();
    await post.getByRole('button', { name: 'Previous photo' }).waitFor();
    await post.getByRole('img', { name: ALT[1] }).first().waitFor();
    await story.screen(page, 'feed-liked-second-photo');

    const box = post.getByRole('textbox', { name: 'Add a comment…' });
    await box.fill(COMMENT);
    await post.getByRole('button', { name: 'Post', exact: true }).click();
    await eventually(page, async () => expect(await box.inputValue()).toBe(''), { reload: false });
    await story.screen(page, 'feed-commented');
  });

  story.step("A opens the post's page and sees the like and the comment", async () => {
    const page = pageOf(ana);
    await page.goto(`/p/${postId}`);
    const post = postBy(page, ana.username).first();
    await eventually(page, async () => {
      await post.getByText('1 like', { exact: true }).first().waitFor({ timeout: 3_000 });
      await page.getByRole('listitem').filter({ hasText: COMMENT }).first().waitFor({ timeout: 3_000 });
    });
    await page
      .getByRole('listitem')
      .filter({ hasText: COMMENT })
      .getByRole('link', { name: ben.username })
      .waitFor();
    await story.screen(page, 'post-page', { desktop: true });
  });

  story.step('A goes private from the edit profile screen', async () => {
    const page = pageOf(ana);
    await page.goto(`/${ana.username}`);
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.waitForURL((url) => url.pathname === '/accounts/edit');
    const privateAccount = page
      .getByRole('checkbox', { name: 'Private account' })
      .or(page.getByRole('switch', { name: 'Private account' }));
    await privateAccount.waitFor();
    await story.screen(page, 'edit-profile', { desktop: true });
    expect(await privateAccount.isChecked()).toBe(false);
    await privateAccount.click();
    expect(await privateAccount.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await eventually(page, async () => {
      await privateAccount.waitFor({ timeout: 3_000 });
      expect(await privateAccount.isChecked()).toBe(true);
    });
  });

  story.step("C visits A's profile, sees it is private, asks to follow and sees no posts", async () => {
    const context = await personContext(browser, server.url);
    const page = await context.newPage();
    pages.set(cai, page);
    await signUp(page, cai);
    await page.goto(`/${ana.username}`);
    await page.getByText('This account is private').waitFor();
    expect(await postLinks(page).count()).toBe(0);
    expect(await page.getByRole('img', { name: ALT[0] }).count()).toBe(0);
    await story.screen(page, 'profile-private', { desktop: true });
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Requested', exact: true }).waitFor();
    expect(await postLinks(page).count()).toBe(0);
    await story.screen(page, 'profile-requested');
  });

  story.step('A confirms the request in /accounts/requests', async () => {
    const page = pageOf(ana);
    await page.goto('/accounts/requests');
    await page.getByRole('heading', { name: 'Follow requests' }).waitFor();
    await page.getByText(cai.username).first().waitFor();
    await story.screen(page, 'requests', { desktop: true });
    const approved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        response.ok() &&
        (response.request().postData() ?? '').includes('"operationName":"ApproveFollowRequest"'),
    );
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await approved;
  });

  story.check('the confirmed request leaves the inbox', async () => {
    const page = pageOf(ana);
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    await eventually(page, async () => expect(await confirm.count()).toBe(0), {
      reload: false,
      timeoutMs: 5_000,
    });
    await story.screen(page, 'requests-done');
  });

  story.step('C now sees the post', async () => {
    const page = pageOf(cai);
    await eventually(page, () => postLinks(page).first().waitFor({ timeout: 3_000 }));
    expect(await page.getByText('This account is private').count()).toBe(0);
    await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await story.screen(page, 'profile-approved', { desktop: true });
    await postLinks(page).first().click();
    await page.waitForURL((url) => url.pathname === `/p/${postId}`);
    await postBy(page, ana.username).first().getByRole('img', { name: ALT[0] }).first().waitFor();
    await story.screen(page, 'post-page-approved');
  });

  story.accessibilityStep();
});
