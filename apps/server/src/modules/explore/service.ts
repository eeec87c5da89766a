import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import { type CandidateFacts, createCandidateQueries, type Scored } from './candidates';
import { diversify, type ExploreCandidate, type Source, scoreCandidates } from './mix';
import { rebuildPools, type SimilarityRun, updateSimilarity } from './precompute';
import { createSnapshots, type SnapshotPage } from './snapshots';

/**
 * Explore: a grid of posts from accounts the viewer does not follow, gathered from several sources
 * (posts liked by people with the viewer's likes, the viewer's wider network, followed hashtags,
 * trending and popular posts), ranked, spread across authors, and frozen in a snapshot on the first
 * page so scrolling never repeats. Tapping a tile opens similarPosts: the tile, then its neighbours.
 */
export interface Explore {
  page(viewerId: string, args: { first: number; after: string | null }): Promise<SnapshotPage>;
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

export function createExplore(deps: { db: Db; cache: Cache }): Explore {
  const { db, cache } = deps;
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

  return {
    page: (viewerId, args) => snapshots.page(`explore:${viewerId}`, args, () => rank(viewerId)),
    similar: (viewerId, postId, args) =>
      snapshots.page(`explore:similar:${viewerId}:${postId}`, args, () => rankSimilar(viewerId, postId)),
    updateSimilarity: (options) => updateSimilarity(db, options),
    rebuildPools: () => rebuildPools(db),
  };
}
