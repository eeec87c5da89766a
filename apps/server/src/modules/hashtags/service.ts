import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';
import { type RefreshOptions, type RefreshResult, refreshHashtags } from './refresh';
import type { HashtagRow, HashtagSuggestion } from './rows';

/**
 * Hashtag pages, followed hashtags and trends. Reads are short index ranges over the lists the
 * hashtags.refresh job precomputes (top posts, related tags, trending); the policy step on the posts
 * themselves is the resolvers' (presentPosts), as for every feed-like read.
 */
export interface Hashtags {
  /** The tag, with its public post count, when the viewer may see at least one post that uses it. */
  find(viewerId: string | null, name: string): Promise<HashtagRow | null>;
  /** Public visible posts per tag (counted up to a cap; past it the stored total stands in). */
  publicCounts(names: readonly string[]): Promise<Map<string, number>>;
  /** Each tag's precomputed top posts, best first. */
  topPostIds(names: readonly string[], limit: number): Promise<Map<string, string[]>>;
  /** A tag's newest posts the viewer may see, keyset on post ID. */
  recentPostIds(viewerId: string | null, name: string, page: KeysetPage): Promise<string[]>;
  /** Each tag's related tags, best first. */
  relatedNames(names: readonly string[], limit: number): Promise<Map<string, string[]>>;
  followedAmong(viewerId: string, names: readonly string[]): Promise<Set<string>>;
  /** Tag names the viewer follows, most recently followed first. */
  followed(viewerId: string, limit: number): Promise<string[]>;
  follow(viewerId: string, hashtagId: string): Promise<void>;
  unfollow(viewerId: string, name: string): Promise<void>;
  trending(limit: number): Promise<string[]>;
  /**
   * Top posts of the viewer's followed hashtags for the home feed: not the viewer's own, not from accounts
   * the viewer follows (they are in the feed already), not across a block; best first, one per author.
   */
  feedSuggestions(viewerId: string, limit: number): Promise<HashtagSuggestion[]>;
  /** The scheduled job's work. */
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
}

/** Public posts counted per tag; beyond this the stored total stands in (as search does). */
const PUBLIC_COUNT_CAP = 1000;
/** Followed hashtags whose top posts the home feed draws from, and posts taken from each. */
const FEED_TAGS = 50;
const FEED_POSTS_PER_TAG = 10;

const PUBLIC = `p.status = 'ready' and p.archived_at is null and not u.is_private and u.suspended_at is null`;

/**
 * The posts table rows (p, author u) a viewer (`param`, null when logged out) may see on a hashtag page:
 * the policy's rule in SQL, so a page is not filled with rows the policy step then drops. Archived posts
 * stay off hashtag pages, their author's included.
 */
const visibleTo = (param: string) => `p.status = 'ready' and p.archived_at is null and u.suspended_at is null
  and (p.author_id = ${param} or (
    (not u.is_private or exists (select 1 from follows f where f.follower_id = ${param} and f.followee_id = p.author_id))
    and not exists (select 1 from blocks b where (b.blocker_id = ${param} and b.blocked_id = p.author_id)
                                           or (b.blocker_id = p.author_id and b.blocked_id = ${param}))))`;

const publicCount = (tag: string) =>
  `case when c.n >= ${PUBLIC_COUNT_CAP} then ${tag}.post_count else c.n end`;
const PUBLIC_COUNT_LATERAL = (tag: string) => `cross join lateral (
    select count(*)::int as n from (
      select 1 from post_hashtags ph join posts p on p.id = ph.post_id join users u on u.id = p.author_id
      where ph.hashtag_id = ${tag}.id and ${PUBLIC} limit ${PUBLIC_COUNT_CAP}
    ) visible
  ) c`;

function grouped(rows: { name: string; value: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.name);
    if (list) list.push(row.value);
    else map.set(row.name, [row.value]);
  }
  return map;
}

export function createHashtags(db: Db): Hashtags {
  return {
    async find(viewerId, name) {
      const [row] = await db.query<HashtagRow>(
        `/* hashtagByName */ select h.id, h.name, ${publicCount('h')} as post_count
         from hashtags h ${PUBLIC_COUNT_LATERAL('h')}
         where h.name = $1 and exists (
           select 1 from post_hashtags ph join posts p on p.id = ph.post_id join users u on u.id = p.author_id
           where ph.hashtag_id = h.id and ${visibleTo('$2::bigint')}
         )`,
        [name, viewerId],
      );
      return row ?? null;
    },

    async publicCounts(names) {
      const rows = await db.query<{ name: string; post_count: number }>(
        `/* hashtagPublicCounts */ select h.name, ${publicCount('h')} as post_count
         from hashtags h ${PUBLIC_COUNT_LATERAL('h')}
         where h.name = any($1::text[])`,
        [names],
      );
      return new Map(rows.map((r) => [r.name, r.post_count]));
    },

    async topPostIds(names, limit) {
      const rows = await db.query<{ name: string; value: string }>(
        `/* hashtagTopPosts */ select h.name, t.post_id as value from hashtags h
         cross join lateral (
           select post_id, score from hashtag_top_posts t where t.hashtag_id = h.id
           order by score desc, post_id desc limit $2
         ) t
         where h.name = any($1::text[])
         order by h.name, t.score desc, t.post_id desc`,
        [names, limit],
      );
      return grouped(rows);
    },

    async recentPostIds(viewerId, name, page) {
      const rows = await db.query<{ id: string }>(
        `/* hashtagRecentPosts */ select ph.post_id as id from hashtags h
         join post_hashtags ph on ph.hashtag_id = h.id
         join posts p on p.id = ph.post_id
         join users u on u.id = p.author_id
         where h.name = $1 and ($3::bigint is null or ph.post_id < $3) and ${visibleTo('$2::bigint')}
         order by ph.post_id desc limit $4`,
        [name, viewerId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },

    async relatedNames(names, limit) {
      const rows = await db.query<{ name: string; value: string }>(
        `/* relatedHashtags */ select h.name, r.name as value from hashtags h
         cross join lateral (
           select hr.related_id, hr.score from hashtag_related hr where hr.hashtag_id = h.id
           order by hr.score desc, hr.related_id limit $2
         ) hr
         join hashtags r on r.id = hr.related_id
         where h.name = any($1::text[])
         order by h.name, hr.score desc, hr.related_id`,
        [names, limit],
      );
      return grouped(rows);
    },

    async followedAmong(viewerId, names) {
      const rows = await db.query<{ name: string }>(
        `/* viewerFollowsHashtags */ select h.name from hashtags h
         join hashtag_follows f on f.hashtag_id = h.id and f.user_id = $1
         where h.name = any($2::text[])`,
        [viewerId, names],
      );
      return new Set(rows.map((r) => r.name));
    },

    async followed(viewerId, limit) {
      const rows = await db.query<{ name: string }>(
        `/* followedHashtags */ select h.name from hashtag_follows f join hashtags h on h.id = f.hashtag_id
         where f.user_id = $1 order by f.id desc limit $2`,
        [viewerId, limit],
      );
      return rows.map((r) => r.name);
    },

    async follow(viewerId, hashtagId) {
      await db.query(
        `/* followHashtag */ insert into hashtag_follows (id, user_id, hashtag_id)
         values (next_id(shard_of($1)), $1, $2) on conflict do nothing`,
        [viewerId, hashtagId],
      );
    },

    async unfollow(viewerId, name) {
      await db.query(
        `/* unfollowHashtag */ delete from hashtag_follows f using hashtags h
         where f.user_id = $1 and f.hashtag_id = h.id and h.name = $2`,
        [viewerId, name],
      );
    },

    async trending(limit) {
      const rows = await db.query<{ name: string }>(
        `/* trendingHashtags */ select h.name from trending_hashtags t join hashtags h on h.id = t.hashtag_id
         order by t.score desc, t.hashtag_id limit $1`,
        [limit],
      );
      return rows.map((r) => r.name);
    },

    async feedSuggestions(viewerId, limit) {
      const rows = await db.query<{ post_id: string; author_id: string; name: string }>(
        `/* followedHashtagPosts */ select s.post_id, s.author_id, s.name from (
           select distinct on (t.post_id) t.post_id, t.author_id, t.score, h.name
           from (select hashtag_id from hashtag_follows where user_id = $1 order by id desc limit ${FEED_TAGS}) f
           join hashtags h on h.id = f.hashtag_id
           cross join lateral (
             select post_id, author_id, score from hashtag_top_posts t where t.hashtag_id = f.hashtag_id
             order by score desc, post_id desc limit ${FEED_POSTS_PER_TAG}
           ) t
           where t.author_id <> $1
             and not exists (select 1 from follows fo where fo.follower_id = $1 and fo.followee_id = t.author_id)
             and not exists (select 1 from blocks b where (b.blocker_id = $1 and b.blocked_id = t.author_id)
                                                    or (b.blocker_id = t.author_id and b.blocked_id = $1))
           order by t.post_id, t.score desc
         ) s
         order by s.score desc, s.post_id desc limit $2`,
        [viewerId, limit * 4],
      );
      const authors = new Set<string>();
      const picked: HashtagSuggestion[] = [];
      for (const row of rows) {
        if (authors.has(row.author_id)) continue;
        authors.add(row.author_id);
        picked.push({ postId: row.post_id, authorId: row.author_id, hashtag: row.name });
        if (picked.length >= limit) break;
      }
      return picked;
    },

    refresh: (options) => refreshHashtags(db, options),
  };
}
