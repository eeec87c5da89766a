import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { closePlatform, createPlatform } from '../platform';
import { createLogger } from '../platform/logger';
import { createMetrics } from '../platform/metrics';
import { DEMO_PASSWORD } from './demo-people';
import { FULL_SIZES, LargeSeedError, type LargeSizes, SMALL_SIZES, seedLarge } from './large-seed';

/**
 * `npm run seed:large -w @glimpse/server [-- --users 10000 --follows 1000000 --posts 200000 --reset]`:
 * fills a real PostgreSQL (DATABASE_URL) with the benchmark data set. Photos go to the configured blob
 * store (S3_* or the data directory), like the server's.
 */

export type { LargeSizes };
export { FULL_SIZES, SMALL_SIZES, seedLarge };

const USAGE = `usage: npm run seed:large -w @glimpse/server -- [options]
  --users N      users to create (default ${FULL_SIZES.users}; env SEED_USERS)
  --follows N    follows (default ${FULL_SIZES.follows}; env SEED_FOLLOWS)
  --posts N      posts (default ${FULL_SIZES.posts}; env SEED_POSTS)
  --likes N      likes (default ${FULL_SIZES.likes}; env SEED_LIKES)
  --comments N   comments, a tenth of them replies (default ${FULL_SIZES.comments}; env SEED_COMMENTS)
  --small        a quick set: ${SMALL_SIZES.users} users, ${SMALL_SIZES.follows} follows, ${SMALL_SIZES.posts} posts
  --reset        empty every Glimpse table first (otherwise a database with users is refused)
Requires DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/glimpse_bench`;

export interface LargeCli {
  sizes: LargeSizes;
  reset: boolean;
  help: boolean;
}

/** Flags win over SEED_* environment variables, which win over the defaults (full or --small). */
export function parseLargeCli(argv: readonly string[], env: NodeJS.ProcessEnv): LargeCli {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      users: { type: 'string' },
      follows: { type: 'string' },
      posts: { type: 'string' },
      likes: { type: 'string' },
      comments: { type: 'string' },
      small: { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const defaults = values.small ? SMALL_SIZES : FULL_SIZES;
  const size = (name: keyof LargeSizes): number => {
    const raw = values[name] ?? env[`SEED_${name.toUpperCase()}`];
    if (raw === undefined || raw === '') return defaults[name];
    const value = Number(raw.replaceAll('_', ''));
    if (!Number.isSafeInteger(value) || value < 0)
      throw new LargeSeedError(`--${name} must be a whole number, got "${raw}"`);
    return value;
  };
  return {
    sizes: {
      users: size('users'),
      follows: size('follows'),
      posts: size('posts'),
      likes: size('likes'),
      comments: size('comments'),
    },
    reset: values.reset,
    help: values.help,
  };
}

async function main(): Promise<void> {
  let cli: LargeCli;
  let config: ReturnType<typeof loadConfig>;
  try {
    cli = parseLargeCli(process.argv.slice(2), process.env);
    if (cli.help) {
      console.log(USAGE);
      return;
    }
    config = loadConfig();
  } catch (error) {
    if (error instanceof LargeSeedError || error instanceof ConfigError || error instanceof TypeError) {
      console.error(error instanceof ConfigError ? error.message : `${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (config.database.kind !== 'postgres') {
    console.error(
      'seed:large writes into a real PostgreSQL and refuses the embedded database: set DATABASE_URL,\n' +
        'e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/glimpse_bench npm run seed:large -w @glimpse/server',
    );
    process.exit(2);
  }
  const { sizes } = cli;
  console.log(
    `seeding ${sizes.users} users, ${sizes.follows} follows, ${sizes.posts} posts, ${sizes.likes} likes, ` +
      `${sizes.comments} comments into ${new URL(config.database.url).pathname.slice(1)} (blobs: ${config.blobs.kind})`,
  );
  const platform = await createPlatform(config, createLogger(config.logLevel), createMetrics());
  try {
    const report = await seedLarge(platform, {
      sizes,
      reset: cli.reset,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `done in ${(report.totalMs / 1000).toFixed(1)} s: ${JSON.stringify(report.counts)}\n` +
        `feed benchmark accounts: ${report.heavy.username} follows ${report.heavy.following}, ` +
        `${report.light.username} follows ${report.light.following}; every password is "${DEMO_PASSWORD}"`,
    );
  } catch (error) {
    if (error instanceof LargeSeedError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await closePlatform(platform);
  }
}

// Run only as a script (tsx src/seed/large.ts), not when a test imports seedLarge from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
