/**
 * Keeping an account yours: Eve confirms her email from the link mailed to her, adds a passkey (Chromium's
 * virtual authenticator stands in for her laptop's) and logs in with it alone; she logs out a second
 * device from the first, resets a forgotten password by the emailed link (which logs her out
 * everywhere), and changes her email, confirming the new address. Mail is read from the server's outbox.
 *
 * The pages are opened at localhost, not 127.0.0.1: WebAuthn refuses IP addresses as a site's identity.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { linkIn, mailTo } from '../../apps/server/test/support/mail';
import { launchChromium, personContext } from './support/browser';
import { journey } from './support/journey';
import { logIn, PASSWORD, person, signUp } from './support/people';
import { startJourneyServer, type TestServer } from './support/server';

const eve = person('eve.keys', 'Eve Keys');
const NEW_PASSWORD = 'a brand new passphrase for Eve';
const NEW_EMAIL = 'eve.elsewhere@example.test';

let server: TestServer;
let browser: Browser;
let laptop: Page;
let phone: Page;
let authenticator: CDPSession;
let authenticatorId = '';

/** The newest mail to `to` whose text matches, and the token of its `route` link. */
async function linkMailed(to: string, subject: RegExp, route: string): Promise<string> {
  const message = (await mailTo(server, to)).filter((m) => subject.test(m)).at(-1);
  if (!message) throw new Error(`no mail to ${to} matching ${subject}`);
  return linkIn(message, route);
}

async function expectLoggedOut(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/accounts/login');
}

beforeAll(async () => {
  server = await startJourneyServer();
  const site = server.url.replace('127.0.0.1', 'localhost');
  browser = await launchChromium();
  laptop = await (await personContext(browser, site)).newPage();
  phone = await (await personContext(browser, site)).newPage();
  // A platform authenticator that verifies its user without asking (Touch ID that always says yes).
  authenticator = await laptop.context().newCDPSession(laptop);
  await authenticator.send('WebAuthn.enable');
  ({ authenticatorId } = await authenticator.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('account', () => {
  const story = journey('account', { pages: () => [laptop, phone].filter(Boolean) });

  story.step('Eve signs up and confirms her email with the link mailed to her', async () => {
    await signUp(laptop, eve);
    await laptop.goto('/accounts/security');
    const email = laptop.getByRole('region', { name: 'Email' });
    await email.getByText('Not confirmed', { exact: true }).waitFor();
    await story.screen(laptop, 'security-email-unconfirmed', { desktop: true });

    const token = await linkMailed(eve.email, /Confirm your email/, '/accounts/email/verify');
    await laptop.goto(`/accounts/email/verify/${token}`);
    await laptop.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
    await story.screen(laptop, 'email-confirmed');
    await laptop.goto('/accounts/security');
    await email.getByText('Confirmed', { exact: true }).waitFor();
  });

  story.step('Eve adds a passkey behind her password and names it', async () => {
    const passkeys = laptop.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    const confirm = laptop.getByRole('dialog', { name: 'Add a passkey' });
    await confirm.getByLabel('Password', { exact: true }).fill('not my password');
    await confirm.getByRole('button', { name: 'Continue' }).click();
    await confirm.getByText('That password is incorrect').waitFor();
    await confirm.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await confirm.getByRole('button', { name: 'Continue' }).click();
    const naming = laptop.getByRole('dialog', { name: 'Name your passkey' });
    await naming.getByRole('textbox', { name: 'Name' }).fill('Laptop');
    await story.screen(laptop, 'passkey-name');
    await naming.getByRole('button', { name: 'Save' }).click();
    await passkeys.getByRole('list', { name: 'Your passkeys' }).getByText('Laptop').waitFor();
    await passkeys.scrollIntoViewIfNeeded();
    await story.screen(laptop, 'security-passkey-added', { desktop: true });
    // The laptop now holds one discoverable credential for this site (what password-less log-in needs).
    const { credentials } = await authenticator.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
  });

  story.step('Eve logs out and logs back in with her passkey alone', async () => {
    await laptop.getByRole('button', { name: 'Log out', exact: true }).click();
    await laptop.waitForURL((url) => url.pathname === '/accounts/login');
    await story.screen(laptop, 'log-in-with-passkey-offered', { desktop: true });
    await laptop.getByRole('button', { name: 'Log in with a passkey' }).click();
    await laptop.waitForURL((url) => url.pathname === '/');
    await laptop.goto('/accounts/security');
    await laptop
      .getByRole('region', { name: 'Passkeys' })
      .getByRole('listitem')
      .filter({ hasText: 'Laptop' })
      .getByText(/Last used/)
      .waitFor();
  });

  story.step('Eve logs in on her phone, then logs the phone out from her laptop', async () => {
    await logIn(phone, eve.username);
    await laptop.reload();
    const sessions = laptop.getByRole('region', { name: "Where you're logged in" });
    const list = sessions.getByRole('list', { name: 'Sessions' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await list.getByText('This device').waitFor();
    await sessions.scrollIntoViewIfNeeded();
    await story.screen(laptop, 'security-sessions', { desktop: true });
    await list.getByRole('button', { name: /^Log out / }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await expectLoggedOut(phone);
  });

  story.step(
    'Eve forgets her password: the mailed link sets a new one and logs her out everywhere',
    async () => {
      await phone.getByRole('link', { name: 'Forgot password?' }).click();
      await phone.getByRole('heading', { name: 'Trouble logging in?' }).waitFor();
      await phone.getByRole('textbox', { name: 'Username or email' }).fill(eve.email);
      await phone.getByRole('button', { name: 'Send reset link' }).click();
      await phone.getByRole('heading', { name: 'Check your email' }).waitFor();
      await story.screen(phone, 'password-reset-sent');

      const token = await linkMailed(eve.email, /Reset your Glimpse password/, '/accounts/password/reset');
      await phone.goto(`/accounts/password/reset/${token}`);
      await phone.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await phone.getByLabel('Confirm new password', { exact: true }).fill(`${NEW_PASSWORD}!`);
      await phone.getByRole('button', { name: 'Reset password' }).click();
      await phone.getByText('Please make sure both passwords match.').waitFor();
      await story.screen(phone, 'password-reset-mismatch');
      await phone.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
      await phone.getByRole('button', { name: 'Reset password' }).click();
      await phone.getByText("Your password was changed. You're logged out everywhere.").waitFor();
      await story.screen(phone, 'password-reset-done', { desktop: true });

      // The laptop's session ended with the reset; the old password no longer works, the new one does.
      await expectLoggedOut(laptop);
      await phone.goto(`/accounts/password/reset/${token}`);
      await phone.getByLabel('New password', { exact: true }).fill('yet another passphrase');
      await phone.getByLabel('Confirm new password', { exact: true }).fill('yet another passphrase');
      await phone.getByRole('button', { name: 'Reset password' }).click();
      await phone.getByRole('heading', { name: "This link isn't working" }).waitFor();
      await logIn(phone, eve.username, NEW_PASSWORD);
    },
  );

  story.step('Eve changes her email: the new address is unconfirmed until she opens its link', async () => {
    await phone.goto('/accounts/security');
    const email = phone.getByRole('region', { name: 'Email' });
    await email.getByRole('button', { name: 'Change email' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Change email' });
    await dialog.getByRole('textbox', { name: 'New email' }).fill(NEW_EMAIL);
    await dialog.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await story.screen(phone, 'change-email');
    await dialog.getByRole('button', { name: 'Change email' }).click();
    await dialog.waitFor({ state: 'detached' });
    await email.getByText(NEW_EMAIL, { exact: true }).waitFor();
    await email.getByRole('status').getByText(/sent/).waitFor();
    await email.getByText('Not confirmed', { exact: true }).waitFor();

    // The old address is told; the new one gets the link.
    expect((await mailTo(server, eve.email)).some((m) => m.includes('email address was changed'))).toBe(true);
    const token = await linkMailed(NEW_EMAIL, /Confirm your email/, '/accounts/email/verify');
    await phone.goto(`/accounts/email/verify/${token}`);
    await phone.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
    await phone.goto('/accounts/security');
    await email.getByText('Confirmed', { exact: true }).waitFor();
    await story.screen(phone, 'security-email-changed', { desktop: true });
  });

  story.accessibilityStep();
});
