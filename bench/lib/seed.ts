import { FULL_SIZES, HEAVY_USERNAME, LIGHT_USERNAME, seedLarge } from '../../apps/server/src/seed/large-seed';
import { withPlatform } from './platform';
import { ensureDatabase, tableExists, withPg } from './postgres';
import { clearNamespace } from './redis';
import { MAIN } from './services';

/** The large data set in glimpse_bench, seeded once with the server's own seeder and reused afterwards. */

export async function isSeeded(): Promise<boolean> {
  return withPg(MAIN.database, async (client) => {
    if (!(await tableExists(client, 'users'))) return false;
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from users where username = any($1)',
      [[HEAVY_USERNAME, LIGHT_USERNAME]],
    );
    if (rows[0]?.n !== 2) return false;
    // Seeds from before names and hashtags were added are rebuilt: search has nothing to find in them.
    if (!(await tableExists(client, 'hashtags'))) return false;
    const tags = await client.query<{ found: boolean }>('select exists (select 1 from hashtags) as found');
    return tags.rows[0]?.found === true;
  });
}

export async function ensureSeeded(options: {
  reseed: boolean;
  blobs: Record<string, string>;
  log: (line: string) => void;
}): Promise<'seeded' | 'reused'> {
  await ensureDatabase(MAIN.database);
  if (!options.reseed && (await isSeeded())) return 'reused';
  await withPlatform(MAIN, options.blobs, async (platform) => {
    options.log(`seeding ${MAIN.database} (10k users, 1M follows, 200k posts): a few minutes`);
    const report = await seedLarge(platform, {
      sizes: FULL_SIZES,
      reset: true,
      log: (line) => options.log(`  ${line}`),
    });
    options.log(`seeded in ${(report.totalMs / 1000).toFixed(0)} s`);
  });
  await clearNamespace(MAIN.cachePrefix);
  return 'seeded';
}
