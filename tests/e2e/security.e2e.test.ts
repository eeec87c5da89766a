/**
 * Keeping an account safe and the community clean: Ada signs up (the CAPTCHA verifies by itself), turns
 * on two-factor authentication and logs in again with a code; Ben reports her post and her account; a
 * moderator removes the post from the queue; Ada finds it in Account status and requests a review, and
 * the post comes back. Ada restricts Ben and hides a word: their comments wait for her approval.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { signUpThroughApi } from './support/api';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import {
  CAPTCHA_TIMEOUT,
  eventually,
  fillLogIn,
  fillSignUp,
  logIn,
  PASSWORD,
  person,
  postBy,
} from './support/people';
import { startJourneyServer, type TestServer } from './support/server';
import { world } from './support/world';

const ada = person('ada.secure', 'Ada Secure');
const ben = person('ben.reports', 'Ben Reports');
const mod = person('mo.derator', 'Mo Derator');
const cal = person('cal.spam', 'Cal Spam');

let server: TestServer;
let browser: Browser;
let adaPage: Page;
let benPage: Page;
let modPage: Page;
let calPage: Page;
let secret = '';
let adaId = '';
let postId = '';
const timings: string[] = [];

function totp(offsetMs = 0): string {
  const generator = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return generator.generate({ timestamp: Date.now() + offsetMs });
}

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
  adaPage = await (await personContext(browser, server.url)).newPage();
  benPage = await (await personContext(browser, server.url)).newPage();
  modPage = await (await personContext(browser, server.url)).newPage();
  calPage = await (await personContext(browser, server.url)).newPage();
}, 120_000);

afterAll(async () => {
  if (timings.length > 0) console.info(`security journey timings:\n  ${timings.join('\n  ')}`);
  await browser?.close();
  await server?.stop();
});

describe('security and moderation', () => {
  const story = journey('security', { pages: () => [adaPage, benPage, modPage, calPage].filter(Boolean) });

  story.step('Ada signs up: the "I\'m not a robot" check verifies by itself', async () => {
    await fillSignUp(adaPage, ada);
    const started = Date.now();
    const submit = adaPage.getByRole('button', { name: 'Sign up', exact: true });
    await adaPage
      .locator('form button[type="submit"]:has-text("Sign up"):not([disabled])')
      .waitFor({ timeout: CAPTCHA_TIMEOUT });
    timings.push(`CAPTCHA solved by the widget in Chromium: ${Date.now() - started} ms`);
    await adaPage.getByText('Verified').first().waitFor();
    await story.screen(adaPage, 'sign-up-captcha-verified', { desktop: true });
    await submit.click();
    await adaPage.waitForURL((url) => url.pathname === '/');

    // The world around her: a post of hers, Ben (who signs up through the API, solving the CAPTCHA in
    // Node) following her, and a moderator.
    adaId = await world(server.glimpse).idOf(ada.username);
    postId = await world(server.glimpse).post(adaId, 'Sunset over the harbour', [
      { alt: 'A harbour at sunset', colours: ['#f97316', '#7c3aed'] },
    ]);
    const apiStarted = Date.now();
    const benId = await signUpThroughApi(server.url, ben);
    timings.push(`CAPTCHA solved in Node for an API sign-up: ${Date.now() - apiStarted} ms`);
    await world(server.glimpse).follow(benId, adaId);
    const modId = await world(server.glimpse).person(mod.username, mod.fullName);
    await world(server.glimpse).moderator(modId);
    await world(server.glimpse).settled();
  });

  story.step('Ada turns on two-factor authentication and saves her recovery codes', async () => {
    await adaPage.goto('/accounts/edit');
    await adaPage
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Security' })
      .click();
    await adaPage.waitForURL((url) => url.pathname === '/accounts/security');
    await adaPage.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await story.screen(adaPage, 'security-off', { desktop: true });

    await adaPage.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const dialog = adaPage.getByRole('dialog', { name: 'Turn on two-factor authentication' });
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await story.screen(adaPage, 'security-password');
    await dialog.getByRole('button', { name: 'Continue' }).click();

    await adaPage.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg').waitFor();
    secret = ((await adaPage.locator('main code').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await story.screen(adaPage, 'security-setup', { desktop: true });

    await adaPage.getByRole('textbox', { name: 'Enter the 6-digit code the app shows' }).fill(totp());
    await adaPage.getByRole('button', { name: 'Turn on', exact: true }).click();
    const codes = adaPage.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await story.screen(adaPage, 'security-recovery-codes', { desktop: true });
    await adaPage.getByRole('button', { name: 'Done' }).click();
    await adaPage.getByText('10 recovery codes left').waitFor();
    await story.screen(adaPage, 'security-on');
  });

  story.step('Ada logs out and back in with a code from her authenticator app', async () => {
    await adaPage.getByRole('button', { name: 'Log out', exact: true }).click();
    await adaPage.waitForURL((url) => url.pathname === '/accounts/login');
    await fillLogIn(adaPage, ada.username, PASSWORD);
    await adaPage.getByRole('button', { name: 'Log in', exact: true }).click();
    await adaPage.getByText('Enter the 6-digit code from your authenticator app').waitFor();
    const code = adaPage.getByRole('textbox', { name: 'Security code' });
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await story.screen(adaPage, 'log-in-two-factor', { desktop: true });
    await adaPage.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await adaPage.getByRole('textbox', { name: 'Recovery code' }).waitFor();
    await story.screen(adaPage, 'log-in-recovery-code');
    await adaPage.getByRole('button', { name: 'Use your authenticator app instead' }).click();
    // The set-up spent this time step's code (codes can't be replayed): the app's next one is accepted.
    await code.fill(totp(30_000));
    await adaPage.getByRole('button', { name: 'Confirm' }).click();
    await adaPage.waitForURL((url) => url.pathname === '/');
  });

  story.step(
    "Ben reports Ada's post from its options in his feed, and her account from her profile",
    async () => {
      await logIn(benPage, ben.username);
      const card = postBy(benPage, ada.username).first();
      await card.getByRole('button', { name: 'More options' }).click();
      const options = benPage.getByRole('dialog', { name: 'Post options' });
      await story.screen(benPage, 'post-options');
      await options.getByRole('button', { name: 'Report' }).click();
      const report = benPage.getByRole('dialog', { name: 'Report' });
      await report.getByRole('heading', { name: 'Why are you reporting this post?' }).waitFor();
      await story.screen(benPage, 'report-reasons', { desktop: true });
      await report.getByRole('button', { name: "It's spam" }).click();
      await report
        .getByRole('textbox', { name: /Anything else/ })
        .fill('Same photo posted by many new accounts.');
      await story.screen(benPage, 'report-details');
      await report.getByRole('button', { name: 'Submit report' }).click();
      await report.getByText('Thanks for letting us know').waitFor();
      await story.screen(benPage, 'report-thanks');
      await report.getByRole('button', { name: 'Close', exact: true }).last().click();

      await benPage.goto(`/${ada.username}`);
      await benPage.getByRole('button', { name: 'Options' }).click();
      await benPage.getByRole('dialog', { name: 'Options' }).getByRole('button', { name: 'Report' }).click();
      const accountReport = benPage.getByRole('dialog', { name: 'Report' });
      await accountReport.getByRole('heading', { name: 'Why are you reporting this account?' }).waitFor();
      await accountReport.getByRole('button', { name: 'Bought or fake followers or likes' }).click();
      await accountReport.getByRole('button', { name: 'Submit report' }).click();
      await accountReport.getByText('Thanks for letting us know').waitFor();
    },
  );

  story.step('the moderator removes the post from the moderation queue', async () => {
    await logIn(modPage, mod.username);
    await modPage.getByRole('link', { name: 'Moderation' }).click();
    await modPage.waitForURL((url) => url.pathname === '/admin/moderation');
    const card = modPage.getByRole('article', { name: `Reported post by ${ada.username}` });
    await card.waitFor();
    await card.getByText('Same photo posted by many new accounts.').waitFor();
    await expect(card.getByRole('img').first().getAttribute('src')).resolves.toMatch(/^\/media\//);
    await modPage.getByRole('article', { name: `Reported account by ${ada.username}` }).waitFor();
    await story.screen(modPage, 'moderation-queue', { desktop: true });

    await card.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = modPage.getByRole('dialog', { name: 'Remove this post?' });
    await confirm.getByRole('textbox', { name: 'Note (optional)' }).fill('Spam: repeated across accounts.');
    await story.screen(modPage, 'moderation-confirm');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await card.waitFor({ state: 'detached' });

    await modPage.getByRole('tab', { name: 'Log' }).click();
    await modPage
      .getByRole('list', { name: 'Audit log' })
      .getByText('Spam: repeated across accounts.')
      .waitFor();
    await story.screen(modPage, 'moderation-log', { desktop: true });

    // Removed for everyone: Ben's link to the post now finds nothing.
    await benPage.goto(`/p/${postId}`);
    await benPage.getByRole('article', { name: `Post by ${ada.username}` }).waitFor({ state: 'detached' });
  });

  story.step('Ada sees the removal in Account status and requests a review', async () => {
    await adaPage.goto('/');
    await adaPage.getByRole('link', { name: 'See account status' }).click();
    await adaPage.waitForURL((url) => url.pathname === '/accounts/status');
    await adaPage.getByRole('heading', { name: 'We removed your post' }).waitFor();
    await adaPage.getByText('Spam: repeated across accounts.').waitFor();
    await story.screen(adaPage, 'account-status', { desktop: true });
    await adaPage.getByRole('button', { name: 'Request a review' }).click();
    await adaPage
      .getByRole('textbox', { name: 'Why do you think we made a mistake?' })
      .fill('This is my own photo of the harbour, taken last night.');
    await adaPage.getByRole('button', { name: 'Submit', exact: true }).click();
    await adaPage.getByText('You requested a review').waitFor();
    await story.screen(adaPage, 'account-status-review-requested');
    expect(await adaPage.getByRole('link', { name: 'See account status' }).count()).toBe(0);
  });

  story.check('the moderator grants the appeal and the post is back', async () => {
    await modPage.getByRole('tab', { name: 'Appeals' }).click();
    const appeal = modPage.getByRole('article', { name: `Appeal from ${ada.username}` });
    await eventually(modPage, () =>
      appeal.getByText('This is my own photo of the harbour').waitFor({ timeout: 3000 }),
    );
    await story.screen(modPage, 'moderation-appeals', { desktop: true });
    await appeal.getByRole('button', { name: 'Grant (undo the action)' }).click();
    await appeal.waitFor({ state: 'detached' });
    // Ben's device stored the post as missing; one page load must ask the server again and show it.
    await benPage.goto(`/p/${postId}`);
    await benPage.getByRole('article', { name: `Post by ${ada.username}` }).waitFor();
  });

  story.check(
    'Ada restricts Ben: his comment on her post waits for her approval, and nobody else sees it meanwhile',
    async () => {
      const RESTRICTED = 'Still posting this old photo, are we?';
      await adaPage.goto(`/${ben.username}`);
      await adaPage.getByRole('button', { name: 'Options' }).click();
      const sheet = adaPage.getByRole('dialog', { name: 'Options' });
      await sheet.getByRole('button', { name: 'Restrict' }).click();
      await sheet.getByRole('button', { name: 'Unrestrict' }).waitFor();
      await sheet.getByRole('button', { name: 'Mute stories' }).click();
      await sheet.getByRole('button', { name: 'Unmute stories' }).waitFor();
      await story.screen(adaPage, 'profile-options-restricted');
      await adaPage.keyboard.press('Escape');

      // Ben is never told: he comments as usual and sees his comment.
      await benPage.goto(`/p/${postId}`);
      const box = benPage.getByRole('textbox', { name: 'Add a comment…' });
      await box.fill(RESTRICTED);
      await benPage.getByRole('button', { name: 'Post', exact: true }).click();
      const benSees = benPage.getByRole('listitem').filter({ hasText: RESTRICTED });
      await benSees.getByText(`Only you and ${ada.username} can see this comment`).waitFor();
      expect(await benSees.getByText('restricted').count()).toBe(0);

      // Someone else reading the post sees no trace of it.
      await modPage.goto(`/p/${postId}`);
      await modPage.getByRole('article', { name: `Post by ${ada.username}` }).waitFor();
      await modPage.waitForLoadState('networkidle');
      expect(await modPage.getByText(RESTRICTED).count()).toBe(0);

      // Ada sees it held, with the reason, and approves it.
      await adaPage.goto(`/p/${postId}`);
      const adaSees = adaPage.getByRole('listitem').filter({ hasText: RESTRICTED });
      await adaSees.getByText(`Only you and ${ben.username} can see this comment — restricted`).waitFor();
      await story.screen(adaPage, 'comment-held-restricted', { desktop: true });
      await adaSees.getByRole('button', { name: 'Approve' }).click();
      await adaSees.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
      expect(await adaSees.getByText(/can see this comment/).count()).toBe(0);

      await modPage.reload();
      await modPage.getByRole('listitem').filter({ hasText: RESTRICTED }).waitFor();
    },
  );

  story.check(
    'Ada hides a word: a comment using it waits for her, seen only by its writer and her',
    async () => {
      const SPAMMY = 'Huge GIVEAWAY on my profile, click now';
      await adaPage.goto('/accounts/hidden-words');
      await adaPage.getByRole('switch', { name: 'Hide offensive comments' }).waitFor();
      await adaPage.getByRole('textbox', { name: 'Add a word or phrase' }).fill('giveaway');
      await adaPage.getByRole('button', { name: 'Add', exact: true }).click();
      await adaPage.getByRole('list', { name: 'Your hidden words' }).getByText('giveaway').waitFor();
      await story.screen(adaPage, 'hidden-words', { desktop: true });

      await modPage.goto(`/p/${postId}`);
      await modPage.getByRole('textbox', { name: 'Add a comment…' }).fill(SPAMMY);
      await modPage.getByRole('button', { name: 'Post', exact: true }).click();
      await modPage
        .getByRole('listitem')
        .filter({ hasText: SPAMMY })
        .getByText(`Only you and ${ada.username} can see this comment`)
        .waitFor();

      await benPage.goto(`/p/${postId}`);
      await benPage.getByRole('article', { name: `Post by ${ada.username}` }).waitFor();
      await benPage.waitForLoadState('networkidle');
      expect(await benPage.getByText(SPAMMY).count()).toBe(0);

      await adaPage.goto(`/p/${postId}`);
      await adaPage
        .getByRole('listitem')
        .filter({ hasText: SPAMMY })
        .getByText(`Only you and ${mod.username} can see this comment — hidden word`)
        .waitFor();
    },
  );

  story.check('a suspended account is told why at log-in and can disagree with the decision', async () => {
    const w = world(server.glimpse);
    const calId = await w.person(cal.username, cal.fullName);
    await server.glimpse.services.moderation.report({
      reporterId: adaId,
      kind: 'account',
      subjectId: calId,
      ownerId: calId,
      reason: 'spam',
      details: 'Sends the same link to everyone.',
    });
    await modPage.goto('/admin/moderation');
    await modPage.getByRole('tab', { name: 'Queue' }).click();
    const card = modPage.getByRole('article', { name: `Reported account by ${cal.username}` });
    await card.getByRole('button', { name: 'Suspend' }).click();
    await modPage
      .getByRole('dialog', { name: `Suspend ${cal.username}?` })
      .getByRole('button', { name: 'Suspend' })
      .click();
    await card.waitFor({ state: 'detached' });

    await fillLogIn(calPage, cal.username, PASSWORD);
    await calPage.getByRole('button', { name: 'Log in', exact: true }).click();
    await calPage.getByRole('heading', { name: 'Your account has been suspended' }).waitFor();
    await story.screen(calPage, 'log-in-suspended', { desktop: true });
    await calPage.getByRole('button', { name: 'Disagree with decision' }).click();
    await calPage
      .getByRole('textbox', { name: 'Tell us why you think we made a mistake' })
      .fill('I only shared my own shop once.');
    await calPage.getByRole('button', { name: 'Submit appeal' }).click();
    await calPage.getByText("We've received your appeal").waitFor();
    await story.screen(calPage, 'log-in-suspended-appealed');
  });

  story.accessibilityStep();
});
