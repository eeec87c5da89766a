import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refreshHashtags } from '../src/jobs';
import type { Db, SqlParam } from '../src/platform/db';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededUser } from './support/seed';

const PAGE = `query($name: String!, $first: Int) { hashtag(name: $name) {
  name postCount viewerFollows
  topPosts(first: $first) { id caption likeCount author { username } media { image { thumbhash } } }
  recentPosts(first: $first) { edges { node { id caption author { username } media { image { thumbhash } } } }
    pageInfo { hasNextPage endCursor } }
  related { name postCount } } }`;

interface Page {
  hashtag: {
    name: string;
    postCount: number;
    viewerFollows: boolean;
    topPosts: { id: string }[];
    recentPosts: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
    related: { name: string; postCount: number }[];
  } | null;
}

const HOME = `{ homeFeed(first: 30) { edges { node { id } reason { kind hashtag { name } } } } }`;

interface Home {
  homeFeed: {
    edges: { node: { id: string }; reason: { kind: string; hashtag: { name: string } | null } | null }[];
  };
}

/** A tag name no other test uses. */
const tag = (label: string) => `${label}${randomBytes(4).toString('hex')}`;

describe.skipIf(!(await modeAvailable()))(`hashtag pages, follows and trends [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const db = () => server.glimpse.platform.db;
  /** Runs the scheduled job through the queue, as the worker's timer does. */
  const refresh = async () => {
    await server.glimpse.platform.queue.enqueue(refreshHashtags, {});
    await server.glimpse.jobsIdle();
  };
  const page = async (name: string, token?: string, first = 12) =>
    (await api.ok<Page>(PAGE, { name, first }, token)).hashtag;
  const ids = (p: Page['hashtag']) => ({
    top: p?.topPosts.map((x) => x.id) ?? [],
    recent: p?.recentPosts.edges.map((e) => e.node.id) ?? [],
  });
  const likedBy = async (post: { id: string; authorId: string; mediaIds: string[] }, n: number) => {
    for (let i = 0; i < n; i++) await (await seed.user()).like(post);
  };

  it('ranks top posts by engagement with time decay and lists recent ones newest first', async () => {
    const name = tag('top');
    const [a, b] = [await seed.user(), await seed.user()];
    const old = await a.post({ caption: `an old favourite #${name}` });
    await likedBy(old, 6);
    await db().query("update posts set created_at = now() - interval '3 days' where id = $1", [old.id]);
    const fresh = await b.post({ caption: `just now #${name.toUpperCase()}` });
    await likedBy(fresh, 2);
    await refresh();

    const found = await page(`#${name.toUpperCase()}`);
    expect(found).toMatchObject({ name, postCount: 2, viewerFollows: false });
    expect(ids(found)).toEqual({ top: [fresh.id, old.id], recent: [fresh.id, old.id] });
    const firstOnly = await page(name, undefined, 1);
    expect(firstOnly?.recentPosts.pageInfo.hasNextPage).toBe(true);
    expect(await page(tag('unknown'))).toBeNull();
    expect(await page('not a tag!')).toBeNull();
  });

  it("never shows a private account's posts to non-followers, nor a blocked author's to anyone they block", async () => {
    const [shared, onlyPrivate] = [tag('shared'), tag('private')];
    const secret = await seed.user(undefined, { private: true });
    const open = await seed.user();
    const [follower, stranger] = [await seed.user(), await seed.user()];
    await follower.follow(secret);
    await secret.approve(follower);
    const hidden = await secret.post({ caption: `secret #${shared} #${onlyPrivate}` });
    // Popular, but private: never a top post.
    await db().query('update posts set like_count = 30 where id = $1', [hidden.id]);
    const visible = await open.post({ caption: `open #${shared}` });
    await refresh();

    const forStranger = await page(shared, stranger.token);
    expect(forStranger?.postCount).toBe(1);
    expect(ids(forStranger)).toEqual({ top: [visible.id], recent: [visible.id] });
    expect(ids(await page(shared))).toEqual({ top: [visible.id], recent: [visible.id] });
    // A follower sees the private post among the recent ones; top posts come from public accounts only.
    expect(ids(await page(shared, follower.token))).toEqual({
      top: [visible.id],
      recent: [visible.id, hidden.id],
    });
    // A tag only the private account uses does not exist for others, and counts no public post.
    expect(await page(onlyPrivate, stranger.token)).toBeNull();
    expect(await page(onlyPrivate)).toBeNull();
    expect(await page(onlyPrivate, follower.token)).toMatchObject({ postCount: 0 });
    await api.ok(
      'mutation($n: String!) { followHashtag(name: $n) { name } }',
      { n: onlyPrivate },
      follower.token,
    );
    const refused = await api.fails(
      'mutation($n: String!) { followHashtag(name: $n) { name } }',
      { n: onlyPrivate },
      stranger.token,
    );
    expect(refused.extensions?.code).toBe('NOT_FOUND');

    // Blocks hide the blocker's posts both ways: left with nothing to see, the tag is gone for them.
    await open.block(stranger);
    expect(await page(shared, stranger.token)).toBeNull();
    expect(ids(await page(shared, follower.token)).recent).toEqual([visible.id, hidden.id]);
    const blocker = await seed.user();
    const blockedTag = tag('blocked');
    await blocker.post({ caption: `#${blockedTag}` });
    await stranger.block(blocker);
    expect(await page(blockedTag, stranger.token)).toBeNull();
  });

  it("puts a followed hashtag's top posts in the home feed, marked, until unfollowed or blocked", async () => {
    const name = tag('follow');
    const [me, friend, creator, other] = [
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    await me.follow(friend);
    const fromFriend = await friend.post({ caption: `friend's #${name}` });
    const fromCreator = await creator.post({ caption: `creator's #${name}` });
    await likedBy(fromCreator, 2);
    const fromOther = await other.post({ caption: `other's #${name}` });
    await refresh();

    const followed = await api.ok<{ followHashtag: { name: string; viewerFollows: boolean } }>(
      'mutation($n: String!) { followHashtag(name: $n) { name viewerFollows } }',
      { n: `#${name}` },
      me.token,
    );
    expect(followed.followHashtag).toEqual({ name, viewerFollows: true });
    const viewer = await api.ok<{ viewer: { followedHashtags: { name: string; viewerFollows: boolean }[] } }>(
      '{ viewer { followedHashtags { name viewerFollows } } }',
      {},
      me.token,
    );
    expect(viewer.viewer.followedHashtags).toEqual([{ name, viewerFollows: true }]);

    let home = await api.ok<Home>(HOME, {}, me.token);
    const reasonOf = (id: string) => home.homeFeed.edges.find((e) => e.node.id === id)?.reason;
    expect(reasonOf(fromFriend.id)).toBeNull();
    expect(reasonOf(fromCreator.id)).toEqual({ kind: 'HASHTAG', hashtag: { name } });
    expect(reasonOf(fromOther.id)).toEqual({ kind: 'HASHTAG', hashtag: { name } });
    // The friend's post is there once, as a followed account's.
    expect(home.homeFeed.edges.filter((e) => e.node.id === fromFriend.id)).toHaveLength(1);

    // A blocking author's post leaves the feed at once, though the ranked snapshot still holds it.
    await creator.block(me);
    home = await api.ok<Home>(HOME, {}, me.token);
    expect(home.homeFeed.edges.map((e) => e.node.id)).not.toContain(fromCreator.id);
    expect(reasonOf(fromOther.id)).toEqual({ kind: 'HASHTAG', hashtag: { name } });

    await api.ok('mutation($n: String!) { unfollowHashtag(name: $n) }', { n: name }, me.token);
    home = await api.ok<Home>(HOME, {}, me.token);
    expect(home.homeFeed.edges.map((e) => e.node.id)).toEqual([fromFriend.id]);
    expect((await page(name, me.token))?.viewerFollows).toBe(false);

    // A post the viewer has already seen is not suggested again.
    await api.ok(
      'mutation($ids: [ID!]!) { markPostsSeen(postIds: $ids) }',
      { ids: [fromOther.id] },
      me.token,
    );
    await api.ok('mutation($n: String!) { followHashtag(name: $n) { name } }', { n: name }, me.token);
    home = await api.ok<Home>(HOME, {}, me.token);
    expect(home.homeFeed.edges.map((e) => e.node.id)).toEqual([fromFriend.id]);
  });

  it('relates tags used on the same posts, relative to their popularity', async () => {
    const [r1, r2, r3] = [tag('rel'), tag('rel'), tag('rel')];
    const author = await seed.user();
    await author.post({ caption: `#${r1} #${r2}` });
    await author.post({ caption: `#${r1} #${r2}` });
    await author.post({ caption: `#${r1} #${r3}` });
    await author.post({ caption: `#${r3}` });
    await refresh();
    expect((await page(r1))?.related).toEqual([
      { name: r2, postCount: 2 },
      { name: r3, postCount: 2 },
    ]);
    expect((await page(r2))?.related.map((h) => h.name)).toEqual([r1]);
  });

  it('trends a tag suddenly used, not one used steadily all week, and never a private one', async () => {
    const [sudden, steady, hidden] = [tag('sudden'), tag('steady'), tag('hidden')];
    const author = await seed.user();
    const secret = await seed.user(undefined, { private: true });
    // Posts written straight into the tables with backdated, time-sortable IDs (and matching created_at).
    const insertUses = async (
      shard: number,
      authorId: string,
      name: string,
      count: number,
      spreadHours: number,
    ) => {
      await db().query(
        `with tag as (insert into hashtags (id, name, post_count) values (next_id(0), $2, $3) returning id),
         made as (
           insert into posts (id, author_id, caption, status, created_at)
           select make_id(ms, $5, g), $1, '#' || $2, 'ready', to_timestamp(ms / 1000.0)
           from (select g, floor(extract(epoch from now()) * 1000)::bigint - 60000
                        - (g::bigint * $4::bigint * 3600000 / $3::bigint) as ms
                 from generate_series(1, $3::int) g) s
           returning id)
         insert into post_hashtags (hashtag_id, post_id) select tag.id, made.id from tag, made`,
        [authorId, name, count, spreadHours, shard],
      );
    };
    await insertUses(4321, author.id, sudden, 20, 1);
    await insertUses(4322, author.id, steady, 500, 7 * 24);
    await insertUses(4323, secret.id, hidden, 20, 1);
    await refresh();

    const names = (
      await api.ok<{ trendingHashtags: { name: string }[] }>('{ trendingHashtags(first: 50) { name } }')
    ).trendingHashtags.map((h) => h.name);
    expect(names).toContain(sudden);
    expect(names).not.toContain(hidden);
    if (names.includes(steady)) expect(names.indexOf(sudden)).toBeLessThan(names.indexOf(steady));
    const rows = await db().query<{ name: string; score: number }>(
      'select h.name, t.score from trending_hashtags t join hashtags h on h.id = t.hashtag_id where h.name = any($1)',
      [[sudden, steady]],
    );
    const score = new Map(rows.map((r) => [r.name, r.score]));
    expect(score.get(sudden)).toBeGreaterThan(3 * (score.get(steady) ?? 0));
  });

  it('costs a constant number of SQL statements for a hashtag page, whatever its size', async () => {
    const [small, large, common] = [tag('small'), tag('large'), tag('common')];
    const authors: SeededUser[] = [];
    for (let i = 0; i < 12; i++) authors.push(await seed.user());
    for (const [i, author] of authors.entries()) {
      // Related tags on both pages, whose counts are read in one batch.
      await author.post({ caption: `#${large} #${common} #${common}${i % 3}` });
      if (i < 4) await author.post({ caption: `#${small} #${common}` });
    }
    await refresh();
    const viewer = await seed.user();
    const cost = async (name: string) => {
      // Warm the session row's last-used touch so it does not count in one measurement only.
      await api.ok(PAGE, { name, first: 1 }, viewer.token);
      const names: string[] = [];
      const database = db();
      const query = database.query;
      database.query = <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
        names.push(/\/\* (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
        return query.call<Db, [string, (readonly SqlParam[])?], Promise<Row[]>>(database, sql, params);
      };
      try {
        const result = await api.ok<Page>(PAGE, { name, first: 12 }, viewer.token);
        return { statements: names.length, names, size: ids(result.hashtag).recent.length };
      } finally {
        database.query = query;
      }
    };
    const few = await cost(small);
    const many = await cost(large);
    expect(few.size).toBe(4);
    expect(many.size).toBe(12);
    // The tag, the viewer's follow, its top list, its recent page, its related tags and their counts, then
    // the posts' hydration in batches (posts, authors, relationships, media): the same for any page size.
    expect(many.statements, many.names.join(', ')).toBeLessThanOrEqual(few.statements);
    expect(many.statements, many.names.join(', ')).toBeLessThanOrEqual(12);
  });
});
