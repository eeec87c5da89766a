import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

const FEED = '{ favoritesFeed(first: 20) { edges { node { id author { username } } } } }';
const ADD = 'mutation($id: ID!) { addFavorite(userId: $id) { username viewerFavorite } }';

describe.skipIf(!(await modeAvailable()))(`favorites [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  it('keeps a feed of favourite accounts only, newest first, and drops them when unfollowed', async () => {
    const me = await seed.user();
    const [fav, other] = [await seed.user(), await seed.user()];
    await me.follow(fav);
    await me.follow(other);
    const refused = await api.fails(ADD, { id: me.id }, me.token);
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const added = await api.ok<{ addFavorite: { viewerFavorite: boolean } }>(ADD, { id: fav.id }, me.token);
    expect(added.addFavorite.viewerFavorite).toBe(true);
    const [p1, , p3] = [await fav.post(), await other.post(), await fav.post()];
    const feed = await api.ok<{ favoritesFeed: { edges: { node: { id: string } }[] } }>(FEED, {}, me.token);
    expect(feed.favoritesFeed.edges.map((e) => e.node.id)).toEqual([p3.id, p1.id]);
    const list = await api.ok<{ viewer: { favorites: { username: string }[] } }>(
      '{ viewer { favorites { username } } }',
      {},
      me.token,
    );
    expect(list.viewer.favorites.map((u) => u.username)).toEqual([fav.username]);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: fav.id }, me.token);
    const after = await api.ok<{ favoritesFeed: { edges: unknown[] } }>(FEED, {}, me.token);
    expect(after.favoritesFeed.edges).toEqual([]);
    await api.ok(
      'mutation($id: ID!) { removeFavorite(userId: $id) { viewerFavorite } }',
      { id: fav.id },
      me.token,
    );
    const none = await api.ok<{ viewer: { favorites: unknown[] } }>(
      '{ viewer { favorites { id } } }',
      {},
      me.token,
    );
    expect(none.viewer.favorites).toEqual([]);
  });

  it('only takes accounts you follow, and at most 50', async () => {
    const me = await seed.user();
    const stranger = await seed.user();
    const err = await api.fails(ADD, { id: stranger.id }, me.token);
    expect(err.extensions?.code).toBe('FORBIDDEN');
    const { db } = server.glimpse.platform;
    // Fifty followed favourites made directly in the database (the graph API is tested elsewhere).
    await db.query(
      `with made as (
         insert into users (username, email, password_hash)
         select 'fav_' || g || '_' || $2, 'fav_' || g || '_' || $2 || '@example.test', 'x' from generate_series(1, 51) g
         returning id
       ), followed as (
         insert into follows (id, follower_id, followee_id) select next_id(shard_of($1)), $1, id from made returning followee_id
       ) insert into favorites (user_id, favorite_id) select $1, followee_id from followed limit 50`,
      [me.id, me.username],
    );
    const [extra] = await db.query<{ id: string }>(
      `select f.followee_id::text as id from follows f where f.follower_id = $1
       and not exists (select 1 from favorites v where v.user_id = $1 and v.favorite_id = f.followee_id)`,
      [me.id],
    );
    const full = await api.fails(ADD, { id: extra!.id }, me.token);
    expect(full.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(full.message).toContain('up to 50');
  });
});
