import type { Cache } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';
import { invalidateField } from '../profile/cache-lists';

/** Every cached `recentSearches(first: n)` list, with its arguments. */
function recentLists(cache: Cache) {
  return cache.inspectFields('Query').filter((field) => field.fieldName === 'recentSearches');
}

/**
 * How the recent searches list follows what the search box records and forgets. A removal or a clear
 * shows at once (optimistically); a new entry drops the cached list, which the box fetches again the
 * next time it opens empty (the server decides its order and what an entry it already had becomes).
 */
export const searchCache: CachePart = {
  updates: {
    addRecentSearch(_result, _args, cache) {
      invalidateField(cache, 'Query', 'recentSearches');
    },

    removeRecentSearch(_result, args, cache) {
      const removed = cache.keyOfEntity({ __typename: 'RecentSearch', id: String(args.id) });
      for (const field of recentLists(cache)) {
        const entries = cache.resolve('Query', field.fieldKey);
        if (!Array.isArray(entries)) continue;
        const kept = entries.filter((entry) => entry !== removed) as string[];
        cache.link('Query', field.fieldName, field.arguments, kept);
      }
    },

    clearRecentSearches(_result, _args, cache) {
      for (const field of recentLists(cache)) cache.link('Query', field.fieldName, field.arguments, []);
    },
  },

  optimistic: {
    removeRecentSearch: () => true,
    clearRecentSearches: () => 0,
  },
};
