/** The cache port: in memory by default, Redis when REDIS_URL is set. Keys are namespaced by the adapter's prefix. */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** Sets a value; `ttlSeconds` of 0 or absent keeps it until deleted. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Sets several values with one TTL, in one round trip. */
  setMany(entries: readonly (readonly [string, string])[], ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Increments an integer counter (by `by`, default 1), creating it with the TTL when absent; returns the new value. */
  incr(key: string, ttlSeconds: number, by?: number): Promise<number>;
  /** Remaining time to live in seconds, or -1 when none, or -2 when absent. */
  ttl(key: string): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `incr` on a value that is not an integer counter. */
export class CacheValueError extends Error {
  constructor(readonly key: string) {
    super(`value at ${key} is not an integer`);
    this.name = 'CacheValueError';
  }
}
