import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphcacheSchema } from './build/graphcache-schema.ts';

/** Component tests: each screen's *.test.tsx beside it, rendered in happy-dom with Testing Library. */
export default defineConfig({
  plugins: [react(), graphcacheSchema()],
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    restoreMocks: true,
    reporters: ['default', '../../scripts/vitest-summary-reporter.ts'],
  },
});
