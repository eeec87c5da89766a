import { type Cache, CacheValueError } from './port';

/** The embedded cache: a Map with Redis-like expiry, so code behaves the same on both adapters. */

interface Entry {
  value: string;
  /** Epoch milliseconds, or null to keep until deleted. */
  expiresAt: number | null;
}

export interface MemoryCacheOptions {
  prefix?: string;
  /** How often expired entries nobody reads again are dropped. Default 60 s. */
  sweepIntervalMs?: number;
}

export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const prefix = options.prefix ?? '';
  const entries = new Map<string, Entry>();

  const expiryFor = (ttlSeconds: number | undefined) =>
    ttlSeconds !== undefined && ttlSeconds > 0 ? Date.now() + ttlSeconds * 1000 : null;

  /** Lazy expiry: an expired entry is dropped when it is next read, like Redis does. */
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(prefix + key);
    if (entry?.expiresAt != null && entry.expiresAt <= Date.now()) {
      entries.delete(prefix + key);
      return undefined;
    }
    return entry;
  };

  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of entries)
      if (entry.expiresAt != null && entry.expiresAt <= now) entries.delete(key);
  }, options.sweepIntervalMs ?? 60_000);
  // The sweep is housekeeping; it must not keep a finished process alive.
  sweeper.unref();

  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value ?? null;
    },
    async getMany(keys) {
      return keys.map((key) => live(key)?.value ?? null);
    },
    async set(key, value, ttlSeconds) {
      entries.set(prefix + key, { value, expiresAt: expiryFor(ttlSeconds) });
    },
    async setMany(pairs, ttlSeconds) {
      for (const [key, value] of pairs)
        entries.set(prefix + key, { value, expiresAt: expiryFor(ttlSeconds) });
    },
    async del(...keys) {
      for (const key of keys) entries.delete(prefix + key);
    },
    async incr(key, ttlSeconds, by = 1) {
      const step = Math.max(1, Math.floor(by));
      const entry = live(key);
      if (!entry) {
        entries.set(prefix + key, { value: String(step), expiresAt: expiryFor(ttlSeconds) });
        return step;
      }
      if (!/^-?\d+$/.test(entry.value)) throw new CacheValueError(key);
      const next = Number(entry.value) + step;
      if (!Number.isSafeInteger(next)) throw new CacheValueError(key);
      entry.value = String(next);
      return next;
    },
    async ttl(key) {
      const entry = live(key);
      if (!entry) return -2;
      if (entry.expiresAt == null) return -1;
      // Rounded to the nearest second, as Redis's TTL reports it.
      return Math.floor((entry.expiresAt - Date.now() + 500) / 1000);
    },
    async ping() {},
    async close() {
      clearInterval(sweeper);
      entries.clear();
    },
  };
}
