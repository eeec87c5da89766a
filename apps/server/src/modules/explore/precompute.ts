import type { Db } from '../../platform/db';
import { RECENT_POST_ID } from './candidates';

/**
 * The scheduled jobs behind Explore. Both rebuild their table wholesale in one transaction, so a read
 * sees the old table or the new one, and running a job twice (several workers asking) is harmless.
 */

/** Posts of the last this many days get neighbours. */
const SIMILARITY_DAYS = 30;
/** Each person's latest likes counted: a heavy liker does not make everything similar to everything. */
const LIKES_PER_PERSON = 200;
/** Neighbours kept per post. */
export const NEIGHBOURS = 50;
/**
 * Shrinks the cosine of pairs few people liked together: one shared liker says little, so a pair's
 * score is cosine * co / (co + SHRINK).
 */
const SHRINK = 2;
const POOL_SIZE = 500;

export async function rebuildSimilarity(db: Db): Promise<{ pairs: number }> {
  return db.transaction(async (tx) => {
    await tx.query('/* clearPostSimilarity */ delete from post_similarity');
    const [row] = await tx.query<{ pairs: number }>(
      `/* rebuildPostSimilarity */ with recent as (
         select post_id, user_id from (
           select l.post_id, l.user_id, row_number() over (partition by l.user_id order by l.id desc) as nth
           from likes l join posts p on p.id = l.post_id
           where l.post_id > ${RECENT_POST_ID(SIMILARITY_DAYS)} and p.status = 'ready' and p.archived_at is null
         ) x where nth <= ${LIKES_PER_PERSON}
       ),
       likers as (select post_id, count(*)::float8 as n from recent group by post_id),
       pairs as (
         select a.post_id, b.post_id as neighbor_id, count(*)::float8 as co
         from recent a join recent b on b.user_id = a.user_id and b.post_id <> a.post_id
         group by a.post_id, b.post_id
       ),
       ranked as (
         select pr.post_id, pr.neighbor_id,
           pr.co / sqrt(la.n * lb.n) * pr.co / (pr.co + ${SHRINK}) as score
         from pairs pr
         join likers la on la.post_id = pr.post_id
         join likers lb on lb.post_id = pr.neighbor_id
       ),
       kept as (
         select post_id, neighbor_id, score,
           row_number() over (partition by post_id order by score desc, neighbor_id desc) as nth
         from ranked
       ),
       inserted as (
         insert into post_similarity (post_id, neighbor_id, score)
         select post_id, neighbor_id, score from kept where nth <= ${NEIGHBOURS}
         returning 1
       )
       select count(*)::int as pairs from inserted`,
    );
    return { pairs: row?.pairs ?? 0 };
  });
}

/**
 * Trending: likes and comments of the last day per post, divided by the hours the post has had to
 * collect them (engagement velocity). Popular: the most engaged posts of the last weeks. Both hold only
 * public accounts' visible posts: they are shared by every viewer.
 */
export async function rebuildPools(db: Db): Promise<{ trending: number; popular: number }> {
  return db.transaction(async (tx) => {
    await tx.query('/* clearExplorePools */ delete from explore_pools');
    const [trending] = await tx.query<{ n: number }>(
      `/* rebuildTrendingPool */ with engagement as (
         select post_id, sum(weight)::float8 as points from (
           select post_id, 1 as weight from likes where id > ${RECENT_POST_ID(1)}
           union all
           select post_id, 2 as weight from comments where id > ${RECENT_POST_ID(1)}
         ) e group by post_id
       ),
       inserted as (
         insert into explore_pools (pool, post_id, score)
         select 'trending', p.id,
           e.points / (least(extract(epoch from now() - p.created_at) / 3600, 24) + 2)
         from engagement e
         join posts p on p.id = e.post_id
         join users u on u.id = p.author_id
         where p.status = 'ready' and p.archived_at is null and not u.is_private and u.suspended_at is null
         order by 3 desc limit ${POOL_SIZE}
         returning 1
       )
       select count(*)::int as n from inserted`,
    );
    const [popular] = await tx.query<{ n: number }>(
      `/* rebuildPopularPool */ with inserted as (
         insert into explore_pools (pool, post_id, score)
         select 'popular', p.id, greatest(p.like_count - p.flagged_like_count, 0) + 2 * p.comment_count
         from posts p join users u on u.id = p.author_id
         where p.status = 'ready' and p.archived_at is null and p.id > ${RECENT_POST_ID(SIMILARITY_DAYS)}
           and not u.is_private and u.suspended_at is null and p.like_count + p.comment_count > 0
         order by 3 desc, p.id desc limit ${POOL_SIZE}
         returning 1
       )
       select count(*)::int as n from inserted`,
    );
    return { trending: trending?.n ?? 0, popular: popular?.n ?? 0 };
  });
}
