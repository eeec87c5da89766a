import { randomBytes } from 'node:crypto';
import { rankExplore } from '../../jobs';
import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { JobQueue } from '../../platform/queue/port';
import { type CandidateFacts, createCandidateQueries, type Scored } from './candidates';
import { diversify, type ExploreCandidate, type Source, scoreCandidates } from './mix';
import { rebuildPools, type SimilarityRun, updateSimilarity } from './precompute';
import {
  createSnapshots,
  decodeSnapshotCursor,
  SNAPSHOT_TTL_SECONDS,
  type SnapshotPage,
  snapshotPage,
} from './snapshots';

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
 *
 * The kept grid is itself the snapshot a scroll pages through (its ID is in the cursors), and its
 * first posts are kept apart (the head), so a visit reads a few hundred bytes and writes nothing but
 * the ranking guard. The job that replaces a grid keeps the old one aside for a while, for scrolls
 * still going through it.
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
  /** The snapshot ID its cursors carry. */
  id: string;
  rankedAt: number;
  ids: string[];
  /** How many posts the whole grid has (a head holds only the first). */
  size: number;
}
/** Posts kept in a grid's head: the first page of a visit at any page size the app asks. */
const HEAD_SIZE = 48;
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
  const headKey = (viewerId: string) => `explore:grid-head:${viewerId}`;
  /** A grid replaced while someone may still be scrolling it. */
  const formerKey = (viewerId: string) => `explore:${viewerId}`;
  const readGrid = async (key: string): Promise<Grid | null> => {
    const raw = await cache.get(key);
    if (!raw) return null;
    const grid = JSON.parse(raw) as Partial<Grid>;
    // A grid kept before grids had IDs is ranked again.
    if (typeof grid.id !== 'string' || !Array.isArray(grid.ids)) return null;
    return { id: grid.id, rankedAt: grid.rankedAt ?? 0, ids: grid.ids, size: grid.size ?? grid.ids.length };
  };
  const rankAndKeep = async (viewerId: string): Promise<Grid> => {
    const ids = await rank(viewerId);
    const grid: Grid = { id: randomBytes(8).toString('hex'), rankedAt: Date.now(), ids, size: ids.length };
    const head: Grid = { ...grid, ids: ids.slice(0, HEAD_SIZE) };
    // The grid being replaced may be in the middle of a scroll: it is kept aside for as long as one.
    const former = await cache.get(gridKey(viewerId));
    if (former) await cache.set(formerKey(viewerId), former, SNAPSHOT_TTL_SECONDS);
    await cache.setMany(
      [
        [gridKey(viewerId), JSON.stringify(grid)],
        [headKey(viewerId), JSON.stringify(head)],
      ],
      GRID_TTL_SECONDS,
    );
    return grid;
  };
  const guardKey = (viewerId: string) => `explore:rank-guard:${viewerId}`;
  /** Whether the next grid is due: true at most once per RANK_GUARD_SECONDS per person. */
  const rankingDue = async (viewerId: string) =>
    (await cache.incr(guardKey(viewerId), RANK_GUARD_SECONDS)) === 1;
  /** Queues the ranking of the next grid. */
  const queueNext = async (viewerId: string) => {
    // The kept grid is shown even if the next ranking cannot be queued (it is, a visit later).
    await queue.enqueue(rankExplore, { viewerId }).catch(async (error: unknown) => {
      logger.warn({ err: error, viewerId }, 'next Explore ranking not queued');
      await cache.del(guardKey(viewerId));
    });
  };
  const pageOf = (grid: Grid, offset: number, first: number): SnapshotPage =>
    snapshotPage(grid.id, grid.ids, offset, first, grid.size);
  const page = async (viewerId: string, { first, after }: { first: number; after: string | null }) => {
    if (after === null) {
      // A visit: the kept grid's head (or the whole grid for a page larger than it), or a first ranking.
      // The head and the guard are asked together (one round trip); a first visit ranks now, and
      // leaves the guard as it found it.
      const [kept, due] = await Promise.all([readGrid(headKey(viewerId)), rankingDue(viewerId)]);
      if (!kept) {
        if (due) await cache.del(guardKey(viewerId));
        return pageOf(await rankAndKeep(viewerId), 0, first);
      }
      if (due) await queueNext(viewerId);
      if (first <= kept.ids.length || kept.ids.length === kept.size) return pageOf(kept, 0, first);
      const whole = await readGrid(gridKey(viewerId));
      return pageOf(whole?.id === kept.id ? whole : await rankAndKeep(viewerId), 0, first);
    }
    const cursor = decodeSnapshotCursor(after);
    const current = await readGrid(gridKey(viewerId));
    if (current?.id === cursor.snapshot) return pageOf(current, cursor.offset, first);
    const former = await readGrid(formerKey(viewerId));
    if (former?.id === cursor.snapshot) {
      // Kept alive while it is scrolled.
      await cache.set(formerKey(viewerId), JSON.stringify(former), SNAPSHOT_TTL_SECONDS);
      return pageOf(former, cursor.offset, first);
    }
    // Its grid is gone (a scroll resumed after hours, or two grids later): a fresh one, from the same
    // place, so the list goes on rather than ends, at the price of perhaps a repeat.
    return pageOf(await rankAndKeep(viewerId), cursor.offset, first);
  };

  return {
    page,
    rankNext: async (viewerId) => (await rankAndKeep(viewerId)).size,
    similar: (viewerId, postId, args) =>
      snapshots.page(`explore:similar:${viewerId}:${postId}`, args, () => rankSimilar(viewerId, postId)),
    updateSimilarity: (options) => updateSimilarity(db, options),
    rebuildPools: () => rebuildPools(db),
  };
}
