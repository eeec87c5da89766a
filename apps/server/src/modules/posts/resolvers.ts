import { limitAction, presentComments, requirePost, requireViewer, visiblePost } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs, toConnection } from '../../graphql/keyset';
import { entitiesOf, toUpperStatus, userConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { canComment, canModifyPost } from '../policy/policy';
import { recipeOrIdentity } from './service';

/**
 * Who may change a post: someone who can't see it gets NOT_FOUND (it does not exist for them), and only
 * then does the service refuse a non-author with FORBIDDEN.
 */
async function changer(ctx: GraphQLContext, postId: string): Promise<string> {
  const viewerId = requireViewer(ctx);
  await requirePost(ctx, postId);
  return viewerId;
}

export const postsResolvers: Resolvers = {
  Query: {
    post: async (_, { id }, ctx) => (await visiblePost(ctx, id))?.post ?? null,
  },
  Post: {
    author: async (p, _, ctx) => (await ctx.loaders.user.load(p.author_id))!,
    captionEntities: (p) => entitiesOf(p.caption),
    media: (p, _, ctx) => ctx.loaders.mediaOfPost.load(p.id),
    status: (p) => toUpperStatus(p.status),
    archived: (p) => p.archived_at !== null,
    commentsDisabled: (p) => p.comments_disabled,
    likeCount: (p, _, ctx) =>
      ctx.viewer?.userId === p.author_id
        ? p.like_count
        : Math.max(0, p.like_count - (p.flagged_like_count || 0)),
    commentCount: (p) => p.comment_count,
    createdAt: (p) => p.created_at,
    editedAt: (p) => p.edited_at,
    viewerHasLiked: async (p, _, ctx) => (await ctx.loaders.viewerPost.load(p.id)).liked,
    viewerHasSaved: async (p, _, ctx) => (await ctx.loaders.viewerPost.load(p.id)).saved,
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
    // The edit fields are the author's alone: others learn nothing of how a photo was edited.
    recipe: (m, _, ctx) => (ctx.viewer?.userId === m.author_id ? recipeOrIdentity(m.recipe, m.crop) : null),
    original: async (m, _, ctx) => {
      if (ctx.viewer?.userId !== m.author_id) return null;
      // Photos posted before edit recipes learn their original's size once, on first ask.
      const size =
        m.original_width && m.original_height
          ? { width: m.original_width, height: m.original_height }
          : await ctx.services.posts.originalSizeOf(m);
      return size ? { url: ctx.urls.media(`original/${m.id}`), ...size } : null;
    },
    editPending: (m, _, ctx) => ctx.viewer?.userId === m.author_id && m.edit_pending,
  },
  Mutation: {
    createPost: async (_, { input }, ctx) => {
      const viewerId = requireViewer(ctx);
      await limitAction(ctx, 'post');
      return ctx.services.posts.create(viewerId, input);
    },
    editPost: async (_, { input }, ctx) => ctx.services.posts.edit(await changer(ctx, input.postId), input),
    archivePost: async (_, { id }, ctx) => ctx.services.posts.setArchived(await changer(ctx, id), id, true),
    unarchivePost: async (_, { id }, ctx) =>
      ctx.services.posts.setArchived(await changer(ctx, id), id, false),
    deletePost: async (_, { id }, ctx) => {
      await ctx.services.posts.delete(await changer(ctx, id), id);
      return { deletedId: id };
    },
    setCommentsDisabled: async (_, { postId, disabled }, ctx) =>
      ctx.services.posts.setCommentsDisabled(await changer(ctx, postId), postId, disabled),
    editPostMedia: async (_, { postId, media }, ctx) => {
      const viewerId = await changer(ctx, postId);
      // A re-edit costs a render like a new post does.
      await limitAction(ctx, 'post');
      return ctx.services.posts.editMedia(viewerId, postId, media);
    },
  },
};
