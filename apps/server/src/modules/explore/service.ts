import { rankExplore } from '../../jobs';
import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { JobQueue } from '../../platform/queue/port';
import { type CandidateFacts, createCandidateQueries, type Scored } from './candidates';
import { diversify, type ExploreCandidate, type Source, scoreCandidates } from './mix';
import { rebuildPools, type SimilarityRun, updateSimilarity } from './precompute';
import { createSnapshots, type SnapshotPage } from './snapshots';

/**
 * Explore: a grid of posts from accounts the viewer does not follow, gathered from several sources
 * (posts liked by people with the viewer's likes, the viewer's wider network, followed hashtags,
 * trending and popular posts), ranked, spread across authors, and frozen in a snapshot on the first
 * page so scrolling never repeats. Tapping a tile opens similarPosts: the tile, then its neighbours.
 *
 * Ranking reads seven statements over ~1,300 candidates: too much for the request path. So a person's
 * grid is ranked ahead and kept (GRID_TTL_SECONDS); opening Explore shows the kept grid and queues the
 * ranking of the next one, which the next visit shows. Only a first visit (or one after hours away)
 * ranks while the person waits.
 */
export interface Explore {
  page(viewerId: string, args: { first: number; after: string | null }): Promise<SnapshotPage>;
  /** The explore.rank job: ranks the viewer's next grid and keeps it. */
  rankNext(viewerId: string): Promise<number>;
  /** Posts similar to a tile the viewer can see (the caller checks that): the tile itself comes first. */
  similar(
    viewerId: string,
    postId: string,
    args: { first: number; after: string | null },
  ): Promise<SnapshotPage>;
  /** The item-to-item similarity job: the posts liked since its last run, within a time budget. */
  updateSimilarity(options?: { budgetMs: number }): Promise<SimilarityRun>;
  /** The trending and popular pools job. */
  rebuildPools(): Promise<{ trending: number; popular: number }>;
}

/** Posts kept in one Explore snapshot. */
const SNAPSHOT_SIZE = 480;
/** How long a ranked grid waits to be shown: a visit after this ranks while the person waits. */
const GRID_TTL_SECONDS = 6 * 60 * 60;
/**
 * At most one ranking queued per person in this time, however often Explore is opened: a grid then
 * changes between visits some minutes apart, and a person browsing all day costs a dozen rankings an
 * hour, not one per visit.
 */
const RANK_GUARD_SECONDS = 5 * 60;

interface Grid {
  rankedAt: number;
  ids: string[];
}
const SIMILAR_NEIGHBOURS = 100;
const SIMILAR_BY_HASHTAG = 50;

/** Merges the sources' lists into one candidate per post with each source's strength. */
function gather(lists: Partial<Record<Source, Scored[]>>): Map<string, Partial<Record<Source, number>>> {
  const merged = new Map<string, Partial<Record<Source, number>>>();
  for (const [source, rows] of Object.entries(lists) as [Source, Scored[]][]) {
    for (const row of rows) {
      const sources = merged.get(row.id) ?? {};
      // A zero-strength entry still counts as proposed; the smallest positive keeps it above nothing.
      sources[source] = Math.max(sources[source] ?? 0, row.score, 1e-6);
      merged.set(row.id, sources);
    }
  }
  return merged;
}

export function createExplore(deps: { db: Db; cache: Cache; queue: JobQueue; logger: Logger }): Explore {
  const { db, cache, queue, logger } = deps;
  const queries = createCandidateQueries(db);
  const snapshots = createSnapshots(cache);

  const rank = async (viewerId: string): Promise<string[]> => {
    const [collaborative, network, hashtag, pools] = await Promise.all([
      queries.collaborative(viewerId),
      queries.network(viewerId),
      queries.hashtags(viewerId),
      queries.pools(),
    ]);
    // Before the pools job has run once (a fresh install), popular posts are read live.
    const popular =
      pools.trending.length + pools.popular.length === 0 ? await queries.popularLive() : pools.popular;
    const proposed = gather({ collaborative, network, hashtag, trending: pools.trending, popular });
    const facts = await queries.facts(viewerId, [...proposed.keys()]);
    const candidates: ExploreCandidate[] = facts
      // Explore is for accounts the viewer does not follow, and for posts not already liked.
      .filter((f: CandidateFacts) => !f.following && !f.liked)
      .map((f) => ({
        postId: f.id,
        authorId: f.author_id,
        sources: proposed.get(f.id) ?? {},
        likeCount: f.like_count,
        ageHours: f.age_hours,
        affinity: f.affinity,
        seen: f.seen,
      }));
    return diversify(scoreCandidates(candidates))
      .slice(0, SNAPSHOT_SIZE)
      .map((c) => c.postId);
  };

  const rankSimilar = async (viewerId: string, postId: string): Promise<string[]> => {
    const [neighbours, tagged] = await Promise.all([
      queries.neighbours(postId, SIMILAR_NEIGHBOURS),
      queries.sameHashtag(postId, SIMILAR_BY_HASHTAG),
    ]);
    const ordered = [...new Set([...neighbours, ...tagged].map((r) => r.id))].filter((id) => id !== postId);
    const facts = new Map((await queries.facts(viewerId, ordered)).map((f) => [f.id, f]));
    // Neighbours by similarity, then same-hashtag posts newest first, spread across authors.
    const kept = ordered
      .filter((id) => facts.has(id))
      .map((id, i) => ({ postId: id, authorId: facts.get(id)!.author_id, score: -i }));
    return [postId, ...diversify(kept, { perAuthor: Number.POSITIVE_INFINITY }).map((c) => c.postId)];
  };

  const gridKey = (viewerId: string) => `explore:grid:${viewerId}`;
  const rankAndKeep = async (viewerId: string) => {
    const ids = await rank(viewerId);
    const grid: Grid = { rankedAt: Date.now(), ids };
    await cache.set(gridKey(viewerId), JSON.stringify(grid), GRID_TTL_SECONDS);
    return ids;
  };
  /** The grid to show now: the kept one (and the next one queued), or one ranked on the spot. */
  const gridFor = async (viewerId: string): Promise<string[]> => {
    const raw = await cache.get(gridKey(viewerId));
    if (!raw) return rankAndKeep(viewerId);
    if ((await cache.incr(`explore:rank-guard:${viewerId}`, RANK_GUARD_SECONDS)) === 1) {
      // The kept grid is shown even if the next ranking cannot be queued (it is, a visit later).
      await queue.enqueue(rankExplore, { viewerId }).catch(async (error: unknown) => {
        logger.warn({ err: error, viewerId }, 'next Explore ranking not queued');
        await cache.del(`explore:rank-guard:${viewerId}`);
      });
    }
    return (JSON.parse(raw) as Grid).ids;
  };

  return {
    page: (viewerId, args) => snapshots.page(`explore:${viewerId}`, args, () => gridFor(viewerId)),
    rankNext: async (viewerId) => (await rankAndKeep(viewerId)).length,
    similar: (viewerId, postId, args) =>
      snapshots.page(`explore:similar:${viewerId}:${postId}`, args, () => rankSimilar(viewerId, postId)),
    updateSimilarity: (options) => updateSimilarity(db, options),
    rebuildPools: () => rebuildPools(db),
  };
}
