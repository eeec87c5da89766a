/**
 * `npm run test:e2e`: builds the web app once (with its bundle budget), then runs the journeys in
 * tests/e2e. Without Chromium the journeys are skipped with a notice, except in CI where that fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(chromium)) {
  const message = `No Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') {
    console.error(`${message}: the end-to-end journeys cannot run in CI without it.`);
    process.exit(1);
  }
  console.warn(`\n⚠ ${message}: SKIPPING the end-to-end journeys.\n`);
  process.exit(0);
}

run('npm', ['run', 'build', '--silent']);
run('npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', ...process.argv.slice(2)]);
