import { notFound } from '../../errors';
import { requireUser, requireViewer, visibleComment } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/resolvers.generated';

/** The account acted on, as the viewer sees it; its cached relation flags are dropped. */
async function target(ctx: GraphQLContext, userId: string) {
  const viewerId = requireViewer(ctx);
  const { user } = await requireUser(ctx, userId);
  ctx.loaders.viewerRestricted.clear(user.id);
  ctx.loaders.viewerMute.clear(user.id);
  return { viewerId, user };
}

export const safetyResolvers: Resolvers = {
  User: {
    viewerRestricted: (u, _, ctx) => ctx.loaders.viewerRestricted.load(u.id),
    viewerMutedPosts: async (u, _, ctx) => (await ctx.loaders.viewerMute.load(u.id)).posts,
    viewerMutedStories: async (u, _, ctx) => (await ctx.loaders.viewerMute.load(u.id)).stories,
  },
  Comment: {
    heldFor: (c) =>
      c.hidden_reason === 'restricted'
        ? 'RESTRICTED'
        : c.hidden_reason === 'hidden_word'
          ? 'HIDDEN_WORD'
          : null,
  },
  Viewer: {
    hiddenWords: ({ userId }, _, ctx) => ctx.services.safety.hiddenWords(userId),
    interactionsLimitedUntil: ({ userId }, _, ctx) => ctx.services.safety.interactionLimit(userId),
  },
  Mutation: {
    restrict: async (_, { userId }, ctx) => {
      const { viewerId, user } = await target(ctx, userId);
      await ctx.services.safety.restrict(viewerId, user.id);
      return user;
    },
    unrestrict: async (_, { userId }, ctx) => {
      const { viewerId, user } = await target(ctx, userId);
      await ctx.services.safety.unrestrict(viewerId, user.id);
      return user;
    },
    mute: async (_, { userId, posts, stories }, ctx) => {
      const { viewerId, user } = await target(ctx, userId);
      await ctx.services.safety.mute(viewerId, user.id, { posts, stories });
      return user;
    },
    setHiddenWords: (_, { words, useDefault }, ctx) =>
      ctx.services.safety.setHiddenWords(requireViewer(ctx), { words, useDefault }),
    limitInteractions: (_, { days }, ctx) =>
      ctx.services.safety.limitInteractions(requireViewer(ctx), days ?? null),
    approveComment: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const comment = await visibleComment(ctx, id);
      if (!comment || !(await ctx.services.safety.approveComment(viewerId, comment.id)))
        throw notFound('Comment');
      await ctx.services.engagement.commentsChanged([comment.post_id]);
      return { ...comment, hidden_reason: null };
    },
  },
};
