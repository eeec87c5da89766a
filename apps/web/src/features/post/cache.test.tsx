import { relayPagination } from '@urql/exchange-graphcache/extras';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { AddCommentMutation } from '../../components/post/CommentComposer';
import { LikePostMutation } from '../../components/post/usePostMutations';
import { graphql } from '../../graphql';
import { ViewerQuery } from '../../lib/viewer';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { feedCache } from '../feed/cache';
import { postCache } from './cache';
import { PostCommentsQuery } from './queries';

type Answer = unknown | 'pending' | 'refused';

/** Graphcache as lib/client.ts sets it up, with the feed's and the post page's parts, over a scripted server. */
function clientWith(answers: Record<string, () => Answer>) {
  const server = scriptedServer(
    (name) => {
      const answer = answers[name]?.();
      if (answer === undefined || answer === 'pending') return 'pending';
      if (answer === 'refused') {
        return {
          data: null,
          error: new CombinedError({ graphQLErrors: [{ message: 'Commenting is turned off' }] }),
        };
      }
      return { data: answer };
    },
    { delayMs: 1 },
  );
  return graphcacheClient(server.exchange, [feedCache, postCache], {
    keys: {
      PageInfo: () => null,
      TextEntity: () => null,
      Image: () => null,
      CommentConnection: () => null,
      CommentEdge: () => null,
    },
    resolvers: { Post: { comments: relayPagination() }, Comment: { replies: relayPagination() } },
  });
}

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const maya = { __typename: 'User', id: '1', username: 'maya.okafor', isVerified: false, avatar: null };
const lena = { ...maya, id: '2', username: 'lena.climbs' };
const comment = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Comment',
  id,
  text: `comment ${id}`,
  textEntities: [],
  createdAt: '2026-11-20T10:00:00.000Z',
  likeCount: 0,
  replyCount: 0,
  parentId: null,
  viewerHasLiked: false,
  viewerCanDelete: true,
  heldFor: null,
  author: lena,
  post: { __typename: 'Post', id: '100', author: { __typename: 'User', id: '1', username: 'maya.okafor' } },
  replies: { __typename: 'CommentConnection', edges: [], pageInfo },
  ...extra,
});

const PostCounts = graphql(`
  query TestPostCounts {
    post(id: "100") { id commentCount likeCount viewerHasLiked previewComments { id text } }
  }
`);

async function seeded(answers: Record<string, () => Answer> = {}) {
  const client = clientWith({
    Viewer: () => ({
      viewer: { __typename: 'Viewer', user: { ...maya, displayName: 'Maya', isPrivate: false } },
    }),
    PostComments: () => ({
      post: {
        __typename: 'Post',
        id: '100',
        comments: {
          __typename: 'CommentConnection',
          edges: [
            { __typename: 'CommentEdge', cursor: 'a', node: comment('10', { replyCount: 1 }) },
            { __typename: 'CommentEdge', cursor: 'b', node: comment('11') },
          ],
          pageInfo,
        },
      },
    }),
    TestPostCounts: () => ({
      post: {
        __typename: 'Post',
        id: '100',
        commentCount: 3,
        likeCount: 4,
        viewerHasLiked: false,
        previewComments: [comment('10'), comment('11')],
      },
    }),
    ...answers,
  });
  await client.query(ViewerQuery, {}).toPromise();
  await client.query(PostCommentsQuery, { id: '100', first: 20, replies: 5 }).toPromise();
  await client.query(PostCounts, {}).toPromise();
  const read = () => ({
    comments:
      client
        .readQuery(PostCommentsQuery, { id: '100', first: 20, replies: 5 })
        ?.data?.post?.comments.edges.map((e) => e.node.id) ?? null,
    counts: client.readQuery(PostCounts, {})?.data?.post ?? null,
  });
  return { client, read };
}

describe('post cache', () => {
  it('shows a new comment at once, at the end of the list and under the feed card', async () => {
    const { client, read } = await seeded({ AddComment: () => 'pending' });
    void client.mutation(AddCommentMutation, { input: { postId: '100', text: 'So good' } }).toPromise();
    const { comments, counts } = read();
    expect(comments).toHaveLength(3);
    expect(comments?.[2]).toMatch(/^optimistic-/);
    expect(counts?.commentCount).toBe(4);
    expect(counts?.previewComments.map((c) => c.text)).toEqual(['comment 10', 'comment 11', 'So good']);
  });

  it('takes the comment back when the server refuses it', async () => {
    const { client, read } = await seeded({ AddComment: () => 'refused' });
    const result = await client.mutation(AddCommentMutation, { input: { postId: '100', text: 'So good' } });
    expect(result.error).toBeDefined();
    expect(read().comments).toEqual(['10', '11']);
    expect(read().counts?.commentCount).toBe(3);
  });

  it('keeps the server’s comment once it answers', async () => {
    const { client, read } = await seeded({
      AddComment: () => ({
        addComment: {
          ...comment('12', { author: maya }),
          post: { ...comment('12').post, commentCount: 4 },
        },
      }),
    });
    await client.mutation(AddCommentMutation, { input: { postId: '100', text: 'So good' } }).toPromise();
    expect(read().comments).toEqual(['10', '11', '12']);
    expect(read().counts?.commentCount).toBe(4);
  });

  it('removes a deleted comment with its replies from the count', async () => {
    const { client, read } = await seeded({ DeleteComment: () => 'pending' });
    const DeleteComment = graphql(`
      mutation DeleteComment($id: ID!) { deleteComment(id: $id) { deletedId } }
    `);
    void client.mutation(DeleteComment, { id: '10' }).toPromise();
    expect(read().comments).toEqual(['11']);
    expect(read().counts?.commentCount).toBe(1);
    expect(read().counts?.previewComments.map((c) => c.id)).toEqual(['11']);
  });

  it('likes at once and undoes the like when the server refuses', async () => {
    const { client, read } = await seeded({ LikePost: () => 'refused' });
    const liking = client.mutation(LikePostMutation, { id: '100' }).toPromise();
    expect(read().counts).toMatchObject({ viewerHasLiked: true, likeCount: 5 });
    await liking;
    expect(read().counts).toMatchObject({ viewerHasLiked: false, likeCount: 4 });
  });
});
