import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The end-to-end journeys: each file starts its own Glimpse (embedded mode) and drives Debian's Chromium.
 * They run one file at a time, as the machine has two cores and Chromium wants them; `npm run test:e2e`
 * builds the web app first, since the server serves apps/web/dist.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.test.ts'],
    fileParallelism: false,
    reporters: ['default', '../../scripts/vitest-summary-reporter.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
