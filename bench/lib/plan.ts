import { parseArgs } from 'node:util';

/** The command line and how long each part runs in a full and a quick run. */
export const SCENARIOS = [
  'render',
  'editor',
  'feed',
  'discovery',
  'upload',
  'cost',
  'fanout',
  'timeline',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Plan {
  mode: 'full' | 'quick';
  reseed: boolean;
  scenarios: ReadonlySet<Scenario>;
  feed: { connections: number; seconds: number; warmupSeconds: number; runs: number };
  discovery: { connections: number; seconds: number; warmupSeconds: number; runs: number };
  uploadRuns: number;
  uploadWarmups: number;
  renderRuns: number;
  previewFrames: number;
  cost: { warmRequests: number; cpuRequests: number };
  fanoutRuns: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--reseed] [--only ${SCENARIOS.join(',')}]
  --quick    fewer, shorter runs for iterating (writes results/quick.*, not results/latest.*)
  --reseed   rebuild the large data set in glimpse_bench even when it is there
  --only     run only these scenarios (comma-separated)`;

export function parsePlan(argv: readonly string[]): Plan | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      reseed: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...SCENARIOS];
  const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length) throw new TypeError(`unknown scenario ${unknown.join(', ')}`);
  const quick = values.quick;
  return {
    mode: quick ? 'quick' : 'full',
    reseed: values.reseed,
    scenarios: new Set(only as Scenario[]),
    feed: quick
      ? { connections: 64, seconds: 3, warmupSeconds: 2, runs: 2 }
      : { connections: 64, seconds: 10, warmupSeconds: 5, runs: 3 },
    // The figure: typeahead p99 at 32 connections.
    discovery: quick
      ? { connections: 32, seconds: 3, warmupSeconds: 2, runs: 2 }
      : { connections: 32, seconds: 10, warmupSeconds: 5, runs: 3 },
    uploadRuns: quick ? 2 : 5,
    uploadWarmups: 1,
    renderRuns: quick ? 2 : 5,
    previewFrames: quick ? 10 : 30,
    cost: quick ? { warmRequests: 3, cpuRequests: 20 } : { warmRequests: 10, cpuRequests: 100 },
    fanoutRuns: quick ? 1 : 3,
  };
}
