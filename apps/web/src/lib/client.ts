import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { persistedExchange } from '@urql/exchange-persisted';
import { Client, fetchExchange } from 'urql';
import { authCache } from '../features/auth/cache';
import { createCache } from '../features/create/cache';
import { feedCache } from '../features/feed/cache';
import { postCache } from '../features/post/cache';
import { profileCache } from '../features/profile/cache';
import { mergeParts } from './cache-parts';

/**
 * The GraphQL client: a normalised cache (every Post and User is one record, so a like in the feed shows
 * on the post page), automatic persisted queries (the server learns each query's hash once, then the
 * client sends only the hash), and the session cookie the API sets.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange({
        keys: {
          Viewer: () => 'viewer',
          Hashtag: (h) => (typeof h.name === 'string' ? h.name : null),
          PageInfo: () => null,
          TextEntity: () => null,
          Image: () => null,
          ImageSource: () => null,
          AuthPayload: () => null,
          DeletePayload: () => null,
          UserConnection: () => null,
          UserEdge: () => null,
          PostConnection: () => null,
          PostEdge: () => null,
          CommentConnection: () => null,
          CommentEdge: () => null,
        },
        resolvers: {
          Query: { homeFeed: relayPagination() },
          User: { posts: relayPagination(), followers: relayPagination(), following: relayPagination() },
          Viewer: {
            savedPosts: relayPagination(),
            archivedPosts: relayPagination(),
            followRequests: relayPagination(),
          },
          Post: { comments: relayPagination(), likers: relayPagination() },
          Comment: { replies: relayPagination() },
        },
        ...mergeParts([authCache, feedCache, postCache, createCache, profileCache]),
      }),
      persistedExchange({ preferGetForPersistedQueries: false, enableForMutation: true }),
      fetchExchange,
    ],
  });
}
