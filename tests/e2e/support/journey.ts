/**
 * A journey is a story told in steps that share one world (a server, a browser, several people). A step
 * after a failed one is skipped, so the report names the first thing that broke. Every screen the story
 * passes through is photographed (phone, and desktop where asked) and checked with axe; the last step
 * fails on any serious or critical violation seen along the way.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, formatViolations, type ScreenViolations } from './axe';
import { DESKTOP, MOBILE, policyRefusals } from './browser';

export const SCREENSHOTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

const STEP_TIMEOUT = 90_000;

export interface Journey {
  /** Declares the next step of the story; the steps after it are skipped if it fails. */
  step(name: string, run: () => Promise<void>): void;
  /** Declares a check along the way that the rest of the story does not depend on. */
  check(name: string, run: () => Promise<void>): void;
  /** Photographs the current screen and checks it with axe, at phone size and optionally at desktop size. */
  screen(page: Page, name: string, options?: { desktop?: boolean }): Promise<void>;
  /**
   * Declares the final steps: no serious or critical axe violation on any screen seen, and nothing the
   * pages' Content-Security-Policy refused (the app runs entirely within its own strict policy).
   */
  accessibilityStep(): void;
}

/**
 * `pages` lists the browser tabs of the people in the story; when a step fails, each is photographed
 * as `FAILED-<step>-<n>.png` next to the journey's screenshots.
 */
export function journey(name: string, options: { pages?: () => Iterable<Page> } = {}): Journey {
  const dir = path.join(SCREENSHOTS_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const found: ScreenViolations[] = [];
  let shots = 0;
  let broken: string | null = null;

  async function capture(page: Page, label: string, viewport: string) {
    await settle(page);
    shots += 1;
    const file = `${String(shots).padStart(2, '0')}-${label}-${viewport}.png`;
    await page.screenshot({ path: path.join(dir, file) });
    const violations = await blockingViolations(page);
    if (violations.length > 0) found.push({ screen: `${label} (${viewport}, ${page.url()})`, violations });
  }

  async function photographFailure(stepName: string) {
    const slug = stepName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    let n = 0;
    for (const page of options.pages?.() ?? []) {
      n += 1;
      await page.screenshot({ path: path.join(dir, `FAILED-${slug}-${n}.png`) }).catch(() => {});
    }
  }

  return {
    step(stepName, run) {
      it(stepName, { timeout: STEP_TIMEOUT }, async (context) => {
        if (broken) context.skip(`an earlier step failed: ${broken}`);
        try {
          await run();
        } catch (error) {
          broken = stepName;
          await photographFailure(stepName);
          throw error;
        }
      });
    },

    check(checkName, run) {
      it(checkName, { timeout: STEP_TIMEOUT }, async (context) => {
        if (broken) context.skip(`an earlier step failed: ${broken}`);
        try {
          await run();
        } catch (error) {
          await photographFailure(checkName);
          throw error;
        }
      });
    },

    async screen(page, label, options = {}) {
      await capture(page, label, 'mobile');
      if (options.desktop) {
        await page.setViewportSize(DESKTOP);
        await capture(page, label, 'desktop');
        await page.setViewportSize(MOBILE);
      }
    },

    accessibilityStep() {
      it('has no serious or critical accessibility violations on the screens it visited', () => {
        if (found.length > 0)
          console.error(`axe found problems in journey "${name}":\n${formatViolations(found)}`);
        expect(found.map((f) => `${f.screen}: ${f.violations.map((v) => v.id).join(', ')}`)).toEqual([]);
      });
      it('ran nothing that the Content-Security-Policy refused', () => {
        expect(policyRefusals).toEqual([]);
      });
    },
  };
}

/** Waits until the screen stops changing: no requests in flight, images decoded, fonts loaded. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(
      () =>
        [...document.images].every((img) => img.complete) &&
        document.fonts.status === 'loaded' &&
        !document.querySelector('[role="status"][aria-busy="true"]'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
}
