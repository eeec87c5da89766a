import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Four projects: unit tests beside the code; the HTTP integration suite twice — once on the embedded
 * defaults (PGlite, memory, in-process queue, disk) and once on the real PostgreSQL, Redis, RabbitMQ and
 * an S3-compatible server; and the multi-process test (API and worker processes behind nginx).
 *
 * Every test file starts its own isolated Glimpse (own database, key and queue prefixes, bucket), so
 * files run side by side: three at a time, although the machine may have two cores, because much of
 * a file's time is spent waiting on PostgreSQL, Redis and RabbitMQ (Vitest's default, one fewer than
 * the cores, would run them one by one). The multi-process test starts its own processes and nginx,
 * and runs alone, after the rest.
 */
const WORKERS = 3;
const MULTIPROCESS = 'test/multiprocess/**/*.test.ts';
export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    testTimeout: 30_000,
    reporters: ['default', '../../scripts/vitest-summary-reporter.ts'],
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MULTIPROCESS],
          env: { GLIMPSE_TEST_MODE: 'embedded' },
        },
      },
      {
        extends: true,
        test: {
          name: 'services',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MULTIPROCESS],
          env: { GLIMPSE_TEST_MODE: 'services' },
        },
      },
      {
        extends: true,
        test: {
          name: 'multiprocess',
          include: [MULTIPROCESS],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
