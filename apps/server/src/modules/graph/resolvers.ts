import { limitAction, requireUser, requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/resolvers.generated';

/** Runs a graph change between the viewer and a visible user, then returns that user as it is now. */
async function change(
  ctx: GraphQLContext,
  userId: string,
  act: (viewerId: string, otherId: string) => Promise<unknown>,
) {
  const viewerId = requireViewer(ctx);
  const { user } = await requireUser(ctx, userId);
  await act(viewerId, user.id);
  // Both timelines may now hold posts they should not, or miss posts they should: rebuild on next read.
  await ctx.services.feed.forget([viewerId, user.id]);
  ctx.loaders.relationship.clear(user.id);
  ctx.loaders.viewerBlocks.clear();
  ctx.loaders.user.clear(user.id).clear(viewerId);
  return (await ctx.loaders.user.load(user.id))!;
}

export const graphResolvers: Resolvers = {
  Mutation: {
    follow: async (_, { userId }, ctx) => {
      await limitAction(ctx, 'follow');
      return change(ctx, userId, ctx.services.graph.follow);
    },
    unfollow: (_, { userId }, ctx) => change(ctx, userId, ctx.services.graph.unfollow),
    approveFollowRequest: (_, { userId }, ctx) =>
      change(ctx, userId, (me, requester) => ctx.services.graph.approveRequest(me, requester)),
    declineFollowRequest: (_, { userId }, ctx) =>
      change(ctx, userId, (me, requester) => ctx.services.graph.declineRequest(me, requester)),
    removeFollower: (_, { userId }, ctx) =>
      change(ctx, userId, (me, follower) => ctx.services.graph.removeFollower(me, follower)),
    block: (_, { userId }, ctx) => change(ctx, userId, ctx.services.graph.block),
    unblock: (_, { userId }, ctx) => change(ctx, userId, ctx.services.graph.unblock),
  },
};
