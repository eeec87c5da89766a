import { describe, expect, it } from 'vitest';
import { trainRanking } from '../src/jobs';
import { FEATURE_NAMES } from '../src/modules/ranking/features';
import { PRIOR_MODEL } from '../src/modules/ranking/service';
import type { Db, SqlParam } from '../src/platform/db';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededPost, SeededUser } from './support/seed';

const HOME = `query($first: Int, $after: String, $order: FeedOrder) {
  homeFeed(first: $first, after: $after, order: $order) {
    edges { cursor node { id author { username } } }
    pageInfo { hasNextPage endCursor } } }`;
const SEEN = 'mutation($ids: [ID!]!) { markPostsSeen(postIds: $ids) }';
const VISIT = 'mutation($id: ID!) { recordProfileVisit(userId: $id) }';

type Home = {
  homeFeed: {
    edges: { cursor: string; node: { id: string; author: { username: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe.skipIf(!(await modeAvailable()))(`ranked home feed [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const home = async (who: SeededUser, first = 20, after: string | null = null, order = 'RANKED') =>
    (await api.ok<Home>(HOME, { first, after, order }, who.token)).homeFeed;

  const allPages = async (who: SeededUser, first: number) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page = await home(who, first, after);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return ids;
  };

  it('ranks by affinity: the author you engage with comes first, though not newest', async () => {
    const me = await seed.user();
    const friend = await seed.user();
    const others = [await seed.user(), await seed.user(), await seed.user()];
    for (const u of [friend, ...others]) await me.follow(u);
    // Past engagement with the friend, on posts since archived (so only the affinity remains).
    for (let i = 0; i < 4; i++) {
      const old = await friend.post();
      await me.like(old);
      await me.comment(old, 'love this');
      await api.ok('mutation($id: ID!) { archivePost(id: $id) { id } }', { id: old.id }, friend.token);
    }
    await api.ok(VISIT, { id: friend.id }, me.token);
    const fromFriend = await friend.post({ caption: 'friend, oldest' });
    const newer: string[] = [];
    for (const other of others) newer.push((await other.post()).id);
    await seed.waitForJobs();

    const ranked = (await home(me)).edges.map((e) => e.node.id);
    expect(ranked[0]).toBe(fromFriend.id);
    const chronological = (await home(me, 20, null, 'CHRONOLOGICAL')).edges.map((e) => e.node.id);
    expect(chronological).toEqual([...newer.reverse(), fromFriend.id]);
    expect([...ranked].sort()).toEqual([...chronological].sort());
  });

  it("puts the viewer's own new post first", async () => {
    const me = await seed.user();
    const friend = await seed.user();
    await me.follow(friend);
    for (let i = 0; i < 3; i++) await me.like(await friend.post());
    const mine = await me.post();
    await friend.post();
    await seed.waitForJobs();
    expect((await home(me)).edges[0]?.node.id).toBe(mine.id);
  });

  it('pages through a snapshot: every post once, then older posts in time order', async () => {
    const me = await seed.user();
    const authors = [await seed.user(), await seed.user(), await seed.user()];
    for (const a of authors) await me.follow(a);
    const made: string[] = [];
    for (let i = 0; i < 9; i++) made.push((await authors[i % 3]!.post()).id);
    await seed.waitForJobs();
    const ids = await allPages(me, 4);
    expect(ids).toHaveLength(made.length);
    expect(new Set(ids)).toEqual(new Set(made));
    // No author twice in a row while another is available.
    const page = await home(me, 9);
    const authorsInOrder = page.edges.map((e) => e.node.author.username);
    for (let i = 1; i < authorsInOrder.length; i++) expect(authorsInOrder[i]).not.toBe(authorsInOrder[i - 1]);
  });

  it('a post published mid-scroll does not reshuffle the pages being read', async () => {
    const me = await seed.user();
    const a = await seed.user();
    await me.follow(a);
    for (let i = 0; i < 6; i++) await a.post();
    await seed.waitForJobs();
    const first = await home(me, 3);
    const late = await a.post();
    await seed.waitForJobs();
    const second = await home(me, 3, first.pageInfo.endCursor);
    const seen = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(seen).size).toBe(6);
    expect(seen).not.toContain(late.id);
    // A fresh first page ranks the new post in.
    expect((await home(me, 10)).edges.map((e) => e.node.id)).toContain(late.id);
  });

  it('puts what the viewer has already seen after what they have not', async () => {
    const me = await seed.user();
    const a = await seed.user();
    await me.follow(a);
    const posts: SeededPost[] = [];
    for (let i = 0; i < 4; i++) posts.push(await a.post());
    await seed.waitForJobs();
    const before = (await home(me)).edges.map((e) => e.node.id);
    const seenIds = before.slice(0, 2);
    expect(await api.ok(SEEN, { ids: seenIds }, me.token)).toEqual({ markPostsSeen: true });
    // Something new arrives, so the next first page is ranked afresh.
    await a.post();
    await seed.waitForJobs();
    const after = (await home(me)).edges.map((e) => e.node.id);
    expect(after.slice(-2).sort()).toEqual([...seenIds].sort());
  });

  it('logs seen impressions with the features they were ranked by; unranked sightings carry none', async () => {
    const me = await seed.user();
    const a = await seed.user();
    await me.follow(a);
    const p1 = await a.post();
    const p2 = await a.post();
    await seed.waitForJobs();
    await home(me);
    await api.ok(SEEN, { ids: [p1.id, p1.id] }, me.token); // duplicates are one sighting
    const db = server.glimpse.platform.db;
    const rows = await db.query<{ post_id: string; features: number[] | null; position: number | null }>(
      'select post_id::text, features, position from feed_impressions where viewer_id = $1',
      [me.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.features).toHaveLength(FEATURE_NAMES.length);
    expect(rows[0]!.position).not.toBeNull();
    // Seen from a profile, not ranked: no features, still "seen".
    const stranger = await seed.user();
    await api.ok(SEEN, { ids: [p2.id] }, stranger.token);
    const [other] = await db.query<{ features: number[] | null; seen_at: Date | null }>(
      'select features, seen_at from feed_impressions where viewer_id = $1',
      [stranger.id],
    );
    expect(other?.features).toBeNull();
    expect(other?.seen_at).not.toBeNull();
  });

  it('refuses bad impression reports and leaves nothing written', async () => {
    const me = await seed.user();
    const tooMany = Array.from({ length: 51 }, (_, i) => String(1000 + i));
    expect((await api.fails(SEEN, { ids: tooMany }, me.token)).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.fails(SEEN, { ids: ['12', 'drop table'] }, me.token)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await api.fails(SEEN, { ids: ['12'] })).extensions?.code).toBe('UNAUTHENTICATED');
    // Unknown posts are ignored, not errors (a post may have been deleted since it was shown).
    expect(await api.ok(SEEN, { ids: ['999999999'] }, me.token)).toEqual({ markPostsSeen: true });
    const rows = await server.glimpse.platform.db.query(
      'select 1 from feed_impressions where viewer_id = $1',
      [me.id],
    );
    expect(rows).toEqual([]);
    expect((await api.fails(HOME, { first: 0 }, me.token)).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.fails(HOME, { after: 'bm90IGEgY3Vyc29y' }, me.token)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('counts profile visits and likes towards affinity, but not on accounts you cannot see', async () => {
    const me = await seed.user();
    const a = await seed.user();
    const hidden = await seed.user();
    await api.ok(VISIT, { id: a.id }, me.token);
    await api.ok(VISIT, { id: a.id }, me.token);
    await me.like(await a.post());
    await hidden.block(me);
    expect((await api.fails(VISIT, { id: hidden.id }, me.token)).extensions?.code).toBe('NOT_FOUND');
    const rows = await server.glimpse.platform.db.query<{ author_id: string; likes: number; visits: number }>(
      'select author_id::text, likes, visits from user_affinity where user_id = $1',
      [me.id],
    );
    expect(rows).toEqual([{ author_id: a.id, likes: 1, visits: 2 }]);
  });

  it('never ranks in posts the viewer may not see', async () => {
    const me = await seed.user();
    const [a, b] = [await seed.user(), await seed.user()];
    await me.follow(a);
    await me.follow(b);
    const kept = await a.post();
    const archived = await b.post();
    await seed.waitForJobs();
    await home(me);
    await api.ok('mutation($id: ID!) { archivePost(id: $id) { id } }', { id: archived.id }, b.token);
    await b.block(me);
    const stranger = await seed.user();
    await stranger.post();
    await seed.waitForJobs();
    const ids = await allPages(me, 5);
    expect(ids).toEqual([kept.id]);
  });

  it('ranks with a constant number of SQL statements, and later pages add no ranking queries', async () => {
    const me = await seed.user();
    for (let i = 0; i < 6; i++) {
      const author = await seed.user();
      await me.follow(author);
      await author.post();
      await author.post();
    }
    await seed.waitForJobs();
    const db = server.glimpse.platform.db;
    const statements = async (run: () => Promise<unknown>) => {
      const names: string[] = [];
      const query = db.query;
      db.query = <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
        names.push(/\/\* (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
        return query.call<Db, [string, (readonly SqlParam[])?], Promise<Row[]>>(db, sql, params);
      };
      try {
        await run();
        return names;
      } finally {
        db.query = query;
      }
    };
    await home(me, 1); // warm the session and the model
    const small = await statements(() => home(me, 2));
    // A new post makes the next first page rank afresh.
    const author = await seed.user();
    await me.follow(author);
    await author.post();
    await seed.waitForJobs();
    let cursor: string | null = null;
    const large = await statements(async () => {
      cursor = (await home(me, 10)).pageInfo.endCursor;
    });
    expect(large.filter((n) => n === 'rankingFacts')).toHaveLength(1);
    // session, timeline rebuild (the follow dropped it), celebrities, ranking facts, then hydration.
    expect(large.length, large.join(', ')).toBeLessThanOrEqual(10);
    // The first page asked again at once reuses the ranking: no ranking query at all.
    expect(small, small.join(', ')).not.toContain('rankingFacts');
    const next = await statements(() => home(me, 10, cursor));
    expect(next, next.join(', ')).not.toContain('rankingFacts');
    expect(next.length, next.join(', ')).toBeLessThanOrEqual(14);
  });

  it('retrains from logged impressions on the scheduled job and ranks with the new weights', async () => {
    const db = server.glimpse.platform.db;
    const { ranking } = server.glimpse.services;
    expect((await ranking.train()).status).toBe('too-few-examples');
    // Earlier tests in this file logged a few impressions of their own.
    const [logged] = await db.query<{ n: number; engaged: number }>(
      `select count(*)::int as n, count(*) filter (where exists (select 1 from likes l
         where l.post_id = i.post_id and l.user_id = i.viewer_id))::int as engaged
       from feed_impressions i where seen_at is not null and features is not null`,
    );
    // Logged history (as markPostsSeen writes it) in which the first feature, affinity, predicts
    // engagement: 20 viewers x 12 posts, a third of them liked.
    const author = await seed.user();
    const posts: SeededPost[] = [];
    for (let i = 0; i < 12; i++) posts.push(await author.post());
    const viewers: SeededUser[] = [];
    for (let i = 0; i < 20; i++) viewers.push(await seed.user());
    let positives = logged?.engaged ?? 0;
    const examples = (logged?.n ?? 0) + 240;
    for (const [i, viewer] of viewers.entries()) {
      for (const [j, post] of posts.entries()) {
        const engaged = (i + j) % 3 === 0;
        const features = FEATURE_NAMES.map((_, f) =>
          f === 0 ? (engaged ? 2 : 0.1) + ((i * j) % 5) / 10 : 0.5,
        );
        await db.query(
          'insert into feed_impressions (viewer_id, post_id, features, seen_at) values ($1, $2, $3::real[], now())',
          [viewer.id, post.id, `{${features.join(',')}}`],
        );
        if (engaged) {
          positives += 1;
          await db.query('insert into likes (id, post_id, user_id) values (next_id(shard_of($2)), $1, $2)', [
            post.id,
            viewer.id,
          ]);
        }
      }
    }
    await server.glimpse.platform.queue.enqueue(trainRanking, { minAgeMinutes: 0 });
    await server.glimpse.jobsIdle();
    const [model] = await db.query<{ examples: number; positives: number; auc: number; weights: number[] }>(
      'select examples, positives, auc, weights from ranking_models order by id desc limit 1',
    );
    expect(model?.examples).toBe(examples);
    expect(model?.positives).toBe(positives);
    expect(model?.auc).toBeGreaterThan(0.9);
    expect(model?.weights[0]).toBeGreaterThan(0);
    // The feed now scores with the trained weights, not the prior.
    const current = await ranking.model();
    expect(current.examples).toBe(examples);
    expect(current.weights).not.toEqual(PRIOR_MODEL.weights);
    // A fresh model makes the scheduled job a no-op until half an interval has passed.
    expect((await ranking.train({ minAgeMinutes: 180 })).status).toBe('fresh');
  });
});
