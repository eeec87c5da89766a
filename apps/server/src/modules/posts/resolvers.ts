import { presentComments, requireViewer, visiblePost } from '../../graphql/access';
import { pageArgs, toConnection } from '../../graphql/keyset';
import { toUpperStatus, userConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { canComment, canModifyPost } from '../policy/policy';
import { parseEntities } from '../text/entities';

export const postsResolvers: Resolvers = {
  Query: {
    post: async (_, { id }, ctx) => (await visiblePost(ctx, id))?.post ?? null,
  },
  Post: {
    author: async (p, _, ctx) => (await ctx.loaders.user.load(p.author_id))!,
    captionEntities: (p) => parseEntities(p.caption),
    media: (p, _, ctx) => ctx.loaders.mediaOfPost.load(p.id),
    status: (p) => toUpperStatus(p.status),
    archived: (p) => p.archived_at !== null,
    commentsDisabled: (p) => p.comments_disabled,
    likeCount: (p) => p.like_count,
    commentCount: (p) => p.comment_count,
    createdAt: (p) => p.created_at,
    editedAt: (p) => p.edited_at,
    viewerHasLiked: (p, _, ctx) => ctx.loaders.viewerLiked.load(p.id),
    viewerHasSaved: (p, _, ctx) => ctx.loaders.viewerSaved.load(p.id),
    viewerCanEdit: (p, _, ctx) => canModifyPost(ctx.viewer?.userId ?? null, p),
    viewerCanDelete: (p, _, ctx) => canModifyPost(ctx.viewer?.userId ?? null, p),
    viewerCanComment: async (p, _, ctx) => {
      const [author, rel] = await Promise.all([
        ctx.loaders.user.load(p.author_id),
        ctx.loaders.relationship.load(p.author_id),
      ]);
      return author !== null && canComment(ctx.viewer?.userId ?? null, p, author, rel);
    },
    likers: async (p, args, ctx) => {
      const page = pageArgs(args);
      const rows = await ctx.services.engagement.likers(p.id, page);
      return userConnection(
        ctx,
        rows,
        page,
        (r) => r.edgeId,
        (r) => r.userId,
      );
    },
    comments: async (p, args, ctx) => {
      const page = pageArgs(args, 20);
      const rows = await ctx.services.engagement.commentsOf(p.id, page);
      return toConnection(
        rows,
        page,
        (r) => r.id,
        (kept) => presentComments(ctx, kept),
      );
    },
    url: (p, _, ctx) => ctx.urls.post(p.id),
  },
  PostMedia: {
    altText: (m) => m.alt_text,
    status: (m) => toUpperStatus(m.status),
    image: (m) =>
      m.status === 'ready' && m.width && m.height
        ? {
            width: m.width,
            height: m.height,
            thumbhash: m.thumbhash ?? '',
            dominantColor: m.dominant_color ?? '#000000',
            variants: m.variants,
          }
        : null,
  },
  Mutation: {
    createPost: (_, { input }, ctx) => ctx.services.posts.create(requireViewer(ctx), input),
    editPost: (_, { input }, ctx) => ctx.services.posts.edit(requireViewer(ctx), input),
    archivePost: (_, { id }, ctx) => ctx.services.posts.setArchived(requireViewer(ctx), id, true),
    unarchivePost: (_, { id }, ctx) => ctx.services.posts.setArchived(requireViewer(ctx), id, false),
    deletePost: async (_, { id }, ctx) => {
      await ctx.services.posts.delete(requireViewer(ctx), id);
      return { deletedId: id };
    },
    setCommentsDisabled: (_, { postId, disabled }, ctx) =>
      ctx.services.posts.setCommentsDisabled(requireViewer(ctx), postId, disabled),
  },
};
