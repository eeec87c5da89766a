/**
 * The way in for someone new: the home page sends a logged-out visitor to log in, a taken username is
 * reported on its field, a wrong password in the form.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium, personContext, policyRefusals } from './support/browser';
import { journey } from './support/journey';
import { captchaSolved, fillLogIn, fillSignUp, person, signUp } from './support/people';
import { startJourneyServer, type TestServer } from './support/server';

const dana = person('dana.e2e', 'Dana Example');

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startJourneyServer();
  browser = await launchChromium();
  const first = await (await personContext(browser, server.url)).newPage();
  await signUp(first, dana);
  await first.context().close();
  page = await (await personContext(browser, server.url)).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('auth errors', () => {
  const story = journey('auth-errors', { pages: () => (page ? [page] : []) });

  story.check('a first visit to the home page (no service worker yet) leads to the log-in form', async () => {
    const response = await page.goto('/');
    expect(response?.status(), 'GET / serves the app').toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await page.waitForURL((url) => url.pathname === '/accounts/login');
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    await story.screen(page, 'log-in', { desktop: true });
  });

  story.check('script injected into the page does not run: the policy refuses it', async () => {
    // What a stored-XSS bug would put in the served page: an inline script and an inline handler. (No
    // service worker here, so the page comes from the network, where the test can alter it.)
    const context = await personContext(browser, server.url, { serviceWorkers: 'block' });
    const victim = await context.newPage();
    await victim.route('**/accounts/login', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '<div id="root"></div>',
        '<div id="root"></div><script>window.__injected = 1</script><img alt="" src="/icon.svg" onload="window.__injected = 2">',
      );
      await route.fulfill({ response, body });
    });
    const before = policyRefusals.length;
    await victim.goto('/accounts/login');
    // The app itself still runs under the same policy.
    await victim.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    await expect.poll(() => policyRefusals.length - before).toBeGreaterThanOrEqual(2);
    expect(await victim.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    await context.close();
    // These refusals were the point; the journey's last step expects no others.
    policyRefusals.splice(before);
  });

  story.step('signing up with a taken username shows the error on the username field', async () => {
    await fillSignUp(page, { ...person(dana.username, 'Someone Else'), email: 'someone.else@example.test' });
    await captchaSolved(page, 'Sign up');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    const username = page.getByRole('textbox', { name: 'Username', exact: true });
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await username.getAttribute('aria-describedby');
    expect(describedBy, 'the username field names its error with aria-describedby').toBeTruthy();
    const message = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(message).toMatch(/taken/i);
    expect(new URL(page.url()).pathname).toBe('/accounts/signup');
    // A refused sign-up spends its CAPTCHA; the widget solves a fresh one, then the form is ready again.
    // (Photographed mid-solve, the disabled button flips to enabled under axe's feet.)
    await captchaSolved(page, 'Sign up');
    await story.screen(page, 'sign-up-username-taken', { desktop: true });
  });

  story.step('logging in with a wrong password says so', async () => {
    await fillLogIn(page, dana.username, 'not the password at all');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByText('Incorrect username, email or password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/accounts/login');
    await story.screen(page, 'log-in-wrong-password', { desktop: true });
  });

  story.accessibilityStep();
});
