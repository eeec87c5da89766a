import { badInput, isId } from '../../errors';
import { presentActors, presentPosts, requireUser, requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { type Connection, pageArgs } from '../../graphql/keyset';
import type { PostEdgeParent } from '../../graphql/mappers';
import { postConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';
import type { PostRow } from '../posts/rows';
import { MARK_SEEN_MAX } from '../ranking/service';

async function changeFavorite(ctx: GraphQLContext, userId: string, add: boolean) {
  const viewerId = requireViewer(ctx);
  const { user } = await requireUser(ctx, userId);
  if (add) await ctx.services.favorites.add(viewerId, user.id);
  else await ctx.services.favorites.remove(viewerId, user.id);
  ctx.loaders.viewerFavorite.clear(user.id);
  return user;
}

/** Drops posts of authors whose posts the viewer muted (after the cursors are taken, so paging holds). */
async function withoutMuted(
  ctx: GraphQLContext,
  connection: Connection<PostRow>,
): Promise<Connection<PostRow>> {
  const mutes = await ctx.loaders.viewerMute.loadMany(connection.edges.map((e) => e.node.author_id));
  const edges = connection.edges.filter((_, i) => {
    const mute = mutes[i];
    return !(mute && !(mute instanceof Error) && mute.posts);
  });
  return { ...connection, edges };
}

/** The ranked feed's page: its cursors are snapshot positions, not keyset IDs. */
async function rankedConnection(
  ctx: GraphQLContext,
  viewerId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<PostRow>> {
  // Validates `first` the way every connection does; the cursor is the ranked feed's own.
  const first = pageArgs({ first: args.first }).limit - 1;
  const page = await ctx.services.rankedFeed.page(viewerId, { first, after: args.after ?? null });
  const posts = await presentPosts(
    ctx,
    page.items.map((item) => item.postId),
  );
  const edges: PostEdgeParent[] = [];
  page.items.forEach((item, i) => {
    const node = posts[i];
    if (!node) return;
    const reason = item.hashtag ? { kind: 'HASHTAG' as const, hashtag: { name: item.hashtag } } : null;
    edges.push({ cursor: item.cursor, node, reason });
  });
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
  };
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
    markPostsSeen: async (_, { postIds }, ctx) => {
      const viewerId = requireViewer(ctx);
      if (postIds.length > MARK_SEEN_MAX)
        throw badInput('postIds', `At most ${MARK_SEEN_MAX} posts at a time`);
      const bad = postIds.find((id) => !isId(id));
      if (bad !== undefined) throw badInput('postIds', `Not a post ID: ${bad.slice(0, 40)}`);
      const ids = [...new Set(postIds)];
      const logged = await ctx.services.rankedFeed.loggedFeatures(viewerId, ids);
      await ctx.services.ranking.markSeen(
        viewerId,
        ids.map((postId) => ({
          postId,
          position: logged.get(postId)?.position ?? null,
          features: logged.get(postId)?.features ?? null,
        })),
      );
      return true;
    },
    recordProfileVisit: async (_, { userId }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { user } = await requireUser(ctx, userId);
      await ctx.services.ranking.recordVisit(viewerId, user.id);
      return true;
    },
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
      const viewerId = requireViewer(ctx);
      if (args.order === 'RANKED' || args.order == null) {
        return withoutMuted(ctx, await rankedConnection(ctx, viewerId, args));
      }
      const page = pageArgs(args);
      const ids = await ctx.services.feed.homePage(viewerId, page);
      return withoutMuted(
        ctx,
        await postConnection(
          ctx,
          ids,
          page,
          (id) => id,
          (id) => id,
        ),
      );
    },
  },
};
