import DataLoader from 'dataloader';
import { badInput, notFound } from '../../errors';
import { presentPosts, requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs } from '../../graphql/keyset';
import { postConnection } from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';
import type { PostRow } from '../posts/rows';
import { RELATED_KEEP, TOP_KEEP } from './refresh';
import { type HashtagParent, tagName } from './rows';

/** Followed hashtags listed on the viewer (the feed draws from the most recent 50 of them). */
const FOLLOWED_MAX = 500;

const limit = (first: number | null | undefined, fallback: number, max: number) => {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput('first', `first must be between 1 and ${max}`);
  return n;
};

/** Per-request batching of the Hashtag fields, so a list of tags costs one statement per field. */
interface HashtagLoaders {
  postCount: DataLoader<string, number>;
  topPostIds: DataLoader<string, string[]>;
  relatedNames: DataLoader<string, string[]>;
  viewerFollows: DataLoader<string, boolean>;
}

const perRequest = new WeakMap<GraphQLContext, HashtagLoaders>();

function loadersOf(ctx: GraphQLContext): HashtagLoaders {
  let loaders = perRequest.get(ctx);
  if (loaders) return loaders;
  const { hashtags } = ctx.services;
  const viewerId = ctx.viewer?.userId ?? null;
  loaders = {
    postCount: new DataLoader(async (names) => {
      const counts = await hashtags.publicCounts(names);
      return names.map((n) => counts.get(n) ?? 0);
    }),
    topPostIds: new DataLoader(async (names) => {
      const top = await hashtags.topPostIds(names, TOP_KEEP);
      return names.map((n) => top.get(n) ?? []);
    }),
    relatedNames: new DataLoader(async (names) => {
      const related = await hashtags.relatedNames(names, RELATED_KEEP);
      return names.map((n) => related.get(n) ?? []);
    }),
    viewerFollows: new DataLoader(async (names) => {
      if (!viewerId) return names.map(() => false);
      const followed = await hashtags.followedAmong(viewerId, names);
      return names.map((n) => followed.has(n));
    }),
  };
  perRequest.set(ctx, loaders);
  return loaders;
}

const named = (names: string[]): HashtagParent[] => names.map((name) => ({ name }));

async function findTag(ctx: GraphQLContext, raw: string): Promise<HashtagParent | null> {
  const name = tagName(raw);
  const found = name ? await ctx.services.hashtags.find(ctx.viewer?.userId ?? null, name) : null;
  return found ? { name: found.name, postCount: found.post_count } : null;
}

export const hashtagsResolvers: Resolvers = {
  Hashtag: {
    postCount: async (tag, _, ctx) => tag.postCount ?? loadersOf(ctx).postCount.load(tag.name),
    viewerFollows: (tag, _, ctx) => loadersOf(ctx).viewerFollows.load(tag.name),
    topPosts: async (tag, args, ctx) => {
      const first = limit(args.first, 9, TOP_KEEP);
      const ids = await loadersOf(ctx).topPostIds.load(tag.name);
      const posts = await presentPosts(ctx, ids);
      return posts.filter((p): p is PostRow => p !== null).slice(0, first);
    },
    recentPosts: async (tag, args, ctx) => {
      const page = pageArgs(args);
      const ids = await ctx.services.hashtags.recentPostIds(ctx.viewer?.userId ?? null, tag.name, page);
      return postConnection(
        ctx,
        ids,
        page,
        (id) => id,
        (id) => id,
      );
    },
    related: async (tag, args, ctx) =>
      named((await loadersOf(ctx).relatedNames.load(tag.name)).slice(0, limit(args.first, 10, RELATED_KEEP))),
  },
  Viewer: {
    followedHashtags: async ({ userId }, _, ctx) =>
      named(await ctx.services.hashtags.followed(userId, FOLLOWED_MAX)),
  },
  Query: {
    hashtag: (_, { name }, ctx) => findTag(ctx, name),
    trendingHashtags: async (_, args, ctx) =>
      named(await ctx.services.hashtags.trending(limit(args.first, 10, 50))),
  },
  Mutation: {
    followHashtag: async (_, { name }, ctx) => {
      const viewerId = requireViewer(ctx);
      const tag = tagName(name);
      const found = tag ? await ctx.services.hashtags.find(viewerId, tag) : null;
      if (!found) throw notFound('Hashtag');
      await ctx.services.hashtags.follow(viewerId, found.id);
      // The next Home feed is ranked again, with the tag's top posts in it.
      await ctx.services.rankedFeed.forget(viewerId);
      loadersOf(ctx).viewerFollows.clear(found.name).prime(found.name, true);
      return { name: found.name, postCount: found.post_count };
    },
    unfollowHashtag: async (_, { name }, ctx) => {
      const viewerId = requireViewer(ctx);
      const tag = tagName(name);
      if (tag) {
        await ctx.services.hashtags.unfollow(viewerId, tag);
        await ctx.services.rankedFeed.forget(viewerId);
      }
      return true;
    },
  },
};
