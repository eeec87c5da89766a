/** axe-core run inside the page; serious and critical violations are what a journey fails on. */
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

declare global {
  interface Window {
    axe?: { run(context?: Document): Promise<AxeResults> };
  }
}

export interface Violation {
  id: string;
  impact: ImpactValue;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

export interface ScreenViolations {
  screen: string;
  violations: Violation[];
}

/** Runs axe on the page as it is now and returns its serious and critical violations. */
export async function blockingViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = window.axe;
    if (!axe) throw new Error('axe-core did not load');
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  });
  return violations.filter((v): v is Violation => v.impact != null && BLOCKING.includes(v.impact));
}

/**
 * One paragraph per rule: "[serious] link-name: Links must have discernible text (help URL)", the screens
 * it was seen on, then each offending element once with axe's advice.
 */
export function formatViolations(found: readonly ScreenViolations[]): string {
  const byRule = new Map<string, { rule: Violation; screens: string[]; nodes: Map<string, string> }>();
  for (const { screen, violations } of found) {
    for (const v of violations) {
      const entry = byRule.get(v.id) ?? { rule: v, screens: [], nodes: new Map<string, string>() };
      entry.screens.push(screen);
      for (const node of v.nodes) entry.nodes.set(node.target, node.summary);
      byRule.set(v.id, entry);
    }
  }
  const lines: string[] = [];
  for (const { rule, screens, nodes } of byRule.values()) {
    lines.push(`[${rule.impact}] ${rule.id}: ${rule.help} (${rule.helpUrl.replace(/\?.*$/, '')})`);
    lines.push(`  on ${screens.join('; ')}`);
    for (const [target, summary] of nodes) lines.push(`  - ${target}\n      ${summary}`);
  }
  return lines.join('\n');
}
