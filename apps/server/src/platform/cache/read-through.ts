import type { Logger } from '../logger';
import type { Cache } from './port';

/**
 * Rows hydrated through the cache: one MGET for a whole page, the misses fetched in one statement and
 * written back with a TTL. Writers invalidate the rows they change; the TTL bounds how stale a missed
 * invalidation (a counter moved by a reconciler, say) can leave a row. Concurrent misses of the same
 * row in this process share one fetch. A cache that is down degrades to the database, not to errors.
 */
export interface ReadThrough<Row> {
  many(ids: readonly string[]): Promise<Row[]>;
  invalidate(ids: readonly string[]): Promise<void>;
}

export function readThrough<Row extends { id: string }>(options: {
  cache: Cache;
  namespace: string;
  ttlSeconds: number;
  /** Columns holding timestamps, revived from JSON into Dates. */
  dates: readonly (keyof Row & string)[];
  fetch: (ids: string[]) => Promise<Row[]>;
  logger: Logger;
}): ReadThrough<Row> {
  const { cache, namespace, ttlSeconds, dates, fetch, logger } = options;
  const keyOf = (id: string) => `${namespace}:${id}`;
  const inflight = new Map<string, Promise<Row | null>>();
  // A row invalidated while its fetch was in flight must not be written back stale.
  let generation = 0;
  const invalidatedAt = new Map<string, number>();

  const decode = (json: string): Row => {
    const row = JSON.parse(json) as Record<string, unknown>;
    for (const column of dates) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(value);
    }
    return row as Row;
  };

  const fetchMissing = (ids: string[]): Promise<Row | null>[] => {
    const started = generation;
    const batch = fetch(ids).then(async (rows) => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      const fresh = rows.filter((row) => (invalidatedAt.get(row.id) ?? -1) <= started);
      await cache
        .setMany(
          fresh.map((row) => [keyOf(row.id), JSON.stringify(row)] as const),
          ttlSeconds,
        )
        .catch((error: unknown) => logger.warn({ err: error, namespace }, 'cache write failed'));
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
      let cached: (string | null)[];
      try {
        cached = await cache.getMany(ids.map(keyOf));
      } catch (error) {
        logger.warn({ err: error, namespace }, 'cache read failed; reading the database');
        cached = ids.map(() => null);
      }
      const found: Row[] = [];
      const waiting: Promise<Row | null>[] = [];
      const missing: string[] = [];
      ids.forEach((id, i) => {
        const json = cached[i];
        if (json) found.push(decode(json));
        else if (inflight.has(id)) waiting.push(inflight.get(id)!);
        else missing.push(id);
      });
      if (missing.length > 0) waiting.push(...fetchMissing(missing));
      for (const row of await Promise.all(waiting)) if (row) found.push(row);
      return found;
    },
    async invalidate(ids) {
      if (ids.length === 0) return;
      generation += 1;
      if (invalidatedAt.size > 10_000) invalidatedAt.clear();
      for (const id of ids) {
        invalidatedAt.set(id, generation);
        inflight.delete(id);
      }
      await cache.del(...ids.map(keyOf));
    },
  };
}
