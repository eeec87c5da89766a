import { describe, expect, it } from 'vitest';
import { fanoutPost } from '../src/jobs';
import { enqueueInTx } from '../src/platform/queue/outbox';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededUser } from './support/seed';

const FEED = '{ homeFeed(first: 20, order: CHRONOLOGICAL) { edges { node { id } } } }';

describe.skipIf(!(await modeAvailable()))(`timelines, fan-out and the outbox [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  // A tiny celebrity threshold so the hybrid path is exercised with three followers.
  useTestWorld((w) => ({ server, api, seed } = w), { env: { FEED_CELEBRITY_THRESHOLD: '3' } });

  const feedOf = async (user: SeededUser) =>
    (
      await api.ok<{ homeFeed: { edges: { node: { id: string } }[] } }>(FEED, {}, user.token)
    ).homeFeed.edges.map((e) => e.node.id);

  it("fans a new post out into its followers' existing timelines", async () => {
    const author = await seed.user();
    const fan = await seed.user();
    await fan.follow(author);
    expect(await feedOf(fan)).toEqual([]); // builds the (empty) timeline
    expect(await server.glimpse.platform.timelines.read(fan.id)).toEqual([]);
    const post = await author.post();
    expect(await server.glimpse.platform.timelines.read(fan.id)).toEqual([post.id]);
    expect(await feedOf(fan)).toEqual([post.id]);
  });

  it('merges celebrities at read time instead of fanning out', async () => {
    const star = await seed.user();
    const fans = [await seed.user(), await seed.user(), await seed.user()];
    for (const fan of fans) await fan.follow(star);
    for (const fan of fans) await feedOf(fan);
    const post = await star.post({ caption: 'to millions' });
    // Not written into any follower's timeline ...
    expect(await server.glimpse.platform.timelines.read(fans[0]!.id)).toEqual([]);
    // ... yet in every follower's feed.
    for (const fan of fans) expect(await feedOf(fan)).toEqual([post.id]);
  });

  it('rebuilds from PostgreSQL when the cache has lost every timeline', async () => {
    const author = await seed.user();
    const fan = await seed.user();
    await fan.follow(author);
    const posts = [await author.post(), await author.post()];
    expect(await feedOf(fan)).toEqual(posts.map((p) => p.id).reverse());
    await server.glimpse.platform.timelines.drop([fan.id, author.id]);
    expect(await feedOf(fan)).toEqual(posts.map((p) => p.id).reverse());
  });

  it('drops an unfollowed account at once, and backfills a new follow', async () => {
    const [a, b, fan] = [await seed.user(), await seed.user(), await seed.user()];
    const pa = await a.post();
    const pb = await b.post();
    await fan.follow(a);
    expect(await feedOf(fan)).toEqual([pa.id]);
    await fan.follow(b);
    expect(await feedOf(fan)).toEqual([pb.id, pa.id]);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: a.id }, fan.token);
    expect(await feedOf(fan)).toEqual([pb.id]);
  });

  it('relays jobs written to the outbox in a transaction, once committed', async () => {
    const author = await seed.user();
    const fan = await seed.user();
    await fan.follow(author);
    const post = await author.post();
    await feedOf(fan);
    await server.glimpse.platform.timelines.drop([fan.id]);
    await server.glimpse.platform.timelines.write(fan.id, []);
    const { db } = server.glimpse.platform;
    // A rolled-back transaction leaves nothing to relay.
    await db
      .transaction(async (tx) => {
        await enqueueInTx(tx, fanoutPost, { postId: post.id });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await db.query('select 1 from outbox')).toHaveLength(0);
    await db.transaction((tx) => enqueueInTx(tx, fanoutPost, { postId: post.id }));
    expect(await db.query('select 1 from outbox')).toHaveLength(1);
    await server.glimpse.jobsIdle();
    expect(await db.query('select 1 from outbox')).toHaveLength(0);
    expect(await server.glimpse.platform.timelines.read(fan.id)).toEqual([post.id]);
  });

  it('refuses an invalid payload before it reaches the outbox', async () => {
    const { db } = server.glimpse.platform;
    await expect(
      db.transaction((tx) => enqueueInTx(tx, fanoutPost, { postId: 'not an id' })),
    ).rejects.toThrow();
    expect(await db.query('select 1 from outbox')).toHaveLength(0);
  });
});
