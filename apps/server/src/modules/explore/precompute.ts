import type { Db } from '../../platform/db';
import { RECENT_POST_ID } from './candidates';

/**
 * The scheduled jobs behind Explore: the pools rebuild wholesale in one transaction (a read sees the old
 * table or the new one); the similarity table is updated incrementally. Running either twice (several
 * workers asking) is harmless.
 */

/** Posts of the last this many days get neighbours. */
const SIMILARITY_DAYS = 30;
/** A post's most recent likers stand for all of them: the work per post is bounded however popular it is. */
const LIKERS_PER_POST = 50;
/** Each liker's latest likes counted: a heavy liker does not make everything similar to everything. */
const LIKES_PER_LIKER = 50;
/** Neighbours kept per post. */
export const NEIGHBOURS = 50;
/**
 * Shrinks the cosine of pairs few people liked together: one shared liker says little, so a pair's
 * score is cosine * co / (co + SHRINK).
 */
const SHRINK = 2;
const POOL_SIZE = 500;
/** Likes read per batch; the posts they touch get their neighbours recomputed in one transaction. */
const LIKES_PER_BATCH = 20_000;

export interface SimilarityRun {
  /** Posts whose neighbours were recomputed. */
  posts: number;
  /** Neighbour rows written. */
  pairs: number;
  /** Likes are left past the watermark: the run stopped at its time budget and should be continued. */
  more: boolean;
}

/**
 * Item-to-item similarity, incrementally: the posts liked since the last run (read from a watermark over
 * likes' time-sortable IDs, in batches) get their neighbour lists recomputed from their most recent
 * likers and what those people liked lately. The cost of a run follows the new likes, not the size of
 * the history, and each post's work is bounded (LIKERS_PER_POST × LIKES_PER_LIKER rows) however popular
 * it is. A neighbour's own list is refreshed when it is next liked. The watermark row is locked for the
 * batch, so workers asking at once take turns and never recompute the same likes.
 *
 * The score is the cosine over likers, estimated from the sample: co-likes among the sampled likers,
 * scaled up by the share of likers sampled, over the root of both posts' like counts, then shrunk for
 * small overlaps.
 */
export async function updateSimilarity(
  db: Db,
  options: { budgetMs: number } = { budgetMs: 20_000 },
): Promise<SimilarityRun> {
  const started = performance.now();
  const run: SimilarityRun = { posts: 0, pairs: 0, more: false };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.query(
        `/* similarityWatermarkInit */ insert into explore_watermarks (name, value)
         values ('similarity', 0) on conflict (name) do nothing`,
      );
      const [mark] = await tx.query<{ value: string }>(
        `/* similarityWatermark */ select value::text as value from explore_watermarks
         where name = 'similarity' for update`,
      );
      const [likes] = await tx.query<{ upto: string | null; posts: string[] | null; n: number }>(
        `/* similarityNewLikes */ select max(id)::text as upto, array_agg(distinct post_id)::text[] as posts,
           count(*)::int as n
         from (
           select id, post_id from likes where id > greatest($1::bigint, ${RECENT_POST_ID(SIMILARITY_DAYS)})
           order by id limit ${LIKES_PER_BATCH}
         ) l`,
        [mark?.value ?? '0'],
      );
      if (!likes?.upto || !likes.posts) return null;
      const posts = likes.posts;
      await tx.query(
        '/* clearPostNeighbours */ delete from post_similarity where post_id = any($1::bigint[])',
        [posts],
      );
      const [written] = await tx.query<{ pairs: number }>(
        `/* postNeighbours */ with dirty as (
           select id as post_id, greatest(like_count, 1)::float8 as n from posts
           where id = any($1::bigint[]) and id > ${RECENT_POST_ID(SIMILARITY_DAYS)}
             and status = 'ready' and archived_at is null
         ),
         likers as (
           select d.post_id, d.n, l.user_id from dirty d
           cross join lateral (
             select user_id from likes where post_id = d.post_id order by id desc limit ${LIKERS_PER_POST}
           ) l
         ),
         pairs as (
           select k.post_id, m.post_id as neighbor_id, count(*)::float8 as co, max(k.n) as n
           from likers k
           cross join lateral (
             select post_id from likes
             where user_id = k.user_id and id > ${RECENT_POST_ID(SIMILARITY_DAYS)}
             order by id desc limit ${LIKES_PER_LIKER}
           ) m
           where m.post_id <> k.post_id
           group by k.post_id, m.post_id
         ),
         scored as (
           select pr.post_id, pr.neighbor_id,
             (pr.co * pr.n / least(pr.n, ${LIKERS_PER_POST})) / sqrt(pr.n * greatest(q.like_count, 1))
               * pr.co / (pr.co + ${SHRINK}) as score
           from pairs pr
           join posts q on q.id = pr.neighbor_id and q.status = 'ready' and q.archived_at is null
         ),
         kept as (
           select post_id, neighbor_id, score,
             row_number() over (partition by post_id order by score desc, neighbor_id desc) as nth
           from scored
         ),
         inserted as (
           insert into post_similarity (post_id, neighbor_id, score)
           select post_id, neighbor_id, score from kept where nth <= ${NEIGHBOURS}
           returning 1
         )
         select count(*)::int as pairs from inserted`,
        [posts],
      );
      await tx.query(
        `/* advanceSimilarityWatermark */ update explore_watermarks set value = $1 where name = 'similarity'`,
        [likes.upto],
      );
      return { posts: posts.length, pairs: written?.pairs ?? 0, full: likes.n === LIKES_PER_BATCH };
    });
    if (!batch) return run;
    run.posts += batch.posts;
    run.pairs += batch.pairs;
    if (!batch.full) return run;
    if (performance.now() - started > options.budgetMs) return { ...run, more: true };
  }
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
