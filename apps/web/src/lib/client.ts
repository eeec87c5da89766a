import schema from 'virtual:graphcache-schema';
import { type CacheExchangeOpts, cacheExchange, offlineExchange } from '@urql/exchange-graphcache';
import { makeDefaultStorage } from '@urql/exchange-graphcache/default-storage';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createSocketClient } from 'graphql-ws';
import { Client, type Exchange, fetchExchange, makeOperation, mapExchange, subscriptionExchange } from 'urql';
import { authCache } from '../features/auth/cache';
import { createCache } from '../features/create/cache';
import { editCache } from '../features/edit/cache';
import { feedCache } from '../features/feed/cache';
import { hashtagCache } from '../features/hashtag/cache';
import { moderationCache } from '../features/moderation/cache';
import { notificationsCache } from '../features/notifications/cache';
import { postCache } from '../features/post/cache';
import { profileCache } from '../features/profile/cache';
import { searchCache } from '../features/search/cache';
import { settingsCache } from '../features/settings/cache';
import { storiesCache } from '../features/stories/cache';
import { storyComposeCache } from '../features/stories/compose/cache';
import { highlightsCache } from '../features/stories/highlights/cache';
import { mergeParts } from './cache-parts';

// Without IndexedDB (component tests in a bare DOM, some private modes) the cache lives in memory only.
const storage =
  typeof indexedDB === 'undefined' ? undefined : makeDefaultStorage({ idbName: 'glimpse', maxAge: 7 });

/**
 * Forgets the offline copy of the cache. Log-out should call it and then create a new client, so one
 * account's feed and saved posts never show to the next person who logs in on the same device.
 */
export async function forgetOfflineCache(): Promise<void> {
  await storage?.clear();
}

/**
 * What the cache restored from IndexedDB may be days old (a post removed then, restored since). Until
 * this page load has heard from the network about a query, every cache-first ask for it becomes
 * cache-and-network: the stored answer shows at once and a fresh one replaces it. Returns two exchanges:
 * `upgrade` goes before the cache, `listen` after it, where it sees only what reached the network.
 *
 * Counting answers rather than asks matters. While the cache is still reading IndexedDB, the offline
 * exchange holds the queries it is asked, then tears them down (cancelling their fetches) and asks again
 * with the strongest policy among those held; and React may subscribe, drop and subscribe again while
 * mounting. Counting asks, the held ask could be the second, un-upgraded one: a reload then showed a
 * post restored by a moderator as still missing, without ever asking the server.
 * Offline, the fetch fails quietly (its error counts as heard) and the stored answer stays.
 */
export function refreshRestoredData(): { upgrade: Exchange; listen: Exchange } {
  const heard = new Set<number>();
  return {
    upgrade: mapExchange({
      onOperation(operation) {
        if (operation.kind !== 'query' || operation.context.requestPolicy !== 'cache-first') return operation;
        if (heard.has(operation.key)) return operation;
        return makeOperation('query', operation, {
          ...operation.context,
          requestPolicy: 'cache-and-network',
        });
      },
    }),
    listen: mapExchange({
      onResult(result) {
        if (result.operation.kind === 'query') heard.add(result.operation.key);
        return result;
      },
    }),
  };
}

/**
 * The GraphQL client: a normalised cache (every Post and User is one record, so a like in the feed shows
 * on the post page), automatic persisted queries (the server learns each query's hash once, then the
 * client sends only the hash), and the session cookie the API sets. The cache is kept in IndexedDB for a
 * week, so the last feed page (and any screen already seen) still reads offline, and mutations with an
 * optimistic update made offline are replayed when the connection returns.
 */
export function createClient(): Client {
  const cache: CacheExchangeOpts = {
    schema,
    keys: {
      Viewer: () => 'viewer',
      Hashtag: (h) => (typeof h.name === 'string' ? h.name : null),
      PageInfo: () => null,
      TextEntity: () => null,
      Image: () => null,
      OriginalImage: () => null,
      ImageSource: () => null,
      AuthPayload: () => null,
      DeletePayload: () => null,
      UserConnection: () => null,
      UserEdge: () => null,
      PostConnection: () => null,
      PostEdge: () => null,
      FeedReason: () => null,
      AccountSuggestion: () => null,
      CommentConnection: () => null,
      CommentEdge: () => null,
      TwoFactorSetup: () => null,
      HiddenWords: () => null,
      PasskeyLogIn: () => null,
      ModerationCaseConnection: () => null,
      ModerationCaseEdge: () => null,
      ModerationActionConnection: () => null,
      ModerationActionEdge: () => null,
      NotificationConnection: () => null,
      NotificationEdge: () => null,
      NotificationPreference: (p) => (typeof p.kind === 'string' ? p.kind : null),
      StoryTrayEntry: () => null,
      StoryOverlay: () => null,
      StoryOverlayPosition: () => null,
      StoryPollResults: () => null,
      StorySliderResults: () => null,
      StoryConnection: () => null,
      StoryEdge: () => null,
      StoryViewerConnection: () => null,
      StoryViewerEdge: () => null,
      StoryResponseConnection: () => null,
      StoryResponseEdge: () => null,
      SearchResults: () => null,
      RecentSearch: (r) => (typeof r.id === 'string' ? r.id : null),
    },
    resolvers: {
      // homeFeed's pages are joined per order (Home, Following): relayPagination keys by the other arguments.
      Query: {
        homeFeed: relayPagination(),
        favoritesFeed: relayPagination(),
        explore: relayPagination(),
        similarPosts: relayPagination(),
        moderationQueue: relayPagination(),
        moderationLog: relayPagination(),
      },
      User: { posts: relayPagination(), followers: relayPagination(), following: relayPagination() },
      Viewer: {
        savedPosts: relayPagination(),
        archivedPosts: relayPagination(),
        closeFriends: relayPagination(),
        storyArchive: relayPagination(),
        followRequests: relayPagination(),
        notifications: relayPagination(),
      },
      Post: { comments: relayPagination(), likers: relayPagination() },
      Comment: { replies: relayPagination() },
      SearchResults: { posts: relayPagination() },
      Hashtag: { recentPosts: relayPagination() },
    },
    ...mergeParts([
      authCache,
      feedCache,
      postCache,
      createCache,
      editCache,
      profileCache,
      settingsCache,
      moderationCache,
      storiesCache,
      storyComposeCache,
      highlightsCache,
      notificationsCache,
      searchCache,
      hashtagCache,
    ]),
  };
  const refresh = refreshRestoredData();
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      ...(storage
        ? [refresh.upgrade, offlineExchange({ ...cache, storage }), refresh.listen]
        : [cacheExchange(cache)]),
      persistedExchange({ preferGetForPersistedQueries: false, enableForMutation: true }),
      ...(typeof WebSocket === 'undefined' ? [] : [realtimeExchange()]),
      fetchExchange,
    ],
  });
}

/**
 * Subscriptions (live notifications, unread counts, story viewers and poll results) over one WebSocket
 * speaking the graphql-ws protocol to /graphql on the same origin; the browser sends the session cookie
 * with the upgrade, which signs the socket in. The socket opens with the first subscription, closes a
 * little after the last one ends, and reconnects with backoff when the network drops.
 */
function realtimeExchange(): Exchange {
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  const socket = createSocketClient({
    url,
    lazyCloseTimeout: 3_000,
    retryAttempts: Number.POSITIVE_INFINITY,
  });
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' };
      return {
        subscribe(sink) {
          const unsubscribe = socket.subscribe(input, sink);
          return { unsubscribe };
        },
      };
    },
  });
}
