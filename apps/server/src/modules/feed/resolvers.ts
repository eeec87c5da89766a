import { presentActors, requireUser, requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs } from '../../graphql/keyset';
import { postConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';

async function changeFavorite(ctx: GraphQLContext, userId: string, add: boolean) {
  const viewerId = requireViewer(ctx);
  const { user } = await requireUser(ctx, userId);
  if (add) await ctx.services.favorites.add(viewerId, user.id);
  else await ctx.services.favorites.remove(viewerId, user.id);
  ctx.loaders.viewerFavorite.clear(user.id);
  return user;
}

export const feedResolvers: Resolvers = {
  Viewer: {
    favorites: async ({ userId }, _, ctx) =>
      (await presentActors(ctx, await ctx.services.favorites.list(userId))).filter((u) => u !== null),
  },
  User: {
    viewerFavorite: (u, _, ctx) => ctx.loaders.viewerFavorite.load(u.id),
  },
  Mutation: {
    addFavorite: (_, { userId }, ctx) => changeFavorite(ctx, userId, true),
    removeFavorite: (_, { userId }, ctx) => changeFavorite(ctx, userId, false),
  },
  Query: {
    favoritesFeed: async (_, args, ctx) => {
      const page = pageArgs(args);
      const ids = await ctx.services.favorites.feedPage(requireViewer(ctx), page);
      return postConnection(
        ctx,
        ids,
        page,
        (id) => id,
        (id) => id,
      );
    },
    // skeleton (IDs) -> hydrate and apply rules (presentPosts, batched by loaders) -> present (connection)
    homeFeed: async (_, args, ctx) => {
      const page = pageArgs(args);
      const ids = await ctx.services.feed.homePage(requireViewer(ctx), page);
      return postConnection(
        ctx,
        ids,
        page,
        (id) => id,
        (id) => id,
      );
    },
  },
};
