import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from './support/client';
import { MODE, modeAvailable, startServer, type TestServer } from './support/harness';
import { createSeed, type SeededPost, type SeededUser } from './support/seed';

/**
 * Private means private, tried from the outsider's side: every read path, as six viewers, against a
 * private account and a blocking account. The expected outcome of each cell is written down here.
 */
type Viewer = 'owner' | 'follower' | 'stranger' | 'requester' | 'blocked' | 'anonymous';
const VIEWERS: Viewer[] = ['owner', 'follower', 'stranger', 'requester', 'blocked', 'anonymous'];

// Which viewers may see the private account's content (posts, media, comments, likers, lists).
const SEES_PRIVATE_CONTENT: Record<Viewer, boolean> = {
  owner: true,
  follower: true,
  stranger: false,
  requester: false,
  blocked: false,
  anonymous: false,
};
// Which viewers see the private account's profile header at all (a blocked user sees nothing).
const SEES_HEADER: Record<Viewer, boolean> = {
  owner: true,
  follower: true,
  stranger: true,
  requester: true,
  blocked: false,
  anonymous: true,
};

describe.skipIf(!(await modeAvailable()))(`privacy and blocks [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let owner: SeededUser;
  let post: SeededPost;
  let commentId: string;
  let mediaPath: string;
  const tokens: Partial<Record<Viewer, string>> = {};

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    const seed = createSeed(server, api);
    owner = await seed.user(undefined, { private: true });
    const follower = await seed.user();
    const stranger = await seed.user();
    const requester = await seed.user();
    const blocked = await seed.user();
    await follower.follow(owner);
    await owner.approve(follower);
    await requester.follow(owner);
    await blocked.follow(owner);
    await owner.approve(blocked);
    await owner.block(blocked);
    post = await owner.post({ caption: 'private #secret', photos: 2 });
    await follower.like(post);
    commentId = await follower.comment(post, 'only for friends');
    Object.assign(tokens, {
      owner: owner.token,
      follower: follower.token,
      stranger: stranger.token,
      requester: requester.token,
      blocked: blocked.token,
    });
    const view = await api.ok<{ post: { media: { image: { sources: { url: string }[] } }[] } }>(
      'query($id: ID!) { post(id: $id) { media { image { sources { url } } } } }',
      { id: post.id },
      owner.token,
    );
    mediaPath = new URL(view.post.media[0]!.image.sources[0]!.url, server.url).pathname;
  });
  afterAll(() => server?.stop());

  describe.each(VIEWERS)('as %s', (viewer) => {
    const sees = () => SEES_PRIVATE_CONTENT[viewer];
    const auth = () => (tokens[viewer] ? { token: tokens[viewer] } : {});

    it('profile header and its content lists', async () => {
      const res = await api.gql<{
        user: {
          postCount: number;
          posts: { edges: unknown[] };
          followers: { edges: unknown[] };
          following: { edges: unknown[] };
          viewerCanSeeContent: boolean;
        } | null;
      }>(
        `query($u: String!) { user(username: $u) { postCount viewerCanSeeContent posts { edges { cursor } } followers { edges { cursor } } following { edges { cursor } } } }`,
        { u: owner.username },
        auth(),
      );
      expect(res.errors).toBeUndefined();
      if (!SEES_HEADER[viewer]) {
        expect(res.data?.user).toBeNull();
        return;
      }
      expect(res.data?.user?.postCount).toBe(1); // the header is public, as on Instagram
      expect(res.data?.user?.viewerCanSeeContent).toBe(sees());
      expect(res.data?.user?.posts.edges.length).toBe(sees() ? 1 : 0);
      expect(res.data?.user?.followers.edges.length).toBe(sees() ? 1 : 0);
    });

    it('the post, its comments and likers, by id and as a node', async () => {
      const res = await api.gql<{
        post: { comments: { edges: unknown[] }; likers: { edges: unknown[] } } | null;
        node: unknown;
      }>(
        `query($id: ID!) { post(id: $id) { caption comments { edges { cursor } } likers { edges { cursor } } } node(id: $id) { id } }`,
        { id: post.id },
        auth(),
      );
      expect(res.errors).toBeUndefined();
      if (sees()) {
        expect(res.data?.post?.comments.edges).toHaveLength(1);
        expect(res.data?.post?.likers.edges.length).toBeGreaterThanOrEqual(1); // the actions test may add the viewer's own like
        expect(res.data?.node).not.toBeNull();
      } else {
        expect(res.data?.post).toBeNull();
        expect(res.data?.node).toBeNull();
      }
    });

    it('the photo files', async () => {
      const res = await api.get(mediaPath, tokens[viewer]);
      expect(res.status).toBe(sees() ? 200 : 404);
    });

    it('actions that would reveal the post', async () => {
      if (viewer === 'anonymous') return;
      for (const mutation of [
        'mutation($id: ID!) { likePost(id: $id) { id } }',
        'mutation($id: ID!) { savePost(id: $id) { id } }',
      ]) {
        const res = await api.gql(mutation, { id: post.id }, auth());
        if (sees()) expect(res.errors).toBeUndefined();
        else expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      const comment = await api.gql(
        'mutation($id: ID!) { likeComment(id: $id) { id } }',
        { id: commentId },
        auth(),
      );
      if (sees()) expect(comment.errors).toBeUndefined();
      else expect(comment.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  it("a blocked user sees nothing of the blocker on a third party's public post", async () => {
    const seed = createSeed(server, api);
    const host = await seed.user();
    const blocker = await seed.user();
    const blockedOne = await seed.user();
    const hostPost = await host.post();
    await blocker.like(hostPost);
    await blocker.comment(hostPost, 'from the blocker');
    await blockedOne.comment(hostPost, 'from the blocked');
    await blocker.block(blockedOne);
    const as = async (user: SeededUser) =>
      (
        await api.ok<{
          post: {
            likers: { edges: { node: { username: string } }[] };
            comments: { edges: { node: { text: string } }[] };
          };
        }>(
          'query($id: ID!) { post(id: $id) { likers { edges { node { username } } } comments { edges { node { text } } } } }',
          { id: hostPost.id },
          user.token,
        )
      ).post;
    const seenByBlocked = await as(blockedOne);
    expect(seenByBlocked.likers.edges).toEqual([]);
    expect(seenByBlocked.comments.edges.map((e) => e.node.text)).toEqual(['from the blocked']);
    const seenByBlocker = await as(blocker);
    expect(seenByBlocker.comments.edges.map((e) => e.node.text)).toEqual(['from the blocker']);
    const seenByHost = await as(host);
    expect(seenByHost.comments.edges).toHaveLength(2);
  });
});
