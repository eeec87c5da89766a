/**
 * A viewer's circle for the typeahead: the accounts they follow and a sample of the accounts those
 * follow, with the names to match a prefix against, kept in process for minutes. Typing
 * asks for it at every keystroke; building it is one statement, paid once per viewer per lifetime.
 */
import { LRUCache } from 'lru-cache';
import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Db } from '../../platform/db';
import { byKey, compareIds, firstKeyAtLeast, wordsOf } from './name-index';

/** How the viewer is tied to an account: they follow it (2), or someone they follow does (1). */
export type Tie = 1 | 2;

export interface CircleMember {
  id: string;
  username: string;
  /** The display name, lowercased as the search compares it. */
  name: string;
  followers: number;
  tie: Tie;
  /** The name's words, split once when indexed. */
  words?: readonly string[];
}

export interface Circle {
  /**
   * Members whose username, name or a word of it starts with `prefix` (each once), by binary search:
   * every one whose username or name is `prefix`, and of the others the `limit` closest (followed
   * first, then the most followed, then the newest): a short prefix in a circle of thousands ranks a
   * page's worth, not hundreds.
   */
  startingWith(prefix: string, limit?: number): CircleMember[];
  tieOf(id: string): Tie | 0;
}

export interface Circles {
  of(viewerId: string): Promise<Circle>;
  /** Forgets these viewers' circles here at once and in other processes as the bus delivers it. */
  drop(viewerIds: readonly string[]): void;
}

/** Followed accounts kept per viewer (newest follows first). */
const FOLLOWED = 5000;
/**
 * The second hop is sampled (the latest follows of the latest followed), bounded for a big follow
 * list, and only its most shared accounts are kept.
 */
const HOP_FOLLOWED = 100;
const HOP_EACH = 50;
const NETWORK = 500;
/** Their own follows drop a circle at once; the second hop may lag this much. */
const TTL_MS = 10 * 60_000;
/**
 * Bounds the memory of all circles together, counted in members (~250 bytes each with the index):
 * ~100 MB at most, some 600 people typing with a typical circle (~100 followed and 500 more).
 */
const MAX_MEMBERS = 400_000;
const NAMESPACE = 'search.circle';

export const EMPTY_CIRCLE: Circle = { startingWith: () => [], tieOf: () => 0 };

/** A circle indexed for prefix look-ups: its usernames and names sorted, each pointing at its member. */
export function indexCircle(members: readonly CircleMember[]): Circle {
  // Each member's place in the order a page of suggestions would put them (all else equal).
  const order = [...members].sort(
    (a, b) => b.tie - a.tie || b.followers - a.followers || compareIds(b.id, a.id),
  );
  const rankOf = new Map(order.map((member, rank) => [member, rank]));
  const keys: { key: string; member: CircleMember; rank: number }[] = [];
  for (const member of members) {
    member.words = wordsOf(member.name);
    for (const key of new Set([member.username, member.name, ...member.words])) {
      if (key !== '') keys.push({ key, member, rank: rankOf.get(member)! });
    }
  }
  keys.sort(byKey);
  const ties = new Map<string, Tie>(members.map((m) => [m.id, m.tie]));
  return {
    startingWith(prefix, limit = Number.POSITIVE_INFINITY) {
      const exact = new Set<CircleMember>();
      // The best `limit` so far, best first (a page is a few dozen: insertion into a short list).
      const best: { member: CircleMember; rank: number }[] = [];
      const kept = new Set<CircleMember>();
      for (let i = firstKeyAtLeast(keys, prefix); i < keys.length && keys[i]!.key.startsWith(prefix); i++) {
        const entry = keys[i]!;
        const { member } = entry;
        if (member.username === prefix || member.name === prefix) exact.add(member);
        if (kept.has(member)) continue;
        if (best.length >= limit) {
          if (entry.rank > best[best.length - 1]!.rank) continue;
          kept.delete(best.pop()!.member);
        }
        let at = best.length;
        while (at > 0 && best[at - 1]!.rank > entry.rank) at--;
        best.splice(at, 0, entry);
        kept.add(member);
      }
      for (const entry of best) exact.add(entry.member);
      return [...exact];
    },
    tieOf: (id) => ties.get(id) ?? 0,
  };
}

export function createCircles(deps: { db: Db; invalidations?: InvalidationBus }): Circles {
  const { db, invalidations } = deps;
  const sizes = new WeakMap<Circle, number>();
  const cache = new LRUCache<string, Circle>({
    maxSize: MAX_MEMBERS,
    // An empty circle still takes a slot.
    sizeCalculation: (circle) => Math.max(1, sizes.get(circle) ?? 1),
    ttl: TTL_MS,
    fetchMethod: async (viewerId) => build(viewerId),
    // A drop while a circle is being built cancels that build (it may predate the change): the waiting
    // request then builds again rather than failing.
    allowStaleOnFetchAbort: true,
  });

  async function build(viewerId: string): Promise<Circle> {
    const rows = await db.query<CircleMember>(
      `/* typeaheadCircle */ with followed as (
         select followee_id as id from follows where follower_id = $1 order by id desc limit ${FOLLOWED}
       ), network as (
         select f2.followee_id as id from (
           select followee_id from follows where follower_id = $1 order by id desc limit ${HOP_FOLLOWED}
         ) f1
         cross join lateral (
           select followee_id from follows where follower_id = f1.followee_id order by id desc limit ${HOP_EACH}
         ) f2
         where f2.followee_id <> $1 and f2.followee_id not in (select id from followed)
         group by f2.followee_id order by count(*) desc limit ${NETWORK}
       )
       select u.id::text as id, u.username, lower(u.display_name) as name, u.follower_count as followers,
         t.tie
       from (select id, 2 as tie from followed union all select id, 1 from network) t
       join users u on u.id = t.id
       where u.suspended_at is null`,
      [viewerId],
    );
    if (rows.length === 0) return EMPTY_CIRCLE;
    const circle = indexCircle(rows);
    sizes.set(circle, rows.length);
    return circle;
  }

  const forget = (ids: readonly string[]) => {
    for (const id of ids) cache.delete(id);
  };
  invalidations?.subscribe(NAMESPACE, forget);

  return {
    async of(viewerId) {
      return (await cache.fetch(viewerId)) ?? (await cache.fetch(viewerId)) ?? EMPTY_CIRCLE;
    },
    drop(viewerIds) {
      if (viewerIds.length === 0) return;
      forget(viewerIds);
      void invalidations?.publish(NAMESPACE, viewerIds).catch(() => {
        // Best effort: other processes' copies expire within TTL_MS anyway.
      });
    },
  };
}
