import { describe, expect, it } from 'vitest';
import { reconcileCounters } from '../src/modules/counters/reconcile';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

const POST = `query($id: ID!) { post(id: $id) {
  likeCount commentCount viewerHasLiked viewerHasSaved viewerCanComment commentsDisabled
  likers(first: 10) { edges { node { username } } }
  comments(first: 10) { edges { node { id text likeCount replyCount viewerHasLiked viewerCanDelete author { username }
    replies(first: 10) { edges { node { id text parentId author { username } } } } } } }
} }`;

type CommentView = {
  id: string;
  text: string;
  likeCount: number;
  replyCount: number;
  viewerHasLiked: boolean;
  viewerCanDelete: boolean;
  author: { username: string };
  replies: {
    edges: { node: { id: string; text: string; parentId: string; author: { username: string } } }[];
  };
};
type PostView = {
  post: {
    likeCount: number;
    commentCount: number;
    viewerHasLiked: boolean;
    viewerHasSaved: boolean;
    viewerCanComment: boolean;
    likers: { edges: { node: { username: string } }[] };
    comments: { edges: { node: CommentView }[] };
  } | null;
};

describe.skipIf(!(await modeAvailable()))(`engagement [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const view = async (id: string, token?: string) => (await api.ok<PostView>(POST, { id }, token)).post;

  it('likes idempotently, lists likers newest first, unlikes', async () => {
    const author = await seed.user();
    const [a, b] = [await seed.user(), await seed.user()];
    const post = await author.post();
    await a.like(post);
    await a.like(post);
    await b.like(post);
    expect(await view(post.id, a.token)).toMatchObject({ likeCount: 2, viewerHasLiked: true });
    expect((await view(post.id))?.likers.edges.map((e) => e.node.username)).toEqual([b.username, a.username]);
    await api.ok('mutation($id: ID!) { unlikePost(id: $id) { likeCount } }', { id: post.id }, a.token);
    await api.ok('mutation($id: ID!) { unlikePost(id: $id) { likeCount } }', { id: post.id }, a.token);
    expect(await view(post.id, a.token)).toMatchObject({ likeCount: 1, viewerHasLiked: false });
  });

  it('keeps counters exact under concurrent likes and unlikes', async () => {
    const author = await seed.user();
    const post = await author.post();
    const fans = await Promise.all(Array.from({ length: 8 }, () => seed.user()));
    await Promise.all(fans.flatMap((fan) => [fan.like(post), fan.like(post)]));
    await Promise.all(
      fans
        .slice(0, 3)
        .map((fan) =>
          api.ok('mutation($id: ID!) { unlikePost(id: $id) { id } }', { id: post.id }, fan.token),
        ),
    );
    expect((await view(post.id))?.likeCount).toBe(5);
    const drift = await reconcileCounters(server.glimpse.platform.db);
    expect(
      Object.values(drift).every((n) => n === 0),
      JSON.stringify(drift),
    ).toBe(true);
  });

  it('comments with one level of replies; a reply to a reply joins the thread', async () => {
    const author = await seed.user();
    const [a, b] = [await seed.user(), await seed.user()];
    const post = await author.post();
    const top = await a.comment(post, 'Love the light here <script>x</script>');
    const reply = await b.comment(post, `@${a.username} agreed`, top);
    const nested = await author.comment(post, 'thanks both', reply);
    const seen = await view(post.id, author.token);
    expect(seen?.commentCount).toBe(3);
    const [thread] = seen!.comments.edges.map((e) => e.node);
    expect(thread).toMatchObject({
      text: 'Love the light here <script>x</script>',
      replyCount: 2,
      viewerCanDelete: true,
    });
    expect(thread!.replies.edges.map((e) => [e.node.id, e.node.parentId])).toEqual([
      [reply, top],
      [nested, top],
    ]);
  });

  it('refuses empty, over-long and malformed comments', async () => {
    const author = await seed.user();
    const post = await author.post();
    for (const [text, message] of [
      ['   ', "can't be empty"],
      ['x'.repeat(2201), '2200'],
      ['bad \ud800', 'invalid characters'],
    ] as const) {
      const err = await api.fails(
        'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { postId: post.id, text } },
        author.token,
      );
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(err.message).toContain(message);
    }
    const otherPost = await author.post();
    const top = await author.comment(otherPost, 'elsewhere');
    const err = await api.fails(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { postId: post.id, text: 'hi', replyToId: top } },
      author.token,
    );
    expect(err.extensions?.field).toBe('replyToId');
    expect((await view(post.id))?.commentCount).toBe(0);
  });

  it('likes a comment; deletes: the author of the comment or of the post, nobody else', async () => {
    const author = await seed.user();
    const [a, b] = [await seed.user(), await seed.user()];
    const post = await author.post();
    const ca = await a.comment(post, 'from a');
    await b.comment(post, 'reply from b', ca);
    const cb = await b.comment(post, 'from b');
    const liked = await api.ok<{ likeComment: { likeCount: number; viewerHasLiked: boolean } }>(
      'mutation($id: ID!) { likeComment(id: $id) { likeCount viewerHasLiked } }',
      { id: ca },
      b.token,
    );
    expect(liked.likeComment).toEqual({ likeCount: 1, viewerHasLiked: true });
    const denied = await api.fails(
      'mutation($id: ID!) { deleteComment(id: $id) { deletedId } }',
      { id: ca },
      b.token,
    );
    expect(denied.extensions?.code).toBe('FORBIDDEN');
    await api.ok('mutation($id: ID!) { deleteComment(id: $id) { deletedId } }', { id: ca }, author.token);
    await api.ok('mutation($id: ID!) { deleteComment(id: $id) { deletedId } }', { id: cb }, b.token);
    // The thread's reply went with its parent.
    expect(await view(post.id)).toMatchObject({ commentCount: 0, comments: { edges: [] } });
    const gone = await api.fails(
      'mutation($id: ID!) { deleteComment(id: $id) { deletedId } }',
      { id: cb },
      b.token,
    );
    expect(gone.extensions?.code).toBe('NOT_FOUND');
  });

  it('turns commenting off and on', async () => {
    const author = await seed.user();
    const fan = await seed.user();
    const post = await author.post();
    await api.ok(
      'mutation($id: ID!) { setCommentsDisabled(postId: $id, disabled: true) { commentsDisabled } }',
      { id: post.id },
      author.token,
    );
    expect((await view(post.id, fan.token))?.viewerCanComment).toBe(false);
    const err = await api.fails(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { postId: post.id, text: 'hello' } },
      fan.token,
    );
    expect(err.extensions?.code).toBe('FORBIDDEN');
    const notYours = await api.fails(
      'mutation($id: ID!) { setCommentsDisabled(postId: $id, disabled: false) { id } }',
      { id: post.id },
      fan.token,
    );
    expect(notYours.extensions?.code).toBe('FORBIDDEN');
    await api.ok(
      'mutation($id: ID!) { setCommentsDisabled(postId: $id, disabled: false) { id } }',
      { id: post.id },
      author.token,
    );
    expect((await view(post.id, fan.token))?.viewerCanComment).toBe(true);
  });

  it("saves and unsaves; the saved list is only its owner's", async () => {
    const author = await seed.user();
    const fan = await seed.user();
    const [p1, p2] = [await author.post(), await author.post()];
    await fan.save(p1);
    await fan.save(p2);
    await fan.save(p1);
    const saved = await api.ok<{
      viewer: { savedPosts: { edges: { node: { id: string; viewerHasSaved: boolean } }[] } };
    }>('{ viewer { savedPosts { edges { node { id viewerHasSaved } } } } }', {}, fan.token);
    expect(saved.viewer.savedPosts.edges.map((e) => e.node.id)).toEqual([p2.id, p1.id]);
    expect(saved.viewer.savedPosts.edges.every((e) => e.node.viewerHasSaved)).toBe(true);
    // No other path reads another person's saves: the field lives only on Viewer.
    const probe = await api.gql(
      'query($u: String!) { user(username: $u) { savedPosts { edges { cursor } } } }',
      { u: fan.username },
      { token: author.token },
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await api.ok('mutation($id: ID!) { unsavePost(id: $id) { viewerHasSaved } }', { id: p1.id }, fan.token);
    expect((await view(p1.id, fan.token))?.viewerHasSaved).toBe(false);
  });
});
