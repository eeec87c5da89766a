import type { Db } from '../../platform/db';
import { TREND_WINDOWS, type TrendWindows, trendScore } from './trends';

/**
 * The hashtags.refresh job: recomputes, for the tags used recently, their top posts and related tags,
 * and the trending list. Only public, visible posts count, so nothing here ever holds a private
 * account's post or a tag only private posts use. Each statement is bounded per tag (its newest posts),
 * and the time windows are ranges of time-sortable post IDs.
 */
export interface RefreshOptions {
  /** Tags with a post this recent get new top and related lists. */
  activeHours?: number;
  /** The fewest public posts in the window for a tag to trend. */
  minTrendUses?: number;
}

export interface RefreshResult {
  activeTags: number;
  trending: number;
}

/** Each tag keeps this many top posts and related tags. */
export const TOP_KEEP = 30;
export const RELATED_KEEP = 10;
/** Top posts and co-occurrences are taken from a tag's newest posts, at most this many. */
const CANDIDATES = 500;
const TRENDING_KEEP = 50;
const BATCH = 200;
const DEFAULT_ACTIVE_HOURS = 7 * 24;
const DEFAULT_MIN_TREND_USES = 3;

const PUBLIC = `p.status = 'ready' and p.archived_at is null and not u.is_private and u.suspended_at is null`;
/** The smallest post ID created `$n` hours ago (41 bits of ms since the epoch, shard and sequence 0). */
const idHoursAgo = (param: string) =>
  `make_id(floor(extract(epoch from now()) * 1000)::bigint - (${param})::bigint * 3600000, 0, 0)`;

export async function refreshHashtags(
  db: Db,
  options: RefreshOptions = {},
  windows: TrendWindows = TREND_WINDOWS,
): Promise<RefreshResult> {
  const active = (
    await db.query<{ id: string }>(
      `/* recentlyUsedHashtags */ select distinct ph.hashtag_id as id from post_hashtags ph
       where ph.post_id >= ${idHoursAgo('$1::int')}`,
      [options.activeHours ?? DEFAULT_ACTIVE_HOURS],
    )
  ).map((r) => r.id);
  for (let i = 0; i < active.length; i += BATCH) {
    await refreshLists(db, active.slice(i, i + BATCH));
  }
  const trending = await refreshTrending(db, options.minTrendUses ?? DEFAULT_MIN_TREND_USES, windows);
  return { activeTags: active.length, trending };
}

async function refreshLists(db: Db, tagIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      '/* clearHashtagLists */ delete from hashtag_top_posts where hashtag_id = any($1::bigint[])',
      [tagIds],
    );
    await tx.query(
      '/* clearRelatedHashtags */ delete from hashtag_related where hashtag_id = any($1::bigint[])',
      [tagIds],
    );
    await tx.query(
      `/* refreshHashtagTopPosts */ insert into hashtag_top_posts (hashtag_id, post_id, author_id, score)
       select t.id, c.post_id, c.author_id, c.score from unnest($1::bigint[]) as t(id)
       cross join lateral (
         select s.post_id, s.author_id, s.score from (
           select p.id as post_id, p.author_id,
             (1 + greatest(p.like_count - p.flagged_like_count, 0) + 2 * p.comment_count)::float8
               / power(greatest(extract(epoch from now() - p.created_at)::float8 / 3600, 0) + 2, 1.5) as score
           from post_hashtags ph
           join posts p on p.id = ph.post_id
           join users u on u.id = p.author_id
           where ph.hashtag_id = t.id and ${PUBLIC}
           order by ph.post_id desc limit ${CANDIDATES}
         ) s
         order by s.score desc, s.post_id desc limit ${TOP_KEEP}
       ) c
       on conflict do nothing`,
      [tagIds],
    );
    // Co-occurrences on the tag's newest public posts, divided by the geometric mean of both tags'
    // sizes, so a tag that goes with everything (#love) does not top every list.
    await tx.query(
      `/* refreshRelatedHashtags */ insert into hashtag_related (hashtag_id, related_id, score)
       select self.id, r.related_id, r.score from hashtags self
       cross join lateral (
         select o.hashtag_id as related_id,
           count(*)::float8 / sqrt(greatest(self.post_count, 1)::float8 * greatest(oh.post_count, 1)) as score
         from (
           select ph.post_id from post_hashtags ph
           join posts p on p.id = ph.post_id
           join users u on u.id = p.author_id
           where ph.hashtag_id = self.id and ${PUBLIC}
           order by ph.post_id desc limit ${CANDIDATES}
         ) recent
         join post_hashtags o on o.post_id = recent.post_id and o.hashtag_id <> self.id
         join hashtags oh on oh.id = o.hashtag_id
         group by o.hashtag_id, oh.post_count
         order by score desc, related_id limit ${RELATED_KEEP}
       ) r
       where self.id = any($1::bigint[])
       on conflict do nothing`,
      [tagIds],
    );
  });
}

async function refreshTrending(db: Db, minUses: number, windows: TrendWindows): Promise<number> {
  // Tags with enough public posts in the window, then each one's baseline on its own index range.
  const counts = await db.query<{ id: string; window_uses: number; baseline_uses: number }>(
    `/* trendingCandidates */ with recent as (
       select ph.hashtag_id, count(*)::int as uses from post_hashtags ph
       join posts p on p.id = ph.post_id
       join users u on u.id = p.author_id
       where ph.post_id >= ${idHoursAgo('$1::int')} and ${PUBLIC}
       group by ph.hashtag_id having count(*) >= $3
     )
     select r.hashtag_id as id, r.uses as window_uses, b.uses as baseline_uses from recent r
     cross join lateral (
       select count(*)::int as uses from post_hashtags ph
       join posts p on p.id = ph.post_id
       join users u on u.id = p.author_id
       where ph.hashtag_id = r.hashtag_id
         and ph.post_id >= ${idHoursAgo('$1::int + $2::int')} and ph.post_id < ${idHoursAgo('$1::int')}
         and ${PUBLIC}
     ) b`,
    [windows.windowHours, windows.baselineHours, minUses],
  );
  const scored = counts
    .map((c) => ({
      ...c,
      score: trendScore({ windowUses: c.window_uses, baselineUses: c.baseline_uses }, windows),
    }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, TRENDING_KEEP);
  await db.transaction(async (tx) => {
    await tx.query('/* clearTrendingHashtags */ delete from trending_hashtags');
    if (scored.length === 0) return;
    await tx.query(
      `/* storeTrendingHashtags */ insert into trending_hashtags (hashtag_id, score, window_uses, baseline_uses, computed_at)
       select * , now() from unnest($1::bigint[], $2::float8[], $3::int[], $4::int[])
       on conflict (hashtag_id) do update set score = excluded.score, window_uses = excluded.window_uses,
         baseline_uses = excluded.baseline_uses, computed_at = excluded.computed_at`,
      [
        scored.map((s) => s.id),
        scored.map((s) => s.score),
        scored.map((s) => s.window_uses),
        scored.map((s) => s.baseline_uses),
      ],
    );
  });
  return scored.length;
}
