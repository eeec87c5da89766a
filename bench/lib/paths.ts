import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the benchmark reads and writes, relative to this checkout. */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');
export const SERVER_DIR = path.join(REPO_DIR, 'apps', 'server');
/** Scratch space that survives runs (seeded blobs, the generated photo); ignored by git. */
export const DATA_DIR = path.join(BENCH_DIR, 'data');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
