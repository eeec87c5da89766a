import { forbidden, isId, notFound } from '../../errors';
import {
  limitAction,
  presentActors,
  presentComments,
  requirePost,
  requireViewer,
  visibleComment,
} from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs, toConnection } from '../../graphql/keyset';
import { entitiesOf } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { canComment, canDeleteComment, canLike } from '../policy/policy';
import type { CommentRow } from './service';

/** A comment the viewer may see: on a visible post, by an author not in a block relation with the viewer. */
async function requireComment(ctx: GraphQLContext, id: string) {
  const comment = await visibleComment(ctx, id);
  if (!comment) throw notFound('Comment');
  return { comment, ...(await requirePost(ctx, comment.post_id)) };
}

async function freshPost(ctx: GraphQLContext, id: string) {
  ctx.loaders.post.clear(id);
  ctx.loaders.viewerPost.clear(id);
  return (await requirePost(ctx, id)).post;
}

async function freshComment(ctx: GraphQLContext, id: string): Promise<CommentRow> {
  ctx.loaders.comment.clear(id);
  ctx.loaders.viewerLikedComment.clear(id);
  const { comment } = await requireComment(ctx, id);
  // Its post's facts hold the viewer's likes of the preview comments.
  ctx.loaders.viewerPost.clear(comment.post_id);
  return comment;
}

export const engagementResolvers: Resolvers = {
  Post: {
    likePreview: async (p, _, ctx) => {
      const userId = (await ctx.loaders.viewerPost.load(p.id)).likedBy;
      return userId ? ((await presentActors(ctx, [userId]))[0] ?? null) : null;
    },
    previewComments: async (p, _, ctx) =>
      (await presentComments(ctx, await ctx.loaders.previewComments.load(p.id))).filter((c) => c !== null),
  },
  Comment: {
    post: async (c, _, ctx) => (await requirePost(ctx, c.post_id)).post,
    author: async (c, _, ctx) => (await ctx.loaders.user.load(c.author_id))!,
    textEntities: (c) => entitiesOf(c.text),
    likeCount: (c) => c.like_count,
    replyCount: (c) => c.reply_count,
    createdAt: (c) => c.created_at,
    parentId: (c) => c.parent_id,
    viewerHasLiked: (c, _, ctx) => ctx.loaders.viewerLikesComment(c),
    viewerCanDelete: async (c, _, ctx) => {
      const post = await ctx.loaders.post.load(c.post_id);
      return post !== null && canDeleteComment(ctx.viewer?.userId ?? null, c, post);
    },
    replies: async (c, args, ctx) => {
      const page = pageArgs(args, 10);
      const rows = await ctx.services.engagement.repliesOf(c.id, page);
      return toConnection(
        rows,
        page,
        (r) => r.id,
        (kept) => presentComments(ctx, kept),
      );
    },
  },
  Mutation: {
    likePost: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { post, author, rel } = await requirePost(ctx, id);
      if (!canLike(viewerId, post, author, rel)) throw forbidden("You can't like this post yet");
      await limitAction(ctx, 'like');
      await ctx.services.engagement.like(viewerId, post.id);
      return freshPost(ctx, post.id);
    },
    unlikePost: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { post } = await requirePost(ctx, id);
      await ctx.services.engagement.unlike(viewerId, post.id);
      return freshPost(ctx, post.id);
    },
    savePost: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { post } = await requirePost(ctx, id);
      await limitAction(ctx, 'like');
      await ctx.services.engagement.save(viewerId, post.id);
      return freshPost(ctx, post.id);
    },
    unsavePost: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      if (!isId(id)) throw notFound('Post');
      await ctx.services.engagement.unsave(viewerId, id);
      return freshPost(ctx, id);
    },
    addComment: async (_, { input }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { post, author, rel } = await requirePost(ctx, input.postId);
      if (!canComment(viewerId, post, author, rel)) throw forbidden('Commenting is turned off for this post');
      await limitAction(ctx, 'comment');
      return ctx.services.engagement.addComment(viewerId, post.id, input.text, input.replyToId ?? null);
    },
    deleteComment: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { comment, post } = await requireComment(ctx, id);
      if (!canDeleteComment(viewerId, comment, post))
        throw forbidden('You can only delete your own comments');
      await ctx.services.engagement.deleteComment(comment.id);
      return { deletedId: comment.id };
    },
    likeComment: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { comment } = await requireComment(ctx, id);
      await ctx.services.engagement.likeComment(viewerId, comment.id);
      return freshComment(ctx, comment.id);
    },
    unlikeComment: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { comment } = await requireComment(ctx, id);
      await ctx.services.engagement.unlikeComment(viewerId, comment.id);
      return freshComment(ctx, comment.id);
    },
  },
};
