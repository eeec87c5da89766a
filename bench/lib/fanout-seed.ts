import { hashPassword } from '../../apps/server/src/modules/accounts/passwords';
import { createDb } from '../../apps/server/src/platform/db';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import { PASSWORD } from './accounts';
import { ensureDatabase, withPg } from './postgres';
import { clearNamespace } from './redis';
import { databaseUrl, FANOUT } from './services';

/**
 * The fan-out data set, in its own database so the large seed stays as seeded: two authors, followed
 * by the first 10,000 and by all 100,000 synthetic followers. Built by set-based SQL in seconds.
 */
export const FANOUT_AUTHORS = [
  { username: 'bench_fanout_10k', followers: 10_000 },
  { username: 'bench_fanout_100k', followers: 100_000 },
] as const;
const FOLLOWERS = 100_000;
const FOLLOWER_PREFIX = 'bench_follower_';

export async function ensureFanoutSeeded(log: (line: string) => void): Promise<void> {
  await ensureDatabase(FANOUT.database);
  // The server's own migrations, so the schema is whatever the server under test expects.
  const db = await createDb({ kind: 'postgres', url: databaseUrl(FANOUT.database), poolSize: 2 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  await withPg(FANOUT.database, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from users u join follows f on f.followee_id = u.id where u.username = $1`,
      [FANOUT_AUTHORS[1].username],
    );
    if (rows[0]?.n === FOLLOWERS) return;
    log(`seeding ${FANOUT.database}: ${FOLLOWERS.toLocaleString('en-US')} followers`);
    const started = performance.now();
    const hash = await hashPassword(PASSWORD);
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query('truncate users cascade');
    // Distinct milliseconds per row keep the time-sortable IDs unique however fast the insert runs.
    await client.query(
      `/* benchFollowers */ insert into users (id, username, email, password_hash, display_name)
       select make_id((extract(epoch from now() - interval '30 days') * 1000)::bigint + g, (g % 8192)::int, g),
         $1 || lpad(g::text, 6, '0'), $1 || lpad(g::text, 6, '0') || '@bench.example', $2, 'Follower ' || g
       from generate_series(1, ${FOLLOWERS}) g`,
      [FOLLOWER_PREFIX, hash],
    );
    for (const [index, author] of FANOUT_AUTHORS.entries()) {
      await client.query(
        `/* benchFanoutAuthor */ insert into users (username, email, password_hash, display_name, follower_count)
         values ($1, $1 || '@bench.example', $2, $1, $3)`,
        [author.username, hash, author.followers],
      );
      await client.query(
        `/* benchFanoutFollows */ insert into follows (id, follower_id, followee_id, created_at)
         select make_id((extract(epoch from now() - interval '7 days') * 1000)::bigint + $4 * ${FOLLOWERS} + n,
             shard_of(f.id), n),
           f.id, a.id, now() - interval '7 days'
         from (select id, row_number() over (order by id) as n from users where username like $2 || '%'
               order by id limit $3) f,
           (select id from users where username = $1) a`,
        [author.username, FOLLOWER_PREFIX, author.followers, index],
      );
    }
    await client.query(
      `/* benchFollowingCounts */ update users u set following_count = s.n
       from (select follower_id, count(*)::int as n from follows group by 1) s where u.id = s.follower_id`,
    );
    await client.query('commit');
    await client.query('vacuum analyze users, follows');
    await clearNamespace(FANOUT.cachePrefix);
    log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
}

/** Every follower of an author, by user ID. */
export async function followerIds(author: string): Promise<string[]> {
  return withPg(FANOUT.database, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `/* benchFollowerIds */ select f.follower_id as id from follows f join users a on a.id = f.followee_id
       where a.username = $1`,
      [author],
    );
    return rows.map((r) => r.id);
  });
}

/** Followers to watch for a new post: the first and last to follow and one between. */
export async function sampleFollowers(author: string): Promise<string[]> {
  return withPg(FANOUT.database, async (client) => {
    const { rows } = await client.query<{ username: string }>(
      `/* benchSampleFollowers */ with f as (
         select u.username, row_number() over (order by f.id) as n, count(*) over () as total
         from follows f join users a on a.id = f.followee_id join users u on u.id = f.follower_id
         where a.username = $1
       ) select username from f where n in (1, total / 2, total) order by n`,
      [author],
    );
    return rows.map((r) => r.username);
  });
}
