import { Redis } from 'ioredis';
import { SERVICES } from './services';

/** Direct Redis access for set-up and inspection, without the server's key prefix. */
export async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(SERVICES.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Every key matching a glob pattern (SCAN, never KEYS), up to a limit. */
export async function scanKeys(redis: Redis, pattern: string, limit = 10_000): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0' && keys.length < limit);
  return keys.slice(0, limit);
}

/**
 * Forgets the rate-limit windows of an installation the benchmark owns: a run logs in and uploads
 * more often than a person would, and back-to-back runs must not be refused as RATE_LIMITED.
 */
export async function clearRateLimits(cachePrefix: string): Promise<number> {
  return withRedis(async (redis) => {
    const keys = await scanKeys(redis, `${cachePrefix}rl:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  });
}

/** Empties an installation's namespace: after a reseed, cached rows and timelines are stale. */
export async function clearNamespace(cachePrefix: string): Promise<number> {
  return withRedis(async (redis) => {
    let removed = 0;
    for (;;) {
      const keys = await scanKeys(redis, `${cachePrefix}*`, 10_000);
      if (keys.length === 0) return removed;
      for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
      removed += keys.length;
    }
  });
}
