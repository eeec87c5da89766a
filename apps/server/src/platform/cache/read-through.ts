import type { Logger } from '../logger';
import type { InvalidationBus } from './invalidation';
import type { Cache } from './port';

/**
 * Rows hydrated through the cache: one MGET for a whole page, the misses fetched in one statement and
 * written back with a TTL. Writers invalidate the rows they change; the TTL bounds how stale a missed
 * invalidation (a counter moved by a reconciler, say) can leave a row. Concurrent misses of the same
 * row in this process share one fetch. A cache that is down degrades to the database, not to errors.
 *
 * With an invalidation bus, rows are also kept in process for a few seconds (decoded, so a hot row
 * costs neither a round trip nor a parse): an invalidation drops them here at once, in other processes
 * as soon as the bus delivers it, and a lost message is bounded by that short lifetime.
 */
export interface ReadThrough<Row> {
  many(ids: readonly string[]): Promise<Row[]>;
  invalidate(ids: readonly string[]): Promise<void>;
}

/** What services that hydrate through the cache receive from the composition root. */
export interface Hydration {
  cache: Cache;
  logger: Logger;
  /** Enables the in-process copies; without it every read goes to the shared cache. */
  invalidations?: InvalidationBus;
}

const NEAR_MAX_ENTRIES = 20_000;
// Rows kept in process are shared between requests: in tests they are frozen, so a resolver that
// modifies one fails loudly instead of corrupting other requests' pages.
const FREEZE = process.env.NODE_ENV === 'test';

export function readThrough<Row extends { id: string }>(
  options: Hydration & {
    namespace: string;
    ttlSeconds: number;
    /** Lifetime of in-process copies (with `invalidations`); 0 or absent keeps none. */
    nearTtlSeconds?: number;
    /** Columns holding timestamps, revived from JSON into Dates. */
    dates: readonly (keyof Row & string)[];
    /** Further decoding after `dates` (timestamps nested in a row's lists, say). */
    revive?: (row: Row) => Row;
    /** Whether a fetched row may be cached; rows still changing without an invalidation are served, not kept. */
    cacheable?: (row: Row) => boolean;
    fetch: (ids: string[]) => Promise<Row[]>;
  },
): ReadThrough<Row> {
  const { cache, namespace, ttlSeconds, dates, revive, cacheable, fetch, logger, invalidations } = options;
  const nearMs = invalidations ? (options.nearTtlSeconds ?? 0) * 1000 : 0;
  const keyOf = (id: string) => `${namespace}:${id}`;
  const inflight = new Map<string, Promise<Row | null>>();
  // A row invalidated while its read or fetch was in flight must not be written back stale.
  let generation = 0;
  const invalidatedAt = new Map<string, number>();
  const near = new Map<string, { row: Row; expiresAt: number }>();

  const forget = (ids: readonly string[]) => {
    generation += 1;
    if (invalidatedAt.size > 10_000) invalidatedAt.clear();
    for (const id of ids) {
      invalidatedAt.set(id, generation);
      inflight.delete(id);
      near.delete(id);
    }
  };
  if (nearMs > 0) invalidations?.subscribe(namespace, forget);

  const stale = (id: string, started: number) => (invalidatedAt.get(id) ?? -1) > started;

  const keepNear = (row: Row, started: number, now: number) => {
    if (nearMs === 0 || stale(row.id, started)) return;
    if (FREEZE) Object.freeze(row);
    near.delete(row.id);
    near.set(row.id, { row, expiresAt: now + nearMs });
    if (near.size > NEAR_MAX_ENTRIES) near.delete(near.keys().next().value!);
  };

  const decode = (json: string): Row => {
    const row = JSON.parse(json) as Record<string, unknown>;
    for (const column of dates) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(value);
    }
    return revive ? revive(row as Row) : (row as Row);
  };

  const fetchMissing = (ids: string[], started: number): Promise<Row | null>[] => {
    const batch = fetch(ids).then(async (rows) => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      const fresh = rows.filter((row) => !stale(row.id, started) && (cacheable?.(row) ?? true));
      await cache
        .setMany(
          fresh.map((row) => [keyOf(row.id), JSON.stringify(row)] as const),
          ttlSeconds,
        )
        .catch((error: unknown) => logger.warn({ err: error, namespace }, 'cache write failed'));
      const now = Date.now();
      for (const row of fresh) keepNear(row, started, now);
      return byId;
    });
    return ids.map((id) => {
      const promise = batch.then((byId) => byId.get(id) ?? null);
      inflight.set(id, promise);
      void promise.finally(() => inflight.delete(id)).catch(() => {});
      return promise;
    });
  };

  return {
    async many(ids) {
      if (ids.length === 0) return [];
      const found: Row[] = [];
      let remote = ids;
      if (nearMs > 0) {
        const now = Date.now();
        const farther: string[] = [];
        for (const id of ids) {
          const entry = near.get(id);
          if (entry && entry.expiresAt > now) found.push(entry.row);
          else farther.push(id);
        }
        if (farther.length === 0) return found;
        remote = farther;
      }
      const started = generation;
      let cached: (string | null)[];
      try {
        cached = await cache.getMany(remote.map(keyOf));
      } catch (error) {
        logger.warn({ err: error, namespace }, 'cache read failed; reading the database');
        cached = remote.map(() => null);
      }
      const waiting: Promise<Row | null>[] = [];
      const missing: string[] = [];
      const now = Date.now();
      remote.forEach((id, i) => {
        const json = cached[i];
        if (json) {
          const row = decode(json);
          keepNear(row, started, now);
          found.push(row);
        } else if (inflight.has(id)) waiting.push(inflight.get(id)!);
        else missing.push(id);
      });
      if (missing.length > 0) waiting.push(...fetchMissing(missing, started));
      for (const row of await Promise.all(waiting)) if (row) found.push(row);
      return found;
    },
    async invalidate(ids) {
      if (ids.length === 0) return;
      forget(ids);
      await cache.del(...ids.map(keyOf));
      if (nearMs > 0) {
        await invalidations
          ?.publish(namespace, ids)
          .catch((error: unknown) => logger.warn({ err: error, namespace }, 'cache invalidation not sent'));
      }
    },
  };
}
