import { describe, expect, it } from 'vitest';
import { decodeSnapshotCursor } from '../src/modules/explore/snapshots';
import type { Db, SqlParam } from '../src/platform/db';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededPost, SeededUser } from './support/seed';

const EXPLORE = `query($first: Int, $after: String) { explore(first: $first, after: $after) {
  edges { cursor node { id caption author { id username } media { id } } }
  pageInfo { hasNextPage endCursor } } }`;
const SIMILAR = `query($id: ID!, $first: Int, $after: String) { similarPosts(postId: $id, first: $first, after: $after) {
  edges { node { id author { id } } } pageInfo { hasNextPage endCursor } } }`;
const SUGGESTIONS = `{ accountSuggestions(first: 50) { user { id username } kind reason mutualCount
  mutualFollowers { username } } }`;

interface Tile {
  id: string;
  author: { id: string; username: string };
}
interface Page {
  edges: { cursor: string; node: Tile }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Suggestion {
  user: { id: string; username: string };
  kind: string;
  reason: string;
  mutualCount: number;
  mutualFollowers: { username: string }[];
}

describe.skipIf(!(await modeAvailable()))(`explore and suggestions [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  /** Runs the scheduled precomputation jobs now, through the queue as the timers would. */
  const precompute = async () => {
    const { queue } = server.glimpse.platform;
    const jobs = await import('../src/jobs');
    await queue.enqueue(jobs.rebuildExploreSimilarity, {});
    await queue.enqueue(jobs.rebuildExplorePools, {});
    await server.glimpse.jobsIdle();
  };
  const explore = async (user: SeededUser, first = 50, after?: string) =>
    (await api.ok<{ explore: Page }>(EXPLORE, { first, after }, user.token)).explore;
  /** Every tile, page by page. */
  const exploreAll = async (user: SeededUser, first: number) => {
    const tiles: Tile[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await explore(user, first, after);
      tiles.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    return tiles;
  };
  const likedBy = async (post: SeededPost, fans: SeededUser[]) => {
    for (const fan of fans) await fan.like(post);
  };

  it('needs a session', async () => {
    expect((await api.fails(EXPLORE)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.fails(SUGGESTIONS)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never shows followed, own, blocked, private, muted or archived posts', async () => {
    const me = await seed.user();
    const [followed, stranger, hidden, blocked, blocker, muted, fan] = [
      await seed.user(),
      await seed.user(),
      await seed.user(undefined, { private: true }),
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    await me.follow(followed);
    const visible = await stranger.post({ caption: 'stranger' });
    const archived = await stranger.post({ caption: 'archived later' });
    const others = [
      await followed.post(),
      await me.post(),
      await hidden.post(),
      await blocked.post(),
      await blocker.post(),
      await muted.post(),
      archived,
    ];
    // The private account is in my network (an account I follow follows it), so a source proposes it.
    await followed.follow(hidden);
    await hidden.approve(followed);
    for (const post of [visible, ...others])
      await likedBy(post, [post.authorId === hidden.id ? followed : fan]);
    await me.block(blocked);
    await blocker.block(me);
    await api.ok(
      'mutation($id: ID!) { mute(userId: $id, posts: true, stories: false) { id } }',
      { id: muted.id },
      me.token,
    );
    await api.ok('mutation($id: ID!) { archivePost(id: $id) { id } }', { id: archived.id }, stranger.token);
    await precompute();
    const ids = (await exploreAll(me, 10)).map((t) => t.id);
    expect(ids).toContain(visible.id);
    for (const post of others) expect(ids).not.toContain(post.id);
  });

  it('finds a post liked by people with similar likes, and opens it as a similar-posts feed', async () => {
    const me = await seed.user();
    const [artist, other, twin1, twin2, twin3] = await Promise.all([
      seed.user(),
      seed.user(),
      seed.user(),
      seed.user(),
      seed.user(),
    ]);
    const [liked1, liked2, liked3] = [await artist.post(), await artist.post(), await artist.post()];
    const hidden = await other.post({ caption: 'the one people like me like' });
    for (const twin of [twin1, twin2, twin3]) await likedBy(liked1, [twin]);
    await likedBy(liked2, [twin1, twin2]);
    await likedBy(liked3, [twin2, twin3]);
    await likedBy(hidden, [twin1, twin2, twin3]);
    await likedBy(liked1, [me]);
    await likedBy(liked2, [me]);
    await likedBy(liked3, [me]);
    await precompute();
    const tiles = (await explore(me, 24)).edges.map((e) => e.node.id);
    expect(tiles.slice(0, 3)).toContain(hidden.id);

    const similar = await api.ok<{ similarPosts: Page }>(SIMILAR, { id: liked1.id, first: 10 }, me.token);
    const ids = similar.similarPosts.edges.map((e) => e.node.id);
    expect(ids[0]).toBe(liked1.id);
    expect(ids).toContain(hidden.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A tile the viewer may not see is absent.
    const secret = await (await seed.user(undefined, { private: true })).post();
    expect((await api.fails(SIMILAR, { id: secret.id }, me.token)).extensions?.code).toBe('NOT_FOUND');
  });

  it('updates similarity incrementally: a run takes only the likes since the last one', async () => {
    const { explore: service } = server.glimpse.services;
    await precompute();
    // Nothing new: nothing recomputed.
    expect(await service.updateSimilarity()).toMatchObject({ posts: 0, pairs: 0, more: false });
    const author = await seed.user();
    const [first, second, third] = [await author.post(), await author.post(), await author.post()];
    const fans = [await seed.user(), await seed.user()];
    await likedBy(first, fans);
    await likedBy(second, fans);
    const run = await service.updateSimilarity();
    // The two posts just liked, and only those, got their neighbours.
    expect(run).toMatchObject({ posts: 2, more: false });
    const neighbours = async (postId: string) =>
      (
        await server.glimpse.platform.db.query<{ id: string }>(
          'select neighbor_id::text as id from post_similarity where post_id = $1',
          [postId],
        )
      ).map((r) => r.id);
    expect(await neighbours(first.id)).toContain(second.id);
    expect(await neighbours(second.id)).toContain(first.id);
    // A later like on the third post links it to what that person liked, in the next run.
    await likedBy(third, [fans[0]!]);
    expect(await service.updateSimilarity()).toMatchObject({ posts: 1 });
    expect(await neighbours(third.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  /** Three authors with `each` posts apiece, all liked by one fan, and Explore's tables filled. */
  const threeAuthorsLiked = async (each: number) => {
    const authors = await Promise.all([seed.user(), seed.user(), seed.user()]);
    const fan = await seed.user();
    for (const author of authors) {
      for (let i = 0; i < each; i++) await likedBy(await author.post(), [fan]);
    }
    await precompute();
  };

  it('spreads authors out and pages without repeating', async () => {
    await threeAuthorsLiked(3);
    const me = await seed.user();
    const tiles = await exploreAll(me, 4);
    expect(tiles.length).toBeGreaterThanOrEqual(9);
    expect(new Set(tiles.map((t) => t.id)).size).toBe(tiles.length);
    tiles.forEach((tile, i) => {
      if (i > 0) expect(tile.author.id, `tiles ${i - 1} and ${i}`).not.toBe(tiles[i - 1]!.author.id);
    });
  });

  it('carries on from the same place when a scroll resumes after its snapshot expired', async () => {
    await threeAuthorsLiked(2);
    const me = await seed.user();
    const first = await explore(me, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // The grid is gone (its time ran out while the tab sat idle).
    await server.glimpse.services.cache.del(`explore:grid:${me.id}`, `explore:grid-head:${me.id}`);
    const next = await explore(me, 2, first.pageInfo.endCursor ?? undefined);
    expect(next.edges.length).toBe(2);
  });

  it('goes on through the grid a scroll started on after the next grid replaced it', async () => {
    await threeAuthorsLiked(2);
    const me = await seed.user();
    const ids = (page: Awaited<ReturnType<typeof explore>>) => page.edges.map((e) => e.node.id);
    // A first visit ranks the grid; its second page, as scrolled then.
    const firstVisit = await explore(me, 2);
    const secondPage = ids(await explore(me, 2, firstVisit.pageInfo.endCursor ?? undefined));
    expect(secondPage).toHaveLength(2);
    // Another visit shows the same grid and queues the next; the job replaces it.
    const visit = await explore(me, 2);
    expect(ids(visit)).toEqual(ids(firstVisit));
    await server.glimpse.jobsIdle();
    const cache = server.glimpse.services.cache;
    const gridId = async (key: string) => (JSON.parse((await cache.get(key)) ?? '{}') as { id?: string }).id;
    const shown = decodeSnapshotCursor(visit.pageInfo.endCursor ?? '').snapshot;
    expect(await gridId(`explore:grid:${me.id}`)).not.toBe(shown);
    expect(await gridId(`explore:${me.id}`)).toBe(shown);
    // Scrolling on from that visit goes through the grid it showed, not the new one.
    expect(ids(await explore(me, 2, visit.pageInfo.endCursor ?? undefined))).toEqual(secondPage);
    // A visit now shows the new grid, whose cursors are its own.
    const next = await explore(me, 2);
    expect(next.pageInfo.endCursor).not.toBe(visit.pageInfo.endCursor);
  });

  it('shows posts under hashtags the viewer follows, when hashtags can be followed', async () => {
    const db = server.glimpse.platform.db;
    const [table] = await db.query<{ found: string | null }>(
      "select to_regclass('hashtag_follows')::text as found",
    );
    if (!table?.found) return;
    const me = await seed.user();
    const tag = `tile${Date.now().toString(36)}`;
    const tagged = await (await seed.user()).post({ caption: `#${tag}` });
    await db.query(
      `insert into hashtag_follows (id, user_id, hashtag_id)
       select next_id(shard_of($1::bigint)), $1, h.id from hashtags h where h.name = $2`,
      [me.id, tag],
    );
    const ids = (await exploreAll(me, 50)).map((t) => t.id);
    expect(ids).toContain(tagged.id);
  });

  it('shows a grid ranked ahead and ranks the next one off the request path', async () => {
    const me = await seed.user();
    const [artist, twin1, twin2] = [await seed.user(), await seed.user(), await seed.user()];
    const mine = await artist.post();
    await likedBy(mine, [twin1, twin2, me]);
    await likedBy(await (await seed.user()).post(), [twin1, twin2]);
    await precompute();
    const first = (await explore(me, 24)).edges.map((e) => e.node.id);
    await server.glimpse.jobsIdle();
    // Something new that people with my likes like, after my grid was ranked.
    const fresh = await (await seed.user()).post({ caption: 'new since the grid' });
    await likedBy(fresh, [twin1, twin2]);
    await precompute();
    const second = (await explore(me, 24)).edges.map((e) => e.node.id);
    // The kept grid, shown without ranking while I wait; the visit queued the ranking of the next one.
    expect(second).toEqual(first);
    expect(second).not.toContain(fresh.id);
    await server.glimpse.jobsIdle();
    // The job ranked the next grid: the next visit shows the new post.
    expect((await explore(me, 24)).edges.map((e) => e.node.id)).toContain(fresh.id);
  });

  it('drops posts by accounts followed or muted since the grid was ranked', async () => {
    const me = await seed.user();
    const [a, b, c, fan] = [await seed.user(), await seed.user(), await seed.user(), await seed.user()];
    const posts = [await a.post(), await b.post(), await c.post()];
    for (const post of posts) await likedBy(post, [fan]);
    await precompute();
    const before = (await explore(me, 24)).edges.map((e) => e.node.author.id);
    expect(before).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    await me.follow(a);
    await api.ok(
      'mutation($id: ID!) { mute(userId: $id, posts: true, stories: false) { id } }',
      { id: b.id },
      me.token,
    );
    const after = (await explore(me, 24)).edges.map((e) => e.node.author.id);
    expect(after).toContain(c.id);
    expect(after).not.toContain(a.id);
    expect(after).not.toContain(b.id);
  });

  it('gives a brand new account something to look at', async () => {
    const fresh = await seed.user();
    expect((await explore(fresh, 24)).edges.length).toBeGreaterThan(0);
  });

  it('costs a constant number of SQL statements per page', async () => {
    const me = await seed.user();
    const db = server.glimpse.platform.db;
    const cost = async (first: number, after?: string, viewer = me) => {
      const names: string[] = [];
      const query = db.query;
      db.query = <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
        names.push(/\/\* (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
        return query.call<Db, [string, (readonly SqlParam[])?], Promise<Row[]>>(db, sql, params);
      };
      try {
        const page = await explore(viewer, first, after);
        return { statements: names.length, names, page };
      } finally {
        db.query = query;
      }
    };
    // A first visit ranks while waiting: the sources (collaborative, network, pools), the candidates'
    // facts, then the hydration of the page.
    const cold = await cost(12);
    expect(cold.statements, cold.names.join(', ')).toBeLessThanOrEqual(14);
    await server.glimpse.jobsIdle();
    // The second shows the kept grid and queues the next ranking (a job, whose statements are not the
    // page's; one per person in 5 minutes).
    await explore(me, 1);
    await server.glimpse.jobsIdle();
    const small = await cost(2);
    const large = await cost(12);
    expect(small.page.edges.length).toBe(2);
    expect(large.page.edges.length).toBe(12);
    // The kept grid is shown: only the hydration of the page (and the viewer's mutes among its authors).
    expect(Math.abs(large.statements - small.statements), large.names.join(', ')).toBeLessThanOrEqual(1);
    expect(large.statements, large.names.join(', ')).toBeLessThanOrEqual(12);
    const next = await cost(12, large.page.pageInfo.endCursor ?? undefined);
    expect(next.statements, next.names.join(', ')).toBeLessThanOrEqual(8);
  });

  it('suggests friends of friends with the reason, and never the blocked, followed or self', async () => {
    const me = await seed.user();
    const [ana, bob, cat] = [await seed.user(), await seed.user(), await seed.user()];
    const [dan, eve, blocker] = [await seed.user(), await seed.user(), await seed.user()];
    for (const friend of [ana, bob, cat]) await me.follow(friend);
    await ana.follow(dan);
    await bob.follow(dan);
    await cat.follow(eve);
    await ana.follow(blocker);
    await bob.follow(blocker);
    await cat.follow(blocker);
    await blocker.block(me);
    // I like ana's posts: she is the mutual follower named first.
    await likedBy(await ana.post(), [me]);

    const suggestions = async () =>
      (await api.ok<{ accountSuggestions: Suggestion[] }>(SUGGESTIONS, {}, me.token)).accountSuggestions;
    const first = await suggestions();
    expect(first[0]).toMatchObject({
      user: { username: dan.username },
      kind: 'MUTUAL_FOLLOWERS',
      mutualCount: 2,
      reason: `Followed by ${ana.username} + 1 more`,
    });
    expect(first[0]!.mutualFollowers.map((u) => u.username)).toEqual([ana.username, bob.username]);
    expect(first[1]).toMatchObject({
      user: { username: eve.username },
      reason: `Followed by ${cat.username}`,
    });
    const ids = first.map((s) => s.user.id);
    for (const never of [me, ana, bob, cat, blocker]) expect(ids).not.toContain(never.id);
    expect(first.slice(2).every((s) => s.kind === 'POPULAR' && s.reason === 'Popular on Glimpse')).toBe(true);

    // The old field keeps working with the same accounts, reasons dropped.
    const old = await api.ok<{ suggestedAccounts: { id: string }[] }>(
      '{ suggestedAccounts(first: 2) { id } }',
      {},
      me.token,
    );
    expect(old.suggestedAccounts.map((u) => u.id)).toEqual([dan.id, eve.id]);

    await api.ok('mutation($id: ID!) { dismissSuggestion(userId: $id) }', { id: dan.id }, me.token);
    expect((await suggestions()).map((s) => s.user.id)).not.toContain(dan.id);
    const self = await api.fails(
      'mutation($id: ID!) { dismissSuggestion(userId: $id) }',
      { id: me.id },
      me.token,
    );
    expect(self.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('starts a new account on popular accounts', async () => {
    const fresh = await seed.user();
    const found = (await api.ok<{ accountSuggestions: Suggestion[] }>(SUGGESTIONS, {}, fresh.token))
      .accountSuggestions;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.kind === 'POPULAR' && s.mutualCount === 0)).toBe(true);
    expect(found.map((s) => s.user.id)).not.toContain(fresh.id);
  });
});
