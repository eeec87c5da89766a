import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

const PROFILE = `query($u: String!) { user(username: $u) {
  id username followerCount followingCount postCount isPrivate viewerFollowState viewerFollows followsViewer viewerBlocks viewerCanSeeContent
  followers(first: 10) { edges { node { username } } }
  following(first: 10) { edges { node { username } } }
} }`;

type Profile = {
  user: {
    id: string;
    followerCount: number;
    followingCount: number;
    viewerFollowState: string;
    followsViewer: boolean;
    viewerBlocks: boolean;
    viewerCanSeeContent: boolean;
    followers: { edges: { node: { username: string } }[] };
    following: { edges: { node: { username: string } }[] };
  } | null;
};

describe.skipIf(!(await modeAvailable()))(`social graph [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const profile = async (username: string, token?: string) =>
    (await api.ok<Profile>(PROFILE, { u: username }, token)).user;

  it('follows and unfollows a public account, keeping both counts', async () => {
    const ana = await seed.user();
    const bo = await seed.user();
    expect(await bo.follow(ana)).toBe('FOLLOWING');
    expect(await bo.follow(ana)).toBe('FOLLOWING'); // idempotent
    let seen = await profile(ana.username, bo.token);
    expect(seen).toMatchObject({ followerCount: 1, viewerFollowState: 'FOLLOWING' });
    expect(seen?.followers.edges.map((e) => e.node.username)).toEqual([bo.username]);
    expect((await profile(bo.username, ana.token))?.followingCount).toBe(1);
    expect((await profile(bo.username, ana.token))?.followsViewer).toBe(true);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: ana.id }, bo.token);
    seen = await profile(ana.username, bo.token);
    expect(seen).toMatchObject({ followerCount: 0, viewerFollowState: 'NONE' });
  });

  it('refuses following yourself', async () => {
    const ana = await seed.user();
    const err = await api.fails(
      'mutation($id: ID!) { follow(userId: $id) { id } }',
      { id: ana.id },
      ana.token,
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('turns a follow of a private account into a request: approve, decline, cancel', async () => {
    const priv = await seed.user(undefined, { private: true });
    const [a, b, c] = [await seed.user(), await seed.user(), await seed.user()];
    expect(await a.follow(priv)).toBe('REQUESTED');
    expect(await b.follow(priv)).toBe('REQUESTED');
    expect(await c.follow(priv)).toBe('REQUESTED');
    const inbox = await api.ok<{ viewer: { followRequests: { edges: { node: { username: string } }[] } } }>(
      '{ viewer { followRequests(first: 10) { edges { node { username } } } } }',
      {},
      priv.token,
    );
    expect(inbox.viewer.followRequests.edges.map((e) => e.node.username)).toEqual([
      c.username,
      b.username,
      a.username,
    ]);
    // Until approved, the requester sees nothing but the header.
    expect(await profile(priv.username, a.token)).toMatchObject({
      viewerFollowState: 'REQUESTED',
      viewerCanSeeContent: false,
    });
    await priv.approve(a);
    await api.ok('mutation($id: ID!) { declineFollowRequest(userId: $id) { id } }', { id: b.id }, priv.token);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: priv.id }, c.token);
    expect(await profile(priv.username, a.token)).toMatchObject({
      viewerFollowState: 'FOLLOWING',
      viewerCanSeeContent: true,
    });
    expect((await profile(priv.username, b.token))?.viewerFollowState).toBe('NONE');
    expect((await profile(priv.username, c.token))?.viewerFollowState).toBe('NONE');
    const left = await api.ok<{ viewer: { followRequests: { edges: unknown[] } } }>(
      '{ viewer { followRequests { edges { cursor } } } }',
      {},
      priv.token,
    );
    expect(left.viewer.followRequests.edges).toHaveLength(0);
    const err = await api.fails(
      'mutation($id: ID!) { approveFollowRequest(userId: $id) { id } }',
      { id: b.id },
      priv.token,
    );
    expect(err.extensions?.code).toBe('NOT_FOUND');
  });

  it('approves every pending request when an account goes public', async () => {
    const priv = await seed.user(undefined, { private: true });
    const fan = await seed.user();
    await fan.follow(priv);
    await api.ok('mutation { updateProfile(input: { isPrivate: false }) { id } }', {}, priv.token);
    expect(await profile(priv.username, fan.token)).toMatchObject({
      viewerFollowState: 'FOLLOWING',
      followerCount: 1,
    });
  });

  it('removes a follower', async () => {
    const ana = await seed.user();
    const bo = await seed.user();
    await bo.follow(ana);
    await api.ok('mutation($id: ID!) { removeFollower(userId: $id) { id } }', { id: bo.id }, ana.token);
    expect(await profile(ana.username, bo.token)).toMatchObject({
      viewerFollowState: 'NONE',
      followerCount: 0,
    });
  });

  it('block ends follows both ways and makes the blocker invisible to the blocked', async () => {
    const ana = await seed.user();
    const bo = await seed.user();
    await bo.follow(ana);
    await ana.follow(bo);
    await ana.block(bo);
    // To the blocked user the blocker does not exist.
    expect(await profile(ana.username, bo.token)).toBeNull();
    const refollow = await api.fails(
      'mutation($id: ID!) { follow(userId: $id) { id } }',
      { id: ana.id },
      bo.token,
    );
    expect(refollow.extensions?.code).toBe('NOT_FOUND');
    // The blocker still sees the header (to unblock) but none of the content.
    const seen = await profile(bo.username, ana.token);
    expect(seen).toMatchObject({
      viewerBlocks: true,
      viewerCanSeeContent: false,
      followerCount: 0,
      followingCount: 0,
    });
    expect(seen?.followers.edges).toEqual([]);
    const own = await profile(ana.username, ana.token);
    expect(own).toMatchObject({ followerCount: 0, followingCount: 0 });
    await api.ok('mutation($id: ID!) { unblock(userId: $id) { id } }', { id: bo.id }, ana.token);
    expect(await profile(ana.username, bo.token)).not.toBeNull();
  });

  it('paginates followers with keyset cursors, newest first, without repeats', async () => {
    const star = await seed.user();
    const fans = [];
    for (let i = 0; i < 7; i++) {
      const fan = await seed.user();
      await fan.follow(star);
      fans.push(fan.username);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        user: {
          followers: {
            edges: { node: { username: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      } = await api.ok(
        'query($u: String!, $after: String) { user(username: $u) { followers(first: 3, after: $after) { edges { node { username } } pageInfo { hasNextPage endCursor } } } }',
        { u: star.username, after },
      );
      seen.push(...page.user.followers.edges.map((e) => e.node.username));
      if (!page.user.followers.pageInfo.hasNextPage) break;
      after = page.user.followers.pageInfo.endCursor;
    }
    expect(seen).toEqual(fans.reverse());
    const bad = await api.fails(
      'query($u: String!) { user(username: $u) { followers(after: "!!nope") { edges { cursor } } } }',
      {
        u: star.username,
      },
    );
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await api.fails(
      'query($u: String!) { user(username: $u) { followers(first: 500) { edges { cursor } } } }',
      {
        u: star.username,
      },
    );
    expect(big.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
