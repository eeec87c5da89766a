import type { Db } from '../../platform/db';

/**
 * Explore's skeleton: the candidate sources (each one statement over a precomputed table or an index)
 * and the one statement that loads the facts the ranking and the rules need for all of them at once.
 */
export interface Scored {
  id: string;
  score: number;
}

export interface CandidateFacts {
  id: string;
  author_id: string;
  age_hours: number;
  like_count: number;
  affinity: number;
  following: boolean;
  seen: boolean;
  liked: boolean;
}

/** The viewer's latest likes whose neighbours are looked up. */
const SEED_LIKES = 50;
/** Candidates kept per source. */
const PER_SOURCE = 300;
/** How far back the network and hashtag sources look for posts. */
const RECENT_DAYS = 30;

/** The smallest post ID of the last `days` days (IDs start with their creation time). */
export const RECENT_POST_ID = (days: number) =>
  `make_id((extract(epoch from now() - make_interval(days => ${Math.trunc(days)})) * 1000)::bigint, 0, 0)`;

export interface CandidateQueries {
  /** Neighbours of the viewer's recent likes in the similarity table, summed over the likes. */
  collaborative(viewerId: string): Promise<Scored[]>;
  /** Recent posts of the accounts followed by those the viewer follows, by how many of them follow it. */
  network(viewerId: string): Promise<Scored[]>;
  /** The precomputed trending and popular pools. */
  pools(): Promise<{ trending: Scored[]; popular: Scored[] }>;
  /** Recent posts under the hashtags the viewer follows, when hashtag following exists. */
  hashtags(viewerId: string): Promise<Scored[]>;
  /** Recent popular posts read live: the cold start before the pools job has first run. */
  popularLive(): Promise<Scored[]>;
  /**
   * Facts of the candidates the viewer may be shown: published, by an account that is not suspended,
   * private (unless followed), muted or in a block with the viewer. Own posts are never returned.
   */
  facts(viewerId: string, postIds: readonly string[]): Promise<CandidateFacts[]>;
  /** The tile's nearest neighbours, best first. */
  neighbours(postId: string, limit: number): Promise<Scored[]>;
  /** Recent posts sharing a hashtag with the tile, newest first. */
  sameHashtag(postId: string, limit: number): Promise<Scored[]>;
}

export function createCandidateQueries(db: Db): CandidateQueries {
  // Another module may add hashtag following; its table is looked for once per process.
  let hashtagFollows: Promise<boolean> | null = null;
  const canFollowHashtags = () => {
    hashtagFollows ??= db
      .query<{ n: number }>(
        `/* hashtagFollowsExists */ select count(*)::int as n from information_schema.columns
         where table_name = 'hashtag_follows' and column_name in ('user_id', 'hashtag_id')`,
      )
      .then(([row]) => row?.n === 2)
      .catch(() => false);
    return hashtagFollows;
  };

  return {
    collaborative: (viewerId) =>
      db.query<Scored>(
        `/* exploreCollaborative */ select s.neighbor_id::text as id, sum(s.score)::float8 as score
         from (select post_id from likes where user_id = $1 order by id desc limit ${SEED_LIKES}) seed
         join post_similarity s on s.post_id = seed.post_id
         group by s.neighbor_id order by score desc limit ${PER_SOURCE}`,
        [viewerId],
      ),

    network: (viewerId) =>
      db.query<Scored>(
        // Bounded on both hops (latest 200 follows, then 100 of each), so a big follow list costs the same.
        `/* exploreNetwork */ select p.id::text as id, n.mutuals::float8 as score from (
           select f2.followee_id as author_id, count(*)::int as mutuals
           from (select followee_id from follows where follower_id = $1 order by id desc limit 200) f1
           cross join lateral (
             select followee_id from follows where follower_id = f1.followee_id order by id desc limit 100
           ) f2
           where f2.followee_id <> $1
             and not exists (select 1 from follows f where f.follower_id = $1 and f.followee_id = f2.followee_id)
           group by f2.followee_id order by mutuals desc limit 100
         ) n
         cross join lateral (
           select id from posts where author_id = n.author_id and status = 'ready' and archived_at is null
             and id > ${RECENT_POST_ID(RECENT_DAYS)}
           order by id desc limit 3
         ) p
         order by score desc, p.id desc limit ${PER_SOURCE}`,
        [viewerId],
      ),

    async pools() {
      const rows = await db.query<Scored & { pool: 'trending' | 'popular' }>(
        `/* explorePools */ (select pool, post_id::text as id, score::float8 as score from explore_pools
           where pool = 'trending' order by score desc limit ${PER_SOURCE})
         union all
         (select pool, post_id::text as id, score::float8 as score from explore_pools
           where pool = 'popular' order by score desc limit ${PER_SOURCE})`,
      );
      return {
        trending: rows.filter((r) => r.pool === 'trending'),
        popular: rows.filter((r) => r.pool === 'popular'),
      };
    },

    async hashtags(viewerId) {
      if (!(await canFollowHashtags())) return [];
      return db.query<Scored>(
        `/* exploreFollowedHashtags */ select p.post_id::text as id, 1::float8 as score
         from hashtag_follows hf
         cross join lateral (
           select ph.post_id from post_hashtags ph where ph.hashtag_id = hf.hashtag_id
             and ph.post_id > ${RECENT_POST_ID(RECENT_DAYS)}
           order by ph.post_id desc limit 20
         ) p
         where hf.user_id = $1 limit ${PER_SOURCE}`,
        [viewerId],
      );
    },

    popularLive: () =>
      db.query<Scored>(
        `/* explorePopularLive */ select p.id::text as id,
           (greatest(p.like_count - p.flagged_like_count, 0) + 2 * p.comment_count)::float8 as score
         from (select id, like_count, flagged_like_count, comment_count, author_id from posts
               where status = 'ready' and archived_at is null and id > ${RECENT_POST_ID(RECENT_DAYS)}
               order by id desc limit 2000) p
         order by score desc, p.id desc limit ${PER_SOURCE}`,
      ),

    async facts(viewerId, postIds) {
      if (postIds.length === 0) return [];
      return db.query<CandidateFacts>(
        `/* exploreCandidateFacts */ select p.id::text as id, p.author_id::text as author_id,
           extract(epoch from now() - p.created_at)::float8 / 3600 as age_hours,
           greatest(p.like_count - p.flagged_like_count, 0) as like_count,
           (coalesce(a.likes, 0) + coalesce(a.comments, 0) + coalesce(a.visits, 0))::int as affinity,
           fl.following,
           exists (select 1 from feed_impressions i
                   where i.viewer_id = $1 and i.post_id = p.id and i.seen_at is not null) as seen,
           exists (select 1 from likes l where l.user_id = $1 and l.post_id = p.id) as liked
         from posts p
         join users u on u.id = p.author_id
         cross join lateral (
           select exists (select 1 from follows f where f.follower_id = $1 and f.followee_id = p.author_id) as following
         ) fl
         left join user_affinity a on a.user_id = $1 and a.author_id = p.author_id
         where p.id = any($2::bigint[]) and p.status = 'ready' and p.archived_at is null
           and p.author_id <> $1 and u.suspended_at is null and (not u.is_private or fl.following)
           and not exists (select 1 from blocks b where (b.blocker_id = $1 and b.blocked_id = p.author_id)
                                                  or (b.blocker_id = p.author_id and b.blocked_id = $1))
           and not exists (select 1 from mutes m where m.user_id = $1 and m.muted_id = p.author_id and m.posts)`,
        [viewerId, postIds],
      );
    },

    neighbours: (postId, limit) =>
      db.query<Scored>(
        `/* similarPostsNeighbours */ select neighbor_id::text as id, score::float8 as score from post_similarity
         where post_id = $1 order by score desc limit $2`,
        [postId, limit],
      ),

    sameHashtag: (postId, limit) =>
      db.query<Scored>(
        `/* similarPostsByHashtag */ select p.post_id::text as id, 0::float8 as score
         from post_hashtags t
         cross join lateral (
           select ph.post_id from post_hashtags ph where ph.hashtag_id = t.hashtag_id and ph.post_id <> $1
           order by ph.post_id desc limit $2
         ) p
         where t.post_id = $1
         order by p.post_id desc limit $2`,
        [postId, limit],
      ),
  };
}
