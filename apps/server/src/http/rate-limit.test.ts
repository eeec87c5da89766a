import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../platform/cache/memory';
import type { Cache } from '../platform/cache/port';
import { createRateLimiter, LIMITS, type RateLimit, type RateLimitName } from './rate-limit';

const limits = (search: RateLimit): Record<RateLimitName, RateLimit> => ({ ...LIMITS, search });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache that counts the increments sent to it: what the shared counter costs in round trips. */
function countingCache(): { cache: Cache; increments: () => number } {
  const inner = createMemoryCache();
  let sent = 0;
  return {
    cache: {
      ...inner,
      incr: (key, ttl, by) => {
        sent += 1;
        return inner.incr(key, ttl, by);
      },
    },
    increments: () => sent,
  };
}

/** How many of `attempts` calls are let through. */
async function admitted(limit: (name: RateLimitName, subject: string) => Promise<void>, attempts: number) {
  let passed = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      await limit('search', 'u:1');
      passed += 1;
    } catch (error) {
      expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    }
  }
  return passed;
}

describe('rate limiter', () => {
  it('enforces a limit exactly in one process, though it counts far below it without a round trip', async () => {
    const { cache, increments } = countingCache();
    const limit = createRateLimiter(cache, limits({ limit: 100, windowSeconds: 60 }), { flushMs: 5 });
    // The first count of a key asks the shared counter; the next ones, far below the limit, are held.
    expect(await admitted(limit, 10)).toBe(10);
    expect(increments()).toBeLessThanOrEqual(2);
    await sleep(20);
    const window = Math.floor(Date.now() / 1000 / 60);
    expect(await cache.get(`rl:search:u:1:${window}`)).toBe('10');
    // Near the limit every count is sent at once, and the 101st is refused.
    expect(await admitted(limit, 95)).toBe(90);
    await sleep(20);
    expect(Number(await cache.get(`rl:search:u:1:${window}`))).toBe(105);
  });

  it('counts small limits at the shared counter every time', async () => {
    const { cache, increments } = countingCache();
    const limit = createRateLimiter(cache, limits({ limit: 5, windowSeconds: 60 }), { flushMs: 5 });
    expect(await admitted(limit, 8)).toBe(5);
    expect(increments()).toBe(8);
  });

  it('lets several processes through beyond a limit by at most what each holds back in one flush', async () => {
    const cache = createMemoryCache();
    const processes = [0, 1, 2].map(() =>
      createRateLimiter(cache, limits({ limit: 200, windowSeconds: 60 }), { flushMs: 5 }),
    );
    let passed = 0;
    for (let round = 0; round < 100; round++) {
      for (const limit of processes) passed += await admitted(limit, 1);
      if (round % 10 === 9) await sleep(10);
    }
    expect(passed).toBeGreaterThanOrEqual(200);
    // A tenth of the limit per process.
    expect(passed).toBeLessThanOrEqual(200 + 3 * 20);
  });

  it('a fresh process asks the shared counter before counting in process', async () => {
    const cache = createMemoryCache();
    const first = createRateLimiter(cache, limits({ limit: 100, windowSeconds: 60 }), { flushMs: 5 });
    expect(await admitted(first, 100)).toBe(100);
    await sleep(20);
    const second = createRateLimiter(cache, limits({ limit: 100, windowSeconds: 60 }), { flushMs: 5 });
    expect(await admitted(second, 1)).toBe(0);
  });

  it('reports a batch the shared counter refused and goes on', async () => {
    const inner = createMemoryCache();
    let failing = false;
    const cache: Cache = {
      ...inner,
      incr: (key, ttl, by) => (failing ? Promise.reject(new Error('down')) : inner.incr(key, ttl, by)),
    };
    const errors: unknown[] = [];
    const limit = createRateLimiter(cache, limits({ limit: 100, windowSeconds: 60 }), {
      flushMs: 5,
      onFlushError: (error) => errors.push(error),
    });
    expect(await admitted(limit, 3)).toBe(3);
    failing = true;
    await sleep(20);
    expect(errors).toHaveLength(1);
    failing = false;
    expect(await admitted(limit, 3)).toBe(3);
  });
});
