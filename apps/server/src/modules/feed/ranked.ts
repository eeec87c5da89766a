import { randomBytes } from 'node:crypto';
import { badInput } from '../../errors';
import { decodeCursor, encodeCursor } from '../../graphql/keyset';
import type { Cache } from '../../platform/cache/port';
import type { HashtagSuggestion } from '../hashtags/rows';
import type { Ranking } from '../ranking/service';
import type { Feed } from './service';

/**
 * The ranked "Home" feed. Page one takes the newest candidates from the viewer's timeline (the same
 * skeleton the chronological feed reads, celebrities merged), scores them with the ranking model,
 * puts what the viewer has not seen first, spreads authors out, and stores the order as a snapshot
 * in the cache; later pages read the snapshot, so scrolling never reshuffles or repeats. Past the
 * ranked candidates the feed continues chronologically with older posts. A few top posts of the
 * hashtags the viewer follows are placed among the first ones, each marked with its hashtag.
 */
export interface RankedItem {
  postId: string;
  cursor: string;
  /** Set when the post is here because the viewer follows this hashtag. */
  hashtag?: string;
}

export interface RankedFeed {
  page(
    viewerId: string,
    args: { first: number; after: string | null },
  ): Promise<{
    items: RankedItem[];
    hasNextPage: boolean;
  }>;
  /** The features a post was ranked with in the viewer's current snapshot (for impression logging). */
  loggedFeatures(
    viewerId: string,
    postIds: readonly string[],
  ): Promise<Map<string, { position: number; features: number[] }>>;
  /** Drops the viewer's snapshot (what feeds it changed, e.g. a followed hashtag): the next page ranks anew. */
  forget(viewerId: string): Promise<void>;
}

/** How many of the newest candidates are ranked; older posts follow in time order. */
export const RANKED_CANDIDATES = 200;
/**
 * A first page asked again with no new post in the timeline reuses the ranking; once it is older than
 * this, it is still served but ranked again in the background for the next visit.
 */
const REUSE_SECONDS = 30;
/** Snapshots live as long as a long scrolling session. */
const SNAPSHOT_TTL_SECONDS = 30 * 60;
const RANKED_PREFIX = 'r1:';
/** The viewer's own posts younger than this go first. */
const OWN_POST_PIN_HOURS = 1;
/** Where posts from followed hashtags go among the ranked posts (0-based), one each at most. */
const HASHTAG_SLOTS = [2, 7, 12, 17, 22] as const;

interface Snapshot {
  id: string;
  createdAt: number;
  /** The newest timeline entry when ranked: a newer one means there is something new to rank. */
  head: string | null;
  /** The oldest candidate: the chronological continuation starts below it. */
  floor: string | null;
  /** Post IDs in ranked order. Their features (only needed when a post is seen) are kept apart. */
  ids: string[];
  /** Post ID -> the followed hashtag that brought it (absent from snapshots taken before hashtags). */
  hashtags?: Record<string, string>;
}

interface RankedCursor {
  snapshot: string;
  offset: number;
  floor: string | null;
}

const encodeRanked = (c: RankedCursor) =>
  Buffer.from(`${RANKED_PREFIX}${c.snapshot}:${c.offset}:${c.floor ?? ''}`).toString('base64url');

function decodeRanked(cursor: string): RankedCursor | null {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(RANKED_PREFIX)) return null;
  const match = /^([0-9a-f]{16}):([0-9]{1,4}):([0-9]{1,19})?$/.exec(decoded.slice(RANKED_PREFIX.length));
  if (!match) throw badInput('after', 'Invalid cursor');
  return { snapshot: match[1]!, offset: Number(match[2]), floor: match[3] ?? null };
}

/**
 * Orders scored candidates: unseen before seen ("you're all caught up" comes before old posts), by
 * score within each, never the same author twice in a row when another is available.
 */
export function orderCandidates<T extends { postId: string; authorId: string; score: number; seen: boolean }>(
  scored: readonly T[],
): T[] {
  const newer = (a: T, b: T) => (BigInt(b.postId) > BigInt(a.postId) ? 1 : -1);
  const pool = [...scored].sort(
    (a, b) => Number(a.seen) - Number(b.seen) || b.score - a.score || newer(a, b),
  );
  const out: T[] = [];
  while (pool.length > 0) {
    const previous = out.at(-1)?.authorId;
    // Look a little ahead for another author, but never past the seen boundary.
    let pick = 0;
    if (pool[0]!.authorId === previous) {
      const other = pool.findIndex((c, i) => i < 10 && c.authorId !== previous && c.seen === pool[0]!.seen);
      if (other > 0) pick = other;
    }
    out.push(pool.splice(pick, 1)[0]!);
  }
  return out;
}

/** Places posts from followed hashtags at HASHTAG_SLOTS among the ranked posts (at the end when few). */
export function withHashtagPosts<T>(ranked: readonly T[], extras: readonly T[]): T[] {
  const out = [...ranked];
  extras.slice(0, HASHTAG_SLOTS.length).forEach((extra, i) => {
    out.splice(Math.min(HASHTAG_SLOTS[i]!, out.length), 0, extra);
  });
  return out;
}

export function createRankedFeed(deps: {
  feed: Feed;
  ranking: Ranking;
  cache: Cache;
  /** Top posts of the viewer's followed hashtags (already without followed authors and blocks). */
  hashtagPosts?: (viewerId: string, limit: number) => Promise<HashtagSuggestion[]>;
}): RankedFeed {
  const { feed, ranking, cache, hashtagPosts } = deps;
  const keyOf = (viewerId: string) => `feed:ranked:${viewerId}`;
  const featuresKeyOf = (viewerId: string, snapshotId: string) =>
    `feed:ranked-features:${viewerId}:${snapshotId}`;
  /** Viewers being ranked again in the background by this process. */
  const refreshing = new Set<string>();

  const load = async (viewerId: string): Promise<Snapshot | null> => {
    const raw = await cache.get(keyOf(viewerId));
    return raw ? (JSON.parse(raw) as Snapshot) : null;
  };

  const rank = async (viewerId: string, head: string | null): Promise<Snapshot> => {
    const [candidates, suggested] = await Promise.all([
      feed.candidates(viewerId, RANKED_CANDIDATES),
      hashtagPosts ? hashtagPosts(viewerId, HASHTAG_SLOTS.length * 2) : [],
    ]);
    const inTimeline = new Set(candidates);
    const fromTags = new Map(
      suggested.filter((s) => !inTimeline.has(s.postId)).map((s) => [s.postId, s.hashtag]),
    );
    // One scoring statement for both: it also tells which suggested posts the viewer has seen already.
    const all = await ranking.score(viewerId, [...candidates, ...fromTags.keys()]);
    const scored = all.filter((c) => !fromTags.has(c.postId));
    const unseenFromTags = new Map(
      all.filter((c) => fromTags.has(c.postId) && !c.seen).map((c) => [c.postId, c]),
    );
    const extras = [...fromTags.keys()].flatMap((id) => {
      const c = unseenFromTags.get(id);
      return c ? [c] : [];
    });
    // As on Instagram, what you just posted heads your own feed, whatever its score.
    const ownNew = scored.filter((c) => c.authorId === viewerId && c.ageHours < OWN_POST_PIN_HOURS);
    const ordered = withHashtagPosts(
      [
        ...ownNew.sort((a, b) => a.ageHours - b.ageHours),
        ...orderCandidates(scored.filter((c) => !ownNew.includes(c))),
      ],
      extras,
    );
    const snapshot: Snapshot = {
      id: randomBytes(8).toString('hex'),
      createdAt: Date.now(),
      head,
      floor: candidates.at(-1) ?? null,
      ids: ordered.map((c) => c.postId),
      hashtags: Object.fromEntries(extras.map((c) => [c.postId, fromTags.get(c.postId)!])),
    };
    const features = Object.fromEntries(
      ordered.map((c) => [c.postId, c.features.map((f) => Math.round(f * 1e4) / 1e4)]),
    );
    await cache.setMany(
      [
        [featuresKeyOf(viewerId, snapshot.id), JSON.stringify(features)],
        [keyOf(viewerId), JSON.stringify(snapshot)],
      ],
      SNAPSHOT_TTL_SECONDS,
    );
    return snapshot;
  };

  /** Ranks again off the request path; the page being served keeps the previous order. */
  const refreshLater = (viewerId: string, head: string | null) => {
    if (refreshing.has(viewerId)) return;
    refreshing.add(viewerId);
    setImmediate(() => {
      rank(viewerId, head)
        .catch(() => {
          // The next first page ranks synchronously if this never lands; nothing is lost.
        })
        .finally(() => refreshing.delete(viewerId));
    });
  };

  /** Older posts in time order below `floor`, with keyset cursors. */
  const chronological = async (viewerId: string, after: string | null, first: number) => {
    const ids = await feed.homePage(viewerId, { after, limit: first + 1 });
    return {
      items: ids.slice(0, first).map((postId) => ({ postId, cursor: encodeCursor(postId) })),
      hasNextPage: ids.length > first,
    };
  };

  return {
    async page(viewerId, { first, after }) {
      const ranked = after ? decodeRanked(after) : null;
      // A keyset cursor: the ranked part is behind us.
      if (after && !ranked) return chronological(viewerId, decodeCursor(after), first);

      let snapshot: Snapshot | null;
      let offset = 0;
      if (ranked) {
        snapshot = await load(viewerId);
        // The snapshot expired or was replaced (the feed was refreshed elsewhere): carry on in time order.
        if (!snapshot || snapshot.id !== ranked.snapshot) {
          return ranked.floor
            ? chronological(viewerId, ranked.floor, first)
            : { items: [], hasNextPage: false };
        }
        offset = ranked.offset;
      } else {
        const [previous, head] = await Promise.all([load(viewerId), feed.head(viewerId)]);
        if (previous !== null && previous.head === head && Array.isArray(previous.ids)) {
          // Nothing new: the same order, refreshed in the background once it is getting old.
          if (Date.now() - previous.createdAt >= REUSE_SECONDS * 1000) refreshLater(viewerId, head);
          snapshot = previous;
        } else {
          snapshot = await rank(viewerId, head);
        }
      }

      const slice = snapshot.ids.slice(offset, offset + first);
      const items: RankedItem[] = slice.map((postId, i) => {
        const item: RankedItem = {
          postId,
          cursor: encodeRanked({ snapshot: snapshot.id, offset: offset + i + 1, floor: snapshot.floor }),
        };
        const hashtag = snapshot.hashtags?.[postId];
        if (hashtag) item.hashtag = hashtag;
        return item;
      });
      if (offset + first < snapshot.ids.length) return { items, hasNextPage: true };
      if (!snapshot.floor) return { items, hasNextPage: false };
      const older = await chronological(viewerId, snapshot.floor, first - items.length);
      return { items: [...items, ...older.items], hasNextPage: older.hasNextPage };
    },

    async loggedFeatures(viewerId, postIds) {
      const found = new Map<string, { position: number; features: number[] }>();
      const snapshot = await load(viewerId);
      if (!snapshot || !Array.isArray(snapshot.ids)) return found;
      const raw = await cache.get(featuresKeyOf(viewerId, snapshot.id));
      if (!raw) return found;
      const features = JSON.parse(raw) as Record<string, number[]>;
      const wanted = new Set(postIds);
      snapshot.ids.forEach((postId, position) => {
        const f = features[postId];
        if (wanted.has(postId) && f) found.set(postId, { position, features: f });
      });
      return found;
    },

    forget: (viewerId) => cache.del(keyOf(viewerId)),
  };
}
