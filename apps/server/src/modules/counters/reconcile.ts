import type { Db } from '../../platform/db';

/**
 * Denormalised counters are kept exact in the transactions that change their rows; this reconciler
 * recomputes them from the rows, reports any drift and repairs it. Idempotent: run it any time.
 */
interface Counter {
  /** The table and column holding the count. */
  table: string;
  column: string;
  /** How to count the rows behind it, as a correlated subquery on `t.id`. */
  count: string;
}

const COUNTERS: readonly Counter[] = [
  {
    table: 'users',
    column: 'follower_count',
    count: 'select count(*) from follows f where f.followee_id = t.id',
  },
  {
    table: 'users',
    column: 'following_count',
    count: 'select count(*) from follows f where f.follower_id = t.id',
  },
  {
    table: 'users',
    column: 'post_count',
    count: `select count(*) from posts p where p.author_id = t.id and p.archived_at is null and p.status <> 'failed'`,
  },
  { table: 'posts', column: 'like_count', count: 'select count(*) from likes l where l.post_id = t.id' },
  {
    table: 'posts',
    column: 'comment_count',
    count: 'select count(*) from comments m where m.post_id = t.id',
  },
  {
    table: 'comments',
    column: 'reply_count',
    count: 'select count(*) from comments r where r.parent_id = t.id',
  },
  {
    table: 'comments',
    column: 'like_count',
    count: 'select count(*) from comment_likes l where l.comment_id = t.id',
  },
  {
    table: 'hashtags',
    column: 'post_count',
    count: 'select count(*) from post_hashtags ph where ph.hashtag_id = t.id',
  },
];

/** Repairs drifted counters; returns how many rows of each counter were wrong (all zero when healthy). */
export async function reconcileCounters(db: Db): Promise<Record<string, number>> {
  const drift: Record<string, number> = {};
  for (const { table, column, count } of COUNTERS) {
    const fixed = await db.query(
      `/* reconcile ${table}.${column} */ update ${table} u set ${column} = c.n
       from (select t.id, (${count})::int as n from ${table} t) c
       where u.id = c.id and u.${column} <> c.n returning u.id`,
    );
    drift[`${table}.${column}`] = fixed.length;
  }
  return drift;
}
