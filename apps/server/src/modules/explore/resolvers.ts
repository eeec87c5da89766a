import { badInput } from '../../errors';
import {
  presentActors,
  presentPosts,
  requirePost,
  requireUser,
  requireViewer,
  visiblePost,
} from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { type Connection, pageArgs } from '../../graphql/keyset';
import type { Resolvers } from '../../graphql/resolvers.generated';
import type { UserRow } from '../accounts/rows';
import type { PostRow } from '../posts/rows';
import type { SnapshotPage } from './snapshots';
import type { Suggestion } from './suggestions';

/** A snapshot page as a connection, dropping what the viewer may no longer see (cursors kept). */
async function snapshotConnection(ctx: GraphQLContext, page: SnapshotPage): Promise<Connection<PostRow>> {
  const posts = await presentPosts(
    ctx,
    page.items.map((item) => item.postId),
  );
  const edges: Connection<PostRow>['edges'] = [];
  page.items.forEach((item, i) => {
    const node = posts[i];
    if (node) edges.push({ cursor: item.cursor, node });
  });
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null } };
}

/**
 * An Explore page: a grid may have been ranked minutes ago, so besides what the viewer may not see,
 * posts by accounts the viewer has since followed or muted are dropped (cursors kept).
 */
async function exploreConnection(ctx: GraphQLContext, page: SnapshotPage): Promise<Connection<PostRow>> {
  const found = await Promise.all(page.items.map((item) => visiblePost(ctx, item.postId)));
  const authors = [...new Set(found.flatMap((f) => (f ? [f.post.author_id] : [])))];
  const mutes = new Map(
    (await ctx.loaders.viewerMute.loadMany(authors)).map((mute, i) => [
      authors[i]!,
      !(mute instanceof Error) && mute.posts,
    ]),
  );
  const edges: Connection<PostRow>['edges'] = [];
  page.items.forEach((item, i) => {
    const f = found[i];
    if (f && !f.rel.following && !mutes.get(f.post.author_id))
      edges.push({ cursor: item.cursor, node: f.post });
  });
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null } };
}

/** Validates `first` as every connection does (the cursor is the snapshot's own). */
const firstOf = (first: number | null | undefined) => pageArgs({ first }, 24).limit - 1;

export function reasonOf(suggestion: Suggestion, mutuals: readonly UserRow[]): string {
  if (suggestion.kind === 'POPULAR') return 'Popular on Glimpse';
  const [closest] = mutuals;
  if (!closest) return `Followed by ${suggestion.mutualCount} people you follow`;
  const more = suggestion.mutualCount - 1;
  return more > 0 ? `Followed by ${closest.username} + ${more} more` : `Followed by ${closest.username}`;
}

async function presentSuggestions(ctx: GraphQLContext, found: Suggestion[]) {
  const [users, mutuals] = await Promise.all([
    presentActors(
      ctx,
      found.map((s) => s.userId),
    ),
    presentActors(
      ctx,
      found.flatMap((s) => s.mutualIds),
    ),
  ]);
  const byId = new Map(mutuals.filter((u) => u !== null).map((u) => [u.id, u]));
  return found.flatMap((suggestion, i) => {
    const user = users[i];
    if (!user) return [];
    const mutualFollowers = suggestion.mutualIds.flatMap((id) => byId.get(id) ?? []);
    return [
      {
        user,
        kind: suggestion.kind,
        reason: reasonOf(suggestion, mutualFollowers),
        mutualFollowers,
        mutualCount: suggestion.mutualCount,
      },
    ];
  });
}

const suggestionLimit = (first: number | null | undefined) => {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > 50) throw badInput('first', 'first must be between 1 and 50');
  return n;
};

export const exploreResolvers: Resolvers = {
  Query: {
    // skeleton (a ranked snapshot) -> hydrate and apply rules (presentPosts) -> present (connection)
    explore: async (_, args, ctx) => {
      const viewerId = requireViewer(ctx);
      const first = firstOf(args.first);
      return exploreConnection(
        ctx,
        await ctx.services.explore.page(viewerId, { first, after: args.after ?? null }),
      );
    },
    similarPosts: async (_, args, ctx) => {
      const viewerId = requireViewer(ctx);
      const first = firstOf(args.first);
      const { post } = await requirePost(ctx, args.postId);
      return snapshotConnection(
        ctx,
        await ctx.services.explore.similar(viewerId, post.id, { first, after: args.after ?? null }),
      );
    },
    accountSuggestions: async (_, args, ctx) => {
      const viewerId = requireViewer(ctx);
      return presentSuggestions(
        ctx,
        await ctx.services.suggestions.suggest(viewerId, suggestionLimit(args.first)),
      );
    },
  },
  Mutation: {
    dismissSuggestion: async (_, { userId }, ctx) => {
      const viewerId = requireViewer(ctx);
      if (userId === viewerId) throw badInput('userId', 'You are never suggested to yourself');
      const { user } = await requireUser(ctx, userId);
      await ctx.services.suggestions.dismiss(viewerId, user.id);
      return true;
    },
  },
};
