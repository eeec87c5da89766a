import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SERVICES, servicesAvailable } from '../../../test/support/services';
import { silentLogger } from '../logger';
import { createMemoryCache } from './memory';
import { type Cache, CacheValueError } from './port';
import { createRedisCache } from './redis';

const redisOk = await servicesAvailable('redis');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every Cache adapter promises; run once per adapter. */
function cacheContract(name: string, open: () => Cache, skip = false) {
  describe.skipIf(skip)(`Cache contract: ${name}`, () => {
    let cache: Cache;
    afterEach(async () => {
      await cache?.close();
    });

    it('gets what was set, and null for what was not', async () => {
      cache = open();
      await cache.set('a', '1');
      expect(await cache.get('a')).toBe('1');
      expect(await cache.get('missing')).toBeNull();
      await cache.set('a', '2');
      expect(await cache.get('a')).toBe('2');
    });

    it('gets many in order, with null for the absent', async () => {
      cache = open();
      await cache.set('x', 'X');
      await cache.set('z', 'Z');
      expect(await cache.getMany(['x', 'y', 'z'])).toEqual(['X', null, 'Z']);
      expect(await cache.getMany([])).toEqual([]);
    });

    it('deletes one or many keys, ignoring the absent', async () => {
      cache = open();
      await cache.set('a', '1');
      await cache.set('b', '2');
      await cache.del('a', 'b', 'never');
      await cache.del();
      expect(await cache.getMany(['a', 'b'])).toEqual([null, null]);
    });

    it('reports ttl like Redis: seconds left, -1 without expiry, -2 when absent', async () => {
      cache = open();
      await cache.set('forever', 'v');
      await cache.set('forever-too', 'v', 0);
      await cache.set('brief', 'v', 100);
      expect(await cache.ttl('forever')).toBe(-1);
      expect(await cache.ttl('forever-too')).toBe(-1);
      expect(await cache.ttl('brief')).toBe(100);
      expect(await cache.ttl('absent')).toBe(-2);
    });

    it('expires values after their ttl', async () => {
      cache = open();
      await cache.set('short', 'v', 1);
      await cache.incr('counter', 1);
      expect(await cache.get('short')).toBe('v');
      await sleep(1100);
      expect(await cache.get('short')).toBeNull();
      expect(await cache.getMany(['short', 'counter'])).toEqual([null, null]);
      expect(await cache.ttl('short')).toBe(-2);
    });

    it('increments a counter that takes its ttl when created, not on later increments', async () => {
      cache = open();
      expect(await cache.incr('hits', 60)).toBe(1);
      expect(await cache.ttl('hits')).toBe(60);
      expect(await cache.incr('hits', 600)).toBe(2);
      expect(await cache.incr('hits', 600)).toBe(3);
      expect(await cache.ttl('hits')).toBeLessThanOrEqual(60);
      expect(await cache.get('hits')).toBe('3');
    });

    it('increments by an amount, the ttl taken when the counter is created', async () => {
      cache = open();
      expect(await cache.incr('cost', 60, 250)).toBe(250);
      expect(await cache.incr('cost', 600, 50)).toBe(300);
      const ttl = await cache.ttl('cost');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });

    it('increments an existing integer and refuses a non-integer', async () => {
      cache = open();
      await cache.set('n', '41');
      expect(await cache.incr('n', 10)).toBe(42);
      expect(await cache.ttl('n')).toBe(-1);
      await cache.set('word', 'hello');
      await expect(cache.incr('word', 10)).rejects.toBeInstanceOf(CacheValueError);
    });

    it('answers ping', async () => {
      cache = open();
      await expect(cache.ping()).resolves.toBeUndefined();
    });
  });
}

cacheContract('memory', () => createMemoryCache({ prefix: 'test:' }));

const prefix = `t${randomBytes(4).toString('hex')}:`;
let opened = 0;
// A prefix per test, so keys left by one test cannot satisfy another.
const openRedis = () =>
  createRedisCache({ url: SERVICES.redis.url, prefix: `${prefix}${opened++}:`, logger: silentLogger });
cacheContract('redis', openRedis, !redisOk);

describe.skipIf(!redisOk)('Redis cache', () => {
  it('stores every key under its prefix', async () => {
    const raw = new Redis(SERVICES.redis.url);
    const cache = createRedisCache({ url: SERVICES.redis.url, prefix, logger: silentLogger });
    await cache.set('prefixed', 'yes');
    await cache.incr('prefixed-counter', 30);
    expect(await raw.get(`${prefix}prefixed`)).toBe('yes');
    expect(await raw.get('prefixed')).toBeNull();
    expect(await raw.ttl(`${prefix}prefixed-counter`)).toBe(30);
    await cache.close();
    await raw.quit();
  });
});

afterAll(async () => {
  if (!redisOk) return;
  const raw = new Redis(SERVICES.redis.url);
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  await raw.quit();
});
