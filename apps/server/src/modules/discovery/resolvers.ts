import { badInput } from '../../errors';
import { limitAction, presentActors, requireViewer } from '../../graphql/access';
import type { Resolvers } from '../../graphql/resolvers.generated';

const limit = (first: number | null | undefined, max = 25) => {
  const n = first ?? 8;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput('first', `first must be between 1 and ${max}`);
  return n;
};

const present = async (ctx: Parameters<typeof presentActors>[0], ids: string[]) =>
  (await presentActors(ctx, ids)).filter((u) => u !== null);

export const discoveryResolvers: Resolvers = {
  Query: {
    searchAccounts: async (_, args, ctx) => {
      await limitAction(ctx, 'search');
      return present(
        ctx,
        await ctx.services.discovery.searchAccounts(
          ctx.viewer?.userId ?? null,
          args.query,
          limit(args.first),
        ),
      );
    },
    searchHashtags: async (_, args, ctx) => {
      await limitAction(ctx, 'search');
      return (await ctx.services.discovery.searchHashtags(args.query, limit(args.first))).map((h) => ({
        name: h.name,
        postCount: h.post_count,
      }));
    },
    suggestedAccounts: async (_, args, ctx) =>
      present(ctx, await ctx.services.discovery.suggestedAccounts(requireViewer(ctx), limit(args.first, 50))),
  },
};
