/** Debian's Chromium driven by playwright-core, and the two viewports every journey is seen at. */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const MOBILE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * What the pages' Content-Security-Policy refused, across every person's browser in this test file:
 * Chromium reports each refusal on the console. A journey's last step expects none.
 */
export const policyRefusals: string[] = [];

/** One person's browser: own cookies, own IndexedDB and service worker, a phone-sized window. */
export async function personContext(
  browser: Browser,
  baseURL: string,
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    baseURL,
    viewport: MOBILE,
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      policyRefusals.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
  return context;
}
