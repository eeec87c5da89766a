import { randomBytes } from 'node:crypto';
import { badInput } from '../../errors';
import type { Cache } from '../../platform/cache/port';

/**
 * A ranked list frozen when its first page is asked for, kept in the cache, and paged by position: a
 * later page reads the same order, so scrolling never repeats or skips a post even when the
 * precomputed tables change underneath.
 */
export interface SnapshotPage {
  items: { postId: string; cursor: string }[];
  hasNextPage: boolean;
}

/** Snapshots live as long as a long scrolling session. */
export const SNAPSHOT_TTL_SECONDS = 30 * 60;
const PREFIX = 'x1:';

interface Snapshot {
  id: string;
  ids: string[];
}

export interface SnapshotCursor {
  snapshot: string;
  offset: number;
}

export const encodeSnapshotCursor = (c: SnapshotCursor) =>
  Buffer.from(`${PREFIX}${c.snapshot}:${c.offset}`).toString('base64url');

export function decodeSnapshotCursor(cursor: string): SnapshotCursor {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^x1:([0-9a-f]{16}):([0-9]{1,4})$/.exec(decoded);
  if (!match) throw badInput('after', 'Invalid cursor');
  return { snapshot: match[1]!, offset: Number(match[2]) };
}

/**
 * A page of a frozen order from a position: its posts with their cursors, and whether more follow
 * (`total`: the whole order's length, when `ids` holds only its start).
 */
export function snapshotPage(
  snapshot: string,
  ids: readonly string[],
  offset: number,
  first: number,
  total = ids.length,
): SnapshotPage {
  return {
    items: ids.slice(offset, offset + first).map((postId, i) => ({
      postId,
      cursor: encodeSnapshotCursor({ snapshot, offset: offset + i + 1 }),
    })),
    hasNextPage: offset + first < total,
  };
}

export interface Snapshots {
  /**
   * The first page (no cursor) ranks with `rank` and stores the order under `key`; a cursor reads the
   * stored order, and each page read keeps the snapshot alive for another SNAPSHOT_TTL_SECONDS. A cursor
   * whose snapshot expired (a scroll resumed after a long pause) or was replaced (the first page asked
   * again in another tab) ranks afresh and carries on from the same position: the list goes on rather
   * than ending, at the price of perhaps a repeat.
   */
  page(
    key: string,
    args: { first: number; after: string | null },
    rank: () => Promise<string[]>,
  ): Promise<SnapshotPage>;
}

export function createSnapshots(cache: Cache): Snapshots {
  return {
    async page(key, { first, after }, rank) {
      const cursor = after ? decodeSnapshotCursor(after) : null;
      const raw = cursor ? await cache.get(key) : null;
      const stored = raw ? (JSON.parse(raw) as Snapshot) : null;
      const current = stored && cursor && stored.id === cursor.snapshot ? stored : null;
      const snapshot = current ?? { id: randomBytes(8).toString('hex'), ids: await rank() };
      const offset = cursor?.offset ?? 0;
      // Written on every page: a new snapshot is stored, a read one lives on while someone scrolls it.
      await cache.set(key, JSON.stringify(snapshot), SNAPSHOT_TTL_SECONDS);
      return snapshotPage(snapshot.id, snapshot.ids, offset, first);
    },
  };
}
