/** People using Glimpse through its screens: signing up, logging in, finding things by accessible name. */
import type { Locator, Page } from 'playwright-core';

export const PASSWORD = 'a long enough passphrase';

export interface Person {
  username: string;
  fullName: string;
  email: string;
}

export function person(username: string, fullName: string): Person {
  return { username, fullName, email: `${username}@example.test` };
}

export async function fillSignUp(page: Page, who: Person): Promise<void> {
  await page.goto('/accounts/signup');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(who.fullName);
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
}

/** The CAPTCHA widget's proof of work at production difficulty: about a second, slower on a busy machine. */
export const CAPTCHA_TIMEOUT = 45_000;

/**
 * Waits for the "I'm not a robot" widget to verify by itself: the form's submit button stays disabled
 * until it has.
 */
export async function captchaSolved(page: Page, submit: string): Promise<void> {
  await page
    .locator(`form button[type="submit"]:has-text("${submit}"):not([disabled])`)
    .waitFor({ timeout: CAPTCHA_TIMEOUT });
}

/** Signs up through the form (the widget solves the CAPTCHA) and waits for the home feed. */
export async function signUp(page: Page, who: Person): Promise<void> {
  await fillSignUp(page, who);
  await captchaSolved(page, 'Sign up');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export async function fillLogIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/accounts/login');
  await page.getByRole('textbox', { name: 'Username or email', exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
}

export async function logIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await fillLogIn(page, login, password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** A post in a feed or on its page: `<article aria-label="Post by USERNAME">`. */
export function postBy(page: Page, username: string): Locator {
  return page.getByRole('article', { name: `Post by ${username}`, exact: true });
}

/** Links to post pages inside the main region (a profile grid, a feed). */
export function postLinks(page: Page): Locator {
  return page.locator('main a[href^="/p/"]');
}

/** The id in a post link's /p/:id. */
export async function postIdIn(scope: Locator): Promise<string> {
  const link = scope.locator('a[href^="/p/"]').first();
  const href = await link.getAttribute('href');
  const id = href?.match(/^\/p\/([^/?#]+)/)?.[1];
  if (!id) throw new Error('found no link to the post page (a[href^="/p/"]) in the post');
  return id;
}

/** Polls until the check passes, reloading the page between tries (other people act meanwhile). */
export async function eventually(
  page: Page,
  check: () => Promise<void>,
  { timeoutMs = 20_000, reload = true }: { timeoutMs?: number; reload?: boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (reload) await page.reload();
      else await page.waitForTimeout(250);
    }
  }
}
