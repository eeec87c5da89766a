import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICES, servicesAvailable } from '../../../test/support/services';
import { silentLogger } from '../logger';
import { createMemoryTimelines } from './memory';
import { insertPacked, pack, unpack } from './packed';
import type { TimelineStore } from './port';
import { createRedisTimelines } from './redis';

describe('packed timelines', () => {
  it('round-trips 64-bit IDs and keeps byte order equal to ID order', () => {
    const ids = ['9223372036854775807', '1823917704229328900', '1024', '1'];
    expect(unpack(pack(ids))).toEqual(ids);
    expect(Buffer.compare(pack(['1823917704229328900']), pack(['1024']))).toBe(1);
  });

  it('inserts in order, skips duplicates, trims to the cap', () => {
    let packed = pack(['50', '30', '10']);
    packed = insertPacked(packed, pack(['40']), 4)!;
    expect(unpack(packed)).toEqual(['50', '40', '30', '10']);
    expect(insertPacked(packed, pack(['40']), 4)).toBeNull();
    expect(unpack(insertPacked(packed, pack(['60']), 4)!)).toEqual(['60', '50', '40', '30']);
    expect(insertPacked(packed, pack(['5']), 4)).toBeNull(); // older than everything kept
  });
});

const redisUp = await servicesAvailable('redis');
const stores: [string, () => TimelineStore][] = [['memory', () => createMemoryTimelines({ cap: 400 })]];
if (redisUp) {
  stores.push([
    'redis',
    () =>
      createRedisTimelines({
        url: SERVICES.redis.url,
        prefix: `t${randomBytes(4).toString('hex')}:`,
        logger: silentLogger,
      }),
  ]);
}

describe.each(stores)('%s timeline store', (_name, make) => {
  const store = make();
  afterAll(() => store.close());

  it('reads null for a missing timeline and inserts only into timelines that exist', async () => {
    expect(await store.read('u1')).toBeNull();
    expect(await store.insert(['u1', 'u2'], '100')).toBe(0);
    await store.write('u2', ['90', '80']);
    expect(await store.insert(['u1', 'u2'], '100')).toBe(1);
    expect(await store.insert(['u2'], '85')).toBe(1);
    expect(await store.insert(['u2'], '85')).toBe(0);
    expect(await store.read('u2')).toEqual(['100', '90', '85', '80']);
    expect(await store.read('u1')).toBeNull();
  });

  it('caps at 400 entries and keeps a 400-entry timeline small', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => String(1823917704229328900n - BigInt(i) * 1024n));
    await store.write('big', ids);
    const read = await store.read('big');
    expect(read).toHaveLength(400);
    expect(read?.[0]).toBe(ids[0]);
    const bytes = await store.bytes('big');
    expect(bytes).toBeGreaterThanOrEqual(3200);
    expect(bytes).toBeLessThanOrEqual(6 * 1024);
  });

  it('drops timelines', async () => {
    await store.write('gone', ['1']);
    await store.drop(['gone']);
    expect(await store.read('gone')).toBeNull();
  });
});
