import { badInput, isId, notFound } from '../../errors';
import { limitAction, presentActors, presentPosts, requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs } from '../../graphql/keyset';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { decodeScoreCursor, encodeScoreCursor } from './posts';
import { nameQuery, searchText } from './query';
import { RECENT_SEARCHES_KEPT, type RecentSearchRow } from './recent';
import { recentSubject } from './recent-input';

const limit = (first: number | null | undefined, fallback: number, max: number) => {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput('first', `first must be between 1 and ${max}`);
  return n;
};

const viewerOf = (ctx: GraphQLContext) => ctx.viewer?.userId ?? null;

/** The accounts, in order, leaving out those the viewer may not see (blocks either way, suspension). */
const presentAccounts = async (ctx: GraphQLContext, ids: string[]) =>
  (await presentActors(ctx, ids)).filter((u) => u !== null);

const accounts = async (
  ctx: GraphQLContext,
  name: string,
  first: number | null | undefined,
  fuzzy: boolean,
) => {
  const count = limit(first, 8, 25);
  // Blocks either way are left out before the page is cut, so it stays full; the policy still decides.
  const blocks = await ctx.loaders.viewerBlocks.load();
  const hidden = new Set([...blocks.blocking, ...blocks.blockedBy]);
  return presentAccounts(
    ctx,
    await ctx.services.search.accounts(viewerOf(ctx), name, { limit: count, fuzzy, hidden }),
  );
};

const hashtags = async (ctx: GraphQLContext, name: string, first: number | null | undefined) =>
  (await ctx.services.search.hashtags(name, limit(first, 8, 25))).map((h) => ({
    name: h.name,
    postCount: h.post_count,
  }));

/** Recent searches without the accounts the viewer can no longer see. */
async function presentRecent(ctx: GraphQLContext, rows: RecentSearchRow[]): Promise<RecentSearchRow[]> {
  const accountIds = rows.flatMap((r) => (r.account_id ? [r.account_id] : []));
  const users = await presentActors(ctx, accountIds);
  const visible = new Set(users.flatMap((u) => (u ? [u.id] : [])));
  return rows.filter((r) => r.account_id === null || visible.has(r.account_id));
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx) => {
      await limitAction(ctx, 'search');
      return { text: searchText(args.query), name: nameQuery(args.query) };
    },
    // @mention completion: what starts with the query, no typo matches.
    searchAccounts: async (_, args, ctx) => {
      await limitAction(ctx, 'search');
      return accounts(ctx, nameQuery(args.query), args.first, false);
    },
    searchHashtags: async (_, args, ctx) => {
      await limitAction(ctx, 'search');
      return hashtags(ctx, nameQuery(args.query), args.first);
    },
    recentSearches: async (_, args, ctx) => {
      const rows = await ctx.services.search.recent.list(
        requireViewer(ctx),
        limit(args.first, RECENT_SEARCHES_KEPT, RECENT_SEARCHES_KEPT),
      );
      return presentRecent(ctx, rows);
    },
  },
  Mutation: {
    addRecentSearch: async (_, { input }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { kind, subject } = recentSubject(input);
      if (kind === 'account') {
        const [user] = isId(subject) ? await presentActors(ctx, [subject]) : [null];
        if (!user) throw notFound('User');
      }
      return ctx.services.search.recent.add(viewerId, kind, subject);
    },
    removeRecentSearch: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      return isId(id) && ctx.services.search.recent.remove(viewerId, id);
    },
    clearRecentSearches: async (_, __, ctx) => ctx.services.search.recent.clear(requireViewer(ctx)),
  },
  SearchResults: {
    query: (p) => p.text,
    accounts: (p, args, ctx) => accounts(ctx, p.name, args.first, true),
    hashtags: (p, args, ctx) => hashtags(ctx, p.name, args.first),
    // skeleton (matching IDs the viewer may see) -> hydrate and apply the policy -> a connection.
    posts: async (p, args, ctx) => {
      const { limit: fetch } = pageArgs({ first: args.first }, 12);
      const after = args.after ? decodeScoreCursor(args.after) : null;
      const rows = await ctx.services.search.posts(viewerOf(ctx), p.text, { after, limit: fetch });
      const kept = rows.slice(0, fetch - 1);
      const posts = await presentPosts(
        ctx,
        kept.map((r) => r.id),
      );
      const edges = kept.flatMap((row, i) => {
        const node = posts[i];
        return node ? [{ cursor: encodeScoreCursor(row), node }] : [];
      });
      const last = kept.at(-1);
      return {
        edges,
        pageInfo: { hasNextPage: rows.length >= fetch, endCursor: last ? encodeScoreCursor(last) : null },
      };
    },
  },
  RecentSearch: {
    kind: (r) => (r.kind === 'account' ? 'ACCOUNT' : r.kind === 'hashtag' ? 'HASHTAG' : 'QUERY'),
    user: (r, _, ctx) => (r.account_id ? ctx.loaders.user.load(r.account_id) : null),
    hashtag: (r) => (r.kind === 'hashtag' ? r.subject : null),
    text: (r) => (r.kind === 'query' ? r.subject : null),
    searchedAt: (r) => r.searched_at,
  },
};
