/**
 * `npm run lighthouse`: builds the web app, starts Glimpse in-process (embedded mode) with the demo
 * community, logs in as its first member and runs Lighthouse (mobile, default simulated throttling) on
 * the feed, a profile and a post page. Prints the figures and writes bench/results/lighthouse.{json,md}.
 * A report, not a test: it never fails on the scores. Targets: performance ≥ 90, accessibility ≥ 95,
 * CLS < 0.02.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemo } from '../apps/server/src/seed/demo';
import { startServer } from '../apps/server/test/support/harness';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'bench/results');
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { performance: 90, accessibility: 95, cls: 0.02 };

interface PageFailure {
  page: string;
  path: string;
  error: string;
}

interface PageReport {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  metrics: Record<'fcp' | 'lcp' | 'tbt' | 'cls' | 'speedIndex', number>;
  lcpElement: string | null;
  lcpPhases: string | null;
  /** Performance audits that failed, with their estimated savings: where the time goes. */
  opportunities: { id: string; title: string; display: string }[];
  /** Accessibility audits that failed, with the elements. */
  accessibilityFailures: { id: string; title: string; elements: string[] }[];
}

async function graphql<T>(url: string, query: string, variables: object, cookie?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return { data: body.data, response };
}

async function logIn(url: string): Promise<string> {
  const login = DEMO_USERNAMES[0];
  if (!login) throw new Error('the demo community has no members');
  const { response } = await graphql(
    url,
    'mutation($input: LogInInput!) { logIn(input: $input) { expiresAt } }',
    { input: { login, password: DEMO_PASSWORD } },
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('glimpse_session='));
  if (!cookie) throw new Error('log-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

/** The LCP element and where its time went (TTFB, load delay, load time, render delay). */
function lcpElement(lhr: Result): { element: string | null; phases: string | null } {
  const details = lhr.audits['largest-contentful-paint-element']?.details;
  let element: string | null = null;
  const phases: string[] = [];
  if (details?.type !== 'list') return { element, phases: null };
  for (const item of details.items) {
    if (item.type !== 'table') continue;
    for (const row of item.items) {
      const node = row.node;
      if (node && typeof node === 'object' && 'type' in node && node.type === 'node') {
        element = `${node.nodeLabel ?? ''}: ${(node.snippet ?? '').slice(0, 160)}`;
      }
      if (typeof row.phase === 'string' && typeof row.timing === 'number') {
        phases.push(`${row.phase} ${Math.round(row.timing)} ms`);
      }
    }
  }
  return { element, phases: phases.length > 0 ? phases.join(', ') : null };
}

function summarise(page: string, pagePath: string, lhr: Result): PageReport {
  // The metrics are reported on their own; 'hidden' holds duplicates of the diagnostics.
  const diagnostics = (lhr.categories.performance?.auditRefs ?? []).filter(
    (ref) => ref.group === 'diagnostics' && ref.id !== 'largest-contentful-paint-element',
  );
  const opportunities = diagnostics
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
    .map((a) => ({ id: a?.id ?? '', title: a?.title ?? '', display: a?.displayValue ?? '' }));
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score === 0 && a.scoreDisplayMode === 'binary')
    .map((a) => {
      const items: readonly unknown[] = a?.details && 'items' in a.details ? a.details.items : [];
      const elements = items.flatMap((item) => {
        const node = (item as { node?: { snippet?: string } }).node;
        return node?.snippet ? [node.snippet] : [];
      });
      return { id: a?.id ?? '', title: a?.title ?? '', elements: elements.slice(0, 5) };
    });
  return {
    page,
    path: pagePath,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    metrics: {
      fcp: numeric(lhr, 'first-contentful-paint'),
      lcp: numeric(lhr, 'largest-contentful-paint'),
      tbt: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      speedIndex: numeric(lhr, 'speed-index'),
    },
    lcpElement: lcpElement(lhr).element,
    lcpPhases: lcpElement(lhr).phases,
    opportunities,
    accessibilityFailures,
  };
}

function markdown(
  reports: PageReport[],
  failures: PageFailure[],
  meta: { date: string; chromium: string },
): string {
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  const lines = [
    '# Lighthouse (mobile, simulated Slow 4G, 4× CPU slowdown)',
    '',
    `${meta.date} · ${meta.chromium} · \`npm run lighthouse\` · demo community, logged in as ${DEMO_USERNAMES[0]}`,
    `Targets: performance ≥ ${TARGETS.performance}, accessibility ≥ ${TARGETS.accessibility}, CLS < ${TARGETS.cls}.`,
    '',
    '| page | performance | accessibility | LCP | CLS | FCP | TBT |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...reports.map(
      (r) =>
        `| ${r.page} (\`${r.path}\`) | ${r.performance}${mark(r.performance >= TARGETS.performance)} | ` +
        `${r.accessibility}${mark(r.accessibility >= TARGETS.accessibility)} | ${(r.metrics.lcp / 1000).toFixed(2)} s | ` +
        `${r.metrics.cls.toFixed(3)}${mark(r.metrics.cls < TARGETS.cls)} | ${(r.metrics.fcp / 1000).toFixed(2)} s | ` +
        `${Math.round(r.metrics.tbt)} ms |`,
    ),
    ...failures.map(
      (f) => `| ${f.page} (\`${f.path}\`) | not measured: ${f.error.split(':')[0]} | | | | | |`,
    ),
    '',
  ];
  for (const f of failures) lines.push(`## ${f.page}: not measured`, '', f.error, '');
  for (const r of reports) {
    lines.push(`## ${r.page}`, '', `LCP element: \`${r.lcpElement ?? 'unknown'}\``, '');
    if (r.lcpPhases) lines.push(`LCP phases: ${r.lcpPhases}`, '');
    for (const o of r.opportunities)
      lines.push(`- ${o.title}${o.display ? ` (${o.display})` : ''} \`${o.id}\``);
    for (const a of r.accessibilityFailures) {
      lines.push(
        `- accessibility: ${a.title} \`${a.id}\`${a.elements.map((e) => `\n  - \`${e}\``).join('')}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('Starting Glimpse and seeding the demo community (about a minute)…');
const server = await startServer({ mode: 'embedded' });
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await seedDemo(server.glimpse);
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  const cookie = await logIn(server.url);
  const { data } = await graphql<{
    homeFeed: { edges: { node: { id: string; author: { username: string } } }[] };
  }>(server.url, '{ homeFeed(first: 1) { edges { node { id author { username } } } } }', {}, cookie);
  const first = data.homeFeed.edges[0]?.node;
  if (!first) throw new Error("the demo member's home feed is empty");
  const pages = [
    { page: 'Home feed', path: '/' },
    { page: 'Profile', path: `/${first.author.username}` },
    { page: 'Post', path: `/p/${first.id}` },
  ];
  const flags: Flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    formFactor: 'mobile',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: { Cookie: cookie },
  };
  const reports: PageReport[] = [];
  const failures: PageFailure[] = [];
  let chromium = '';
  for (const { page, path: pagePath } of pages) {
    const result = await lighthouse(`${server.url}${pagePath}`, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
    if (result.lhr.runtimeError) {
      // One broken page should not cost the figures of the others: note it and go on.
      const { code, message } = result.lhr.runtimeError;
      failures.push({ page, path: pagePath, error: `${code}: ${message}` });
      console.error(`${page.padEnd(10)} NOT MEASURED: ${code}: ${message}`);
      continue;
    }
    chromium = result.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? chromium;
    const report = summarise(page, pagePath, result.lhr);
    reports.push(report);
    const m = report.metrics;
    console.log(
      `${page.padEnd(10)} performance ${report.performance}, accessibility ${report.accessibility}, ` +
        `CLS ${m.cls.toFixed(3)}, LCP ${(m.lcp / 1000).toFixed(2)} s (FCP ${(m.fcp / 1000).toFixed(2)} s, TBT ${Math.round(m.tbt)} ms)`,
    );
  }
  const meta = { date: new Date().toISOString().slice(0, 10), chromium };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, 'lighthouse.json'),
    `${JSON.stringify({ ...meta, TARGETS, reports, failures }, null, 2)}\n`,
  );
  writeFileSync(path.join(resultsDir, 'lighthouse.md'), markdown(reports, failures, meta));
  // In the repository's own format, so `npm run lint` stays clean when the results are committed.
  spawnSync(
    'npx',
    ['biome', 'format', '--write', 'bench/results/lighthouse.json', 'bench/results/lighthouse.md'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  console.log(`Wrote ${path.relative(root, resultsDir)}/lighthouse.json and lighthouse.md`);
} finally {
  chrome?.kill();
  await server.stop();
}
