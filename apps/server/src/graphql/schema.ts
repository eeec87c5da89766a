import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { accountsResolvers } from '../modules/accounts/resolvers';
import { discoveryResolvers } from '../modules/discovery/resolvers';
import { engagementResolvers } from '../modules/engagement/resolvers';
import { exploreResolvers } from '../modules/explore/resolvers';
import { feedResolvers } from '../modules/feed/resolvers';
import { graphResolvers } from '../modules/graph/resolvers';
import { hashtagsResolvers } from '../modules/hashtags/resolvers';
import { moderationResolvers } from '../modules/moderation/resolvers';
import { notificationsResolvers } from '../modules/notifications/resolvers';
import { postsResolvers } from '../modules/posts/resolvers';
import { safetyResolvers } from '../modules/safety/resolvers';
import { searchResolvers } from '../modules/search/resolvers';
import { securityResolvers } from '../modules/security/resolvers';
import { storiesResolvers } from '../modules/stories/resolvers';
import { visibleComment, visiblePost, visibleUser } from './access';
import type { Resolvers } from './resolvers.generated';

const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => new Date(String(value)),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN)),
});

/**
 * Any JSON value, passed through as is: the shape is validated where it is used (edit recipes by
 * @glimpse/edit's parseRecipe), so a wrong shape becomes a field error rather than a coercion error.
 */
const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

const baseResolvers: Resolvers = {
  DateTime,
  JSON: JSONScalar,
  Query: {
    node: async (_, { id }, ctx) =>
      (await visiblePost(ctx, id))?.post ??
      (await visibleUser(ctx, id))?.user ??
      (await visibleComment(ctx, id)) ??
      null,
  },
  Node: {
    __resolveType: (node) => ('username' in node ? 'User' : 'caption' in node ? 'Post' : 'Comment'),
  },
};

/** Merges the modules' resolver maps type by type. */
export function assembleResolvers(): Resolvers {
  const all = [
    baseResolvers,
    accountsResolvers,
    graphResolvers,
    postsResolvers,
    engagementResolvers,
    feedResolvers,
    discoveryResolvers,
    searchResolvers,
    exploreResolvers,
    moderationResolvers,
    securityResolvers,
    safetyResolvers,
    notificationsResolvers,
    storiesResolvers,
    hashtagsResolvers,
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const resolvers of all) {
    for (const [type, fields] of Object.entries(resolvers)) {
      if (fields instanceof GraphQLScalarType) {
        (merged as Record<string, unknown>)[type] = fields;
        continue;
      }
      merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
    }
  }
  // Codegen types interfaces with `__resolveType`; mercurius reads `resolveType`.
  for (const fields of Object.values(merged)) {
    if (typeof fields.__resolveType === 'function') fields.resolveType = fields.__resolveType;
  }
  return merged as Resolvers;
}
