import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { createMemoryPubSub } from '../pubsub/memory';
import { createInvalidationBus } from './invalidation';
import { createMemoryCache } from './memory';
import type { Cache } from './port';
import { type ReadThrough, readThrough } from './read-through';

interface Row {
  id: string;
  name: string;
  created_at: Date;
}

function setup(cache: Cache = createMemoryCache()) {
  const fetched: string[][] = [];
  const table = new Map<string, Row>([
    ['1', { id: '1', name: 'ana', created_at: new Date('2026-01-02T03:04:05Z') }],
    ['2', { id: '2', name: 'bo', created_at: new Date('2026-02-03T04:05:06Z') }],
  ]);
  let release: (() => void) | null = null;
  let gate: Promise<void> | null = null;
  const rows = readThrough<Row>({
    cache,
    namespace: 'row',
    ttlSeconds: 60,
    dates: ['created_at'],
    logger: silentLogger,
    fetch: async (ids) => {
      fetched.push(ids);
      const snapshot = ids.flatMap((id) => (table.has(id) ? [{ ...table.get(id)! }] : []));
      if (gate) await gate;
      return snapshot;
    },
  });
  const hold = () => {
    gate = new Promise((resolve) => {
      release = () => {
        gate = null;
        resolve();
      };
    });
  };
  return { rows, fetched, table, hold, release: () => release?.() };
}

describe('read-through hydration cache', () => {
  it('fetches misses once in one batch, then serves hits with their dates revived', async () => {
    const { rows, fetched } = setup();
    expect((await rows.many(['1', '2', '3'])).map((r) => r.name).sort()).toEqual(['ana', 'bo']);
    const again = await rows.many(['1', '2']);
    expect(fetched).toEqual([['1', '2', '3']]);
    expect(again.find((r) => r.id === '1')?.created_at).toEqual(new Date('2026-01-02T03:04:05Z'));
  });

  it('coalesces concurrent misses of the same row into one fetch', async () => {
    const { rows, fetched } = setup();
    await Promise.all([rows.many(['1']), rows.many(['1']), rows.many(['1', '2'])]);
    expect(fetched.flat().filter((id) => id === '1')).toHaveLength(1);
  });

  it('re-reads after an invalidation, and never writes back a row invalidated mid-fetch', async () => {
    const { rows, fetched, table, hold, release } = setup();
    hold();
    const pending = rows.many(['1']);
    await new Promise((r) => setTimeout(r, 5));
    table.set('1', { ...table.get('1')!, name: 'ana renamed' });
    await rows.invalidate(['1']);
    release();
    expect((await pending)[0]?.name).toBe('ana'); // that reader saw the old row...
    expect((await rows.many(['1']))[0]?.name).toBe('ana renamed'); // ...but the cache did not keep it
    expect(fetched).toHaveLength(2);
  });

  it('falls back to the database when the cache fails', async () => {
    const broken: Cache = {
      ...createMemoryCache(),
      getMany: () => Promise.reject(new Error('down')),
      setMany: () => Promise.reject(new Error('down')),
    };
    const { rows } = setup(broken);
    expect((await rows.many(['2']))[0]?.name).toBe('bo');
  });

  it('keeps rows in process, and drops them in every process an invalidation reaches', async () => {
    const cache = createMemoryCache();
    const pubsub = createMemoryPubSub();
    const table = new Map([['1', { id: '1', name: 'ana', created_at: new Date(0) }]]);
    const fetched: string[][] = [];
    // Two processes: each its own in-process copies, the shared cache and the bus in common.
    const processes = [0, 1].map(() =>
      readThrough<Row>({
        cache,
        logger: silentLogger,
        invalidations: createInvalidationBus(pubsub, silentLogger),
        namespace: 'row',
        ttlSeconds: 60,
        nearTtlSeconds: 60,
        dates: ['created_at'],
        fetch: async (ids) => {
          fetched.push(ids);
          return ids.flatMap((id) => (table.has(id) ? [{ ...table.get(id)! }] : []));
        },
      }),
    );
    const [a, b] = processes as [ReadThrough<Row>, ReadThrough<Row>];
    await new Promise((r) => setTimeout(r, 0)); // the bus subscribes asynchronously
    expect((await a.many(['1']))[0]?.name).toBe('ana');
    expect((await b.many(['1']))[0]?.name).toBe('ana');
    // Gone from the shared cache, still served from each process's own copy.
    await cache.del('row:1');
    expect((await a.many(['1']))[0]?.name).toBe('ana');
    expect(fetched).toHaveLength(1);

    table.set('1', { ...table.get('1')!, name: 'ana renamed' });
    await b.invalidate(['1']);
    await new Promise((r) => setTimeout(r, 0));
    expect((await a.many(['1']))[0]?.name).toBe('ana renamed');
    expect((await b.many(['1']))[0]?.name).toBe('ana renamed');
  });
});
