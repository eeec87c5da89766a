import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

/**
 * Hydration is cached (shared cache and in-process copies): each story reads once so the caches hold
 * the old state, writes, and reads again. Every write must show at once.
 */
const CARD = `query($id: ID!) { post(id: $id) {
  id likeCount
  author { viewerFollowState }
  media { id altText }
  likePreview { username }
  previewComments { id text likeCount viewerHasLiked author { username } }
} }`;

type Card = {
  post: {
    id: string;
    likeCount: number;
    author: { viewerFollowState: string };
    media: { id: string; altText: string }[];
    likePreview: { username: string } | null;
    previewComments: {
      id: string;
      text: string;
      likeCount: number;
      viewerHasLiked: boolean;
      author: { username: string };
    }[];
  } | null;
};

describe.skipIf(!(await modeAvailable()))(`cached hydration stays true after writes [${MODE}]`, () => {
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ api, seed } = w));

  const card = async (postId: string, token: string) =>
    (await api.ok<Card>(CARD, { id: postId }, token)).post;

  it('a block hides the blocker’s like and comment from a card already read, and an unblock shows them again', async () => {
    const [host, viewer, other] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await host.post();
    await other.like(post);
    await other.comment(post, 'from the other');
    expect((await card(post.id, viewer.token))?.previewComments.map((c) => c.text)).toEqual([
      'from the other',
    ]);

    await other.block(viewer);
    const blocked = await card(post.id, viewer.token);
    expect(blocked?.likePreview).toBeNull();
    expect(blocked?.previewComments).toEqual([]);

    await api.ok('mutation($id: ID!) { unblock(userId: $id) { id } }', { id: viewer.id }, other.token);
    const unblocked = await card(post.id, viewer.token);
    expect(unblocked?.likePreview?.username).toBe(other.username);
    expect(unblocked?.previewComments.map((c) => c.text)).toEqual(['from the other']);
  });

  it('follow requests, approvals, declines and removals change what a viewer sees of a private account at once', async () => {
    const [owner, viewer] = [await seed.user(), await seed.user()];
    const post = await owner.post();
    await owner.goPrivate();
    const state = async () =>
      (
        await api.ok<{ user: { viewerFollowState: string } | null }>(
          'query($u: String!) { user(username: $u) { viewerFollowState } }',
          { u: owner.username },
          viewer.token,
        )
      ).user?.viewerFollowState;

    expect(await card(post.id, viewer.token)).toBeNull();
    expect(await state()).toBe('NONE');
    expect(await viewer.follow(owner)).toBe('REQUESTED');
    expect(await state()).toBe('REQUESTED');
    await api.ok(
      'mutation($id: ID!) { declineFollowRequest(userId: $id) { id } }',
      { id: viewer.id },
      owner.token,
    );
    expect(await state()).toBe('NONE');

    await viewer.follow(owner);
    await owner.approve(viewer);
    expect(await state()).toBe('FOLLOWING');
    expect((await card(post.id, viewer.token))?.author.viewerFollowState).toBe('FOLLOWING');

    await api.ok('mutation($id: ID!) { removeFollower(userId: $id) { id } }', { id: viewer.id }, owner.token);
    expect(await card(post.id, viewer.token)).toBeNull();
    expect(await state()).toBe('NONE');
  });

  it('preview comments follow new, liked and deleted comments', async () => {
    const [author, viewer, other] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await author.post();
    const first = await other.comment(post, 'first');
    expect((await card(post.id, viewer.token))?.previewComments.map((c) => c.text)).toEqual(['first']);

    const second = await other.comment(post, 'second');
    await api.ok('mutation($id: ID!) { likeComment(id: $id) { id } }', { id: first }, viewer.token);
    let comments = (await card(post.id, viewer.token))?.previewComments;
    expect(comments?.map((c) => [c.text, c.likeCount, c.viewerHasLiked])).toEqual([
      ['first', 1, true],
      ['second', 0, false],
    ]);

    await api.ok('mutation($id: ID!) { unlikeComment(id: $id) { id } }', { id: first }, viewer.token);
    await api.ok('mutation($id: ID!) { deleteComment(id: $id) { deletedId } }', { id: second }, other.token);
    comments = (await card(post.id, viewer.token))?.previewComments;
    expect(comments?.map((c) => [c.text, c.likeCount, c.viewerHasLiked])).toEqual([['first', 0, false]]);
  });

  it('an alt-text edit and a like show on the next read', async () => {
    const [author, viewer] = [await seed.user(), await seed.user()];
    const post = await author.post({ altText: 'before' });
    const before = await card(post.id, viewer.token);
    expect(before?.media.map((m) => m.altText)).toEqual(['before']);

    await api.ok(
      'mutation($input: EditPostInput!) { editPost(input: $input) { id } }',
      { input: { postId: post.id, altTexts: [{ mediaId: post.mediaIds[0], altText: 'after' }] } },
      author.token,
    );
    await viewer.like(post);
    const after = await card(post.id, viewer.token);
    expect(after?.media.map((m) => m.altText)).toEqual(['after']);
    expect(after?.likeCount).toBe(1);
    expect(after?.likePreview?.username).toBe(viewer.username);
  });
});
