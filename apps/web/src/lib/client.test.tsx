import schema from 'virtual:graphcache-schema';
import type { SerializedEntries, StorageAdapter } from '@urql/exchange-graphcache';
import { offlineExchange } from '@urql/exchange-graphcache';
import { Client, type Exchange, type Operation } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filter, fromPromise, map, mergeMap, pipe, share, subscribe, takeUntil } from 'wonka';
import { graphql } from '../graphql';
import { createClient, refreshRestoredData } from './client';

const TestPost = graphql(`
  query TestRestoredPost($id: ID!) {
    post(id: $id) { id caption }
  }
`);

/** IndexedDB stand-in: what one page load wrote, the next one reads. */
function memoryStorage(entries: SerializedEntries = {}): StorageAdapter & { entries: SerializedEntries } {
  return {
    entries,
    async readData() {
      return { ...entries };
    },
    async writeData(delta) {
      Object.assign(entries, delta);
    },
    async readMetadata() {
      return [];
    },
    writeMetadata() {},
    onOnline() {},
  };
}

/** A page load: the client as createClient builds it over the given storage and a scripted server. */
function pageLoad(storage: StorageAdapter, answer: () => unknown) {
  const fetched: Operation[] = [];
  // Answers a moment later, like a real fetch, and drops a request whose operation is torn down.
  const server: Exchange = () => (ops$) => {
    const shared = pipe(ops$, share);
    return pipe(
      shared,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((operation) =>
        pipe(
          fromPromise(new Promise((resolve) => setTimeout(resolve, 1))),
          map(() => {
            fetched.push(operation);
            return { operation, data: { post: answer() }, stale: false, hasNext: false };
          }),
          takeUntil(
            pipe(
              shared,
              filter((op) => op.kind === 'teardown' && op.key === operation.key),
            ),
          ),
        ),
      ),
    );
  };
  const refresh = refreshRestoredData();
  const client = new Client({
    url: '/graphql',
    exchanges: [refresh.upgrade, offlineExchange({ schema, storage }), refresh.listen, server],
  });
  return { client, fetched };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('createClient', () => {
  it('builds the client with the API schema for Graphcache', () => {
    expect(createClient()).toBeInstanceOf(Client);
    expect(schema.__schema.queryType.name).toBe('Query');
    const post = schema.__schema.types?.find((type: { name?: string }) => type.name === 'Post');
    expect(post?.interfaces).toEqual([expect.objectContaining({ name: 'Node' })]);
  });
});

describe('refreshRestoredData', () => {
  // Graphcache skips writing to storage when NODE_ENV is "test"; these tests need the real behaviour.
  const nodeEnv = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'development';
  });
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('asks the network again after a reload, even when the first subscription is dropped while mounting', async () => {
    const storage = memoryStorage();
    let current: unknown = null; // removed by a moderator
    const first = pageLoad(storage, () => current);
    await flush(); // hydrated (from nothing)
    expect((await first.client.query(TestPost, { id: '1' }).toPromise()).data?.post).toBeNull();
    await flush();
    expect(Object.keys(storage.entries).length).toBeGreaterThan(0);

    current = { __typename: 'Post', id: '1', caption: 'Back after appeal' }; // restored
    const second = pageLoad(storage, () => current);
    // React's mount, while the cache is still reading IndexedDB: subscribe, drop, subscribe again.
    const dropped = pipe(
      second.client.query(TestPost, { id: '1' }),
      subscribe(() => {}),
    );
    dropped.unsubscribe();
    const seen: unknown[] = [];
    const kept = pipe(
      second.client.query(TestPost, { id: '1' }),
      subscribe((result) => seen.push(result.data?.post)),
    );
    await flush();
    kept.unsubscribe();

    expect(second.fetched.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ caption: 'Back after appeal' });

    // Once heard from, later asks in the same page load are no longer upgraded.
    const before = second.fetched.length;
    const again = await second.client.query(TestPost, { id: '1' }).toPromise();
    expect(again.data?.post).toMatchObject({ caption: 'Back after appeal' });
    expect(second.fetched.slice(before).map((op) => op.context.requestPolicy)).not.toContain(
      'cache-and-network',
    );
  });
});
