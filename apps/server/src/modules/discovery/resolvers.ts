import { badInput } from '../../errors';
import { presentActors, requireViewer } from '../../graphql/access';
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
    // The accounts of accountSuggestions (friends of friends, then popular), without their reasons.
    suggestedAccounts: async (_, args, ctx) =>
      present(
        ctx,
        (await ctx.services.suggestions.suggest(requireViewer(ctx), limit(args.first, 50))).map(
          (s) => s.userId,
        ),
      ),
  },
};
