import type { Db } from '../../platform/db';

/**
 * Denormalised counters are kept exact in the transactions that change their rows; this reconciler
 * recomputes them from the rows, reports any drift and repairs it. Idempotent: run it any time.
 */
const CHECKS = [
  {
    name: 'users.follower_count',
    sql: `update users u set follower_count = c.n from (
            select u2.id, (select count(*) from follows f where f.followee_id = u2.id)::int as n from users u2
          ) c where u.id = c.id and u.follower_count <> c.n returning u.id`,
  },
  {
    name: 'users.following_count',
    sql: `update users u set following_count = c.n from (
            select u2.id, (select count(*) from follows f where f.follower_id = u2.id)::int as n from users u2
          ) c where u.id = c.id and u.following_count <> c.n returning u.id`,
  },
  {
    name: 'users.post_count',
    sql: `update users u set post_count = c.n from (
            select u2.id, (select count(*) from posts p where p.author_id = u2.id and p.archived_at is null
              and p.status <> 'failed')::int as n from users u2
          ) c where u.id = c.id and u.post_count <> c.n returning u.id`,
  },
  {
    name: 'posts.like_count',
    sql: `update posts p set like_count = c.n from (
            select p2.id, (select count(*) from likes l where l.post_id = p2.id)::int as n from posts p2
          ) c where p.id = c.id and p.like_count <> c.n returning p.id`,
  },
  {
    name: 'posts.comment_count',
    sql: `update posts p set comment_count = c.n from (
            select p2.id, (select count(*) from comments m where m.post_id = p2.id)::int as n from posts p2
          ) c where p.id = c.id and p.comment_count <> c.n returning p.id`,
  },
  {
    name: 'comments.reply_count',
    sql: `update comments m set reply_count = c.n from (
            select m2.id, (select count(*) from comments r where r.parent_id = m2.id)::int as n from comments m2
          ) c where m.id = c.id and m.reply_count <> c.n returning m.id`,
  },
  {
    name: 'comments.like_count',
    sql: `update comments m set like_count = c.n from (
            select m2.id, (select count(*) from comment_likes l where l.comment_id = m2.id)::int as n from comments m2
          ) c where m.id = c.id and m.like_count <> c.n returning m.id`,
  },
  {
    name: 'hashtags.post_count',
    sql: `update hashtags h set post_count = c.n from (
            select h2.id, (select count(*) from post_hashtags ph where ph.hashtag_id = h2.id)::int as n from hashtags h2
          ) c where h.id = c.id and h.post_count <> c.n returning h.id`,
  },
] as const;

/** Repairs drifted counters; returns how many rows of each counter were wrong (all zero when healthy). */
export async function reconcileCounters(db: Db): Promise<Record<string, number>> {
  const drift: Record<string, number> = {};
  for (const check of CHECKS) {
    const fixed = await db.query(`/* reconcile ${check.name} */ ${check.sql}`);
    drift[check.name] = fixed.length;
  }
  return drift;
}
