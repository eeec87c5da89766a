import { requireViewer } from '../../graphql/access';
import { pageArgs } from '../../graphql/keyset';
import { postConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';

export const feedResolvers: Resolvers = {
  Query: {
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
