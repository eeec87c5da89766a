import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

const COMMENTS = `query($id: ID!) { post(id: $id) { commentCount
  comments(first: 20) { edges { node { id text heldFor } } }
  previewComments { text } } }`;
type Comments = {
  post: {
    commentCount: number;
    comments: { edges: { node: { id: string; text: string; heldFor: string | null } }[] };
    previewComments: { text: string }[];
  };
};
const FEED = `query($order: FeedOrder) { homeFeed(first: 20, order: $order) { edges { node { id } } } }`;

describe.skipIf(!(await modeAvailable()))(`restrict, mute, hidden words, limits [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));
  const texts = async (postId: string, token?: string) =>
    (await api.ok<Comments>(COMMENTS, { id: postId }, token)).post.comments.edges.map((e) => e.node.text);

  it("a restricted account's comments are seen only by it and the post's author, until approved", async () => {
    const [me, troll, friend] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await me.post();
    const restricted = await api.ok<{ restrict: { viewerRestricted: boolean } }>(
      'mutation($id: ID!) { restrict(userId: $id) { viewerRestricted } }',
      { id: troll.id },
      me.token,
    );
    expect(restricted.restrict.viewerRestricted).toBe(true);
    // The troll can't tell: their own view of themselves shows nothing.
    const trollView = await api.ok<{ user: { viewerRestricted: boolean } }>(
      'query($u: String!) { user(username: $u) { viewerRestricted } }',
      { u: me.username },
      troll.token,
    );
    expect(trollView.user.viewerRestricted).toBe(false);
    const commentId = await troll.comment(post, 'first!');
    await friend.comment(post, 'lovely');
    expect(await texts(post.id, friend.token)).toEqual(['lovely']);
    expect(await texts(post.id)).toEqual(['lovely']);
    expect((await texts(post.id, troll.token)).sort()).toEqual(['first!', 'lovely']);
    const mine = await api.ok<Comments>(COMMENTS, { id: post.id }, me.token);
    expect(mine.post.comments.edges.find((e) => e.node.id === commentId)?.node.heldFor).toBe('RESTRICTED');
    expect(mine.post.previewComments.map((c) => c.text)).toEqual(['lovely']);
    // Only the post's author approves.
    const APPROVE = 'mutation($id: ID!) { approveComment(id: $id) { heldFor } }';
    expect((await api.fails(APPROVE, { id: commentId }, troll.token)).extensions?.code).toBe('NOT_FOUND');
    expect((await api.fails(APPROVE, { id: commentId }, friend.token)).extensions?.code).toBe('NOT_FOUND');
    expect(await api.ok(APPROVE, { id: commentId }, me.token)).toEqual({ approveComment: { heldFor: null } });
    expect((await texts(post.id, friend.token)).sort()).toEqual(['first!', 'lovely']);
  });

  it('hides comments with hidden words (own list and the default one) until approved', async () => {
    const [me, other] = [await seed.user(), await seed.user()];
    const post = await me.post();
    await api.ok(
      'mutation { setHiddenWords(words: ["  Spoiler ", "spoiler", "buy now"], useDefault: true) { words useDefault } }',
      {},
      me.token,
    );
    const settings = await api.ok<{ viewer: { hiddenWords: { words: string[]; useDefault: boolean } } }>(
      '{ viewer { hiddenWords { words useDefault } } }',
      {},
      me.token,
    );
    expect(settings.viewer.hiddenWords).toEqual({ words: ['spoiler', 'buy now'], useDefault: true });
    await other.comment(post, 'SPOILER: he dies');
    await other.comment(post, 'you are so 5tup1d');
    await other.comment(post, 'great shot');
    expect(await texts(post.id, (await seed.user()).token)).toEqual(['great shot']);
    const held = (await api.ok<Comments>(COMMENTS, { id: post.id }, me.token)).post.comments.edges
      .filter((e) => e.node.heldFor === 'HIDDEN_WORD')
      .map((e) => e.node.text);
    expect(held.sort()).toEqual(['SPOILER: he dies', 'you are so 5tup1d']);
    const tooLong = await api.fails(
      'mutation($w: [String!]!) { setHiddenWords(words: $w, useDefault: false) { words } }',
      { w: ['x'.repeat(61)] },
      me.token,
    );
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'words.0' });
  });

  it('limiting interactions leaves comments to followers of more than a week', async () => {
    const [me, newFollower, oldFollower, stranger] = [
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    await newFollower.follow(me);
    await oldFollower.follow(me);
    await server.glimpse.platform.db.query(
      `update follows set created_at = now() - interval '30 days' where follower_id = $1`,
      [oldFollower.id],
    );
    const post = await me.post();
    const LIMIT = 'mutation($d: Int) { limitInteractions(days: $d) }';
    expect((await api.fails(LIMIT, { d: 2 }, me.token)).extensions?.code).toBe('BAD_USER_INPUT');
    const until = await api.ok<{ limitInteractions: string }>(LIMIT, { d: 7 }, me.token);
    expect(new Date(until.limitInteractions).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const ADD = 'mutation($id: ID!) { addComment(input: { postId: $id, text: "hi" }) { id } }';
    for (const who of [newFollower, stranger]) {
      expect((await api.fails(ADD, { id: post.id }, who.token)).extensions?.code).toBe('FORBIDDEN');
    }
    await api.ok(ADD, { id: post.id }, oldFollower.token);
    await api.ok(ADD, { id: post.id }, me.token);
    await api.ok(LIMIT, { d: null }, me.token);
    await api.ok(ADD, { id: post.id }, stranger.token);
    expect((await api.ok<Comments>(COMMENTS, { id: post.id }, me.token)).post.commentCount).toBe(3);
  });

  it("muting an account's posts takes them out of both home feeds, silently", async () => {
    const [me, loud, quiet] = [await seed.user(), await seed.user(), await seed.user()];
    await me.follow(loud);
    await me.follow(quiet);
    const loudPost = await loud.post();
    const quietPost = await quiet.post();
    await seed.waitForJobs();
    const MUTE =
      'mutation($id: ID!, $p: Boolean!) { mute(userId: $id, posts: $p, stories: false) { viewerMutedPosts } }';
    expect(await api.ok(MUTE, { id: loud.id, p: true }, me.token)).toEqual({
      mute: { viewerMutedPosts: true },
    });
    for (const order of ['RANKED', 'CHRONOLOGICAL']) {
      const feed = await api.ok<{ homeFeed: { edges: { node: { id: string } }[] } }>(
        FEED,
        { order },
        me.token,
      );
      expect(feed.homeFeed.edges.map((e) => e.node.id)).toEqual([quietPost.id]);
    }
    // Still on their profile, and still followed.
    expect(
      (
        await api.ok<{ post: unknown }>(
          'query($id: ID!) { post(id: $id) { id } }',
          { id: loudPost.id },
          me.token,
        )
      ).post,
    ).not.toBeNull();
    await api.ok(MUTE, { id: loud.id, p: false }, me.token);
    const back = await api.ok<{ homeFeed: { edges: { node: { id: string } }[] } }>(
      FEED,
      { order: 'CHRONOLOGICAL' },
      me.token,
    );
    expect(back.homeFeed.edges.map((e) => e.node.id).sort()).toEqual([loudPost.id, quietPost.id].sort());
  });
});
