import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { type Cache, CacheValueError } from './port';

/** The cache on Redis. Every key carries the prefix (ioredis's keyPrefix), so several apps can share a server. */

// INCR and EXPIRE in one step, so a crash between them cannot leave a rate-limit counter that never expires.
// The TTL is set only when INCR created the key: later increments must not push the window out.
const INCR_WITH_TTL = `
local value = redis.call('INCRBY', KEYS[1], ARGV[2])
if value == tonumber(ARGV[2]) and tonumber(ARGV[1]) > 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return value
`;

export interface RedisCacheOptions {
  url: string;
  prefix: string;
  logger: Logger;
}

interface CacheRedis extends Redis {
  incrWithTtl(key: string, ttlSeconds: string, by: string): Promise<unknown>;
}

export function createRedisCache(options: RedisCacheOptions): Cache {
  // Commands issued in the same tick (a request's session, rate limits and rows) leave in one write.
  const redis = new Redis(options.url, {
    keyPrefix: options.prefix,
    enableAutoPipelining: true,
  }) as CacheRedis;
  // Sent by its SHA (EVALSHA) once Redis knows the script, not as its text on every increment.
  redis.defineCommand('incrWithTtl', { numberOfKeys: 1, lua: INCR_WITH_TTL });
  // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
  redis.on('error', (err: Error) => options.logger.error({ err }, 'Redis cache connection error'));

  return {
    kind: 'redis',
    get: (key) => redis.get(key),
    async getMany(keys) {
      if (keys.length === 0) return [];
      return redis.mget(...keys);
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds !== undefined && ttlSeconds > 0) await redis.set(key, value, 'EX', ttlSeconds);
      else await redis.set(key, value);
    },
    async setMany(entries, ttlSeconds) {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      for (const [key, value] of entries) pipeline.set(key, value, 'EX', Math.max(1, Math.floor(ttlSeconds)));
      for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    },
    async del(...keys) {
      if (keys.length > 0) await redis.del(...keys);
    },
    async incr(key, ttlSeconds, by = 1) {
      try {
        const value = await redis.incrWithTtl(
          key,
          String(Math.max(0, Math.floor(ttlSeconds))),
          String(Math.max(1, Math.floor(by))),
        );
        if (typeof value !== 'number') throw new Error(`unexpected INCR reply ${String(value)}`);
        return value;
      } catch (err) {
        if (err instanceof Error && /not an integer/.test(err.message)) throw new CacheValueError(key);
        throw err;
      }
    },
    ttl: (key) => redis.ttl(key),
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
}
