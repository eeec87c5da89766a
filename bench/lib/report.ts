import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Figure, meets } from './figures';
import type { Machine } from './machine';
import { REPO_DIR, RESULTS_DIR } from './paths';

/** Writes the run as JSON (for tools and history) and as a markdown table (for the README). */
export interface Report {
  date: string;
  mode: 'full' | 'quick';
  elapsedSeconds: number;
  machine: Machine;
  settings: Record<string, string | number>;
  figures: Figure[];
}

/**
 * `only`: the scenarios of a full run limited with --only, or null when all ran. A quick run is for
 * iterating and a partial run measures only part, so neither replaces the full run the README links:
 * they go to quick.* and to a file named after their scenarios (e.g. discovery.*).
 */
export function writeReport(
  report: Report,
  only: readonly string[] | null = null,
): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = report.mode === 'quick' ? 'quick' : only ? only.join('-') : 'latest';
  const json = path.join(RESULTS_DIR, `${base}.json`);
  const markdown = path.join(RESULTS_DIR, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report));
  formatLikeTheRepository([json, markdown]);
  return { json, markdown };
}

/** The results are committed, so they go through the repository's formatter and keep `npm run lint` green. */
function formatLikeTheRepository(files: string[]): void {
  const biome = path.join(REPO_DIR, 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) return;
  try {
    execFileSync(biome, ['format', '--write', ...files], { cwd: REPO_DIR, stdio: 'ignore' });
  } catch {
    console.warn('could not format the results with Biome; run `npx biome format --write bench/results`');
  }
}

const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 3 });

export function renderMarkdown(report: Report): string {
  const { machine } = report;
  const rows = report.figures.map((f) => {
    const met = meets(f);
    const cells = [
      `\`${f.name}\``,
      f.value === null ? 'n/a' : number(f.value),
      f.unit,
      f.target ? `${f.target.op.replace('>=', '≥').replace('<=', '≤')} ${number(f.target.value)}` : '',
      met === null ? '' : met ? 'yes' : '**no**',
      f.spread
        ? `${number(f.spread.min)}–${number(f.spread.max)} (${f.spread.runs} ${f.spread.runs === 1 ? 'run' : 'runs'})`
        : '',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const notes = report.figures.filter((f) => f.note).map((f) => `- \`${f.name}\`: ${f.note}`);
  const settings = Object.entries(report.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `# Glimpse benchmark (${report.mode} run)`,
    '',
    `${report.date}, ${report.elapsedSeconds} s. ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ` +
      `${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres}; ${machine.busyPercentBeforeRun}% of the CPU ` +
      `was busy with other work just before the run (load average ${machine.loadAverage}). ` +
      'Values are medians; spread is min–max over runs.',
    '',
    `Settings: ${settings}.`,
    '',
    '| figure | value | unit | target | met? | spread |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...rows,
    ...(notes.length ? ['', 'Notes:', '', ...notes] : []),
    '',
  ].join('\n');
}
