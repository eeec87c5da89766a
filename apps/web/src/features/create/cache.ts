import type { CachePart } from '../../lib/cache-parts';
import { invalidateField, userKey, viewerUserId } from '../profile/cache-lists';

/**
 * A new post goes at the top of the author's grid and of the home feed (both orders: Home and
 * Following). It lacks the fields those lists read (and reaches the feed only once processed), so both
 * are fetched again rather than patched. The Favorites feed never shows the viewer's own posts (nobody
 * can add themselves), so it stays as it is.
 */
export const createCache: CachePart = {
  updates: {
    createPost(result, _args, cache) {
      invalidateField(cache, 'Query', 'homeFeed');
      const author = (result.createPost as { author?: { id?: string; postCount?: number } } | null)?.author;
      const authorId = author?.id ?? viewerUserId(cache);
      if (!authorId) return;
      invalidateField(cache, userKey(authorId), 'posts');
      // Unless the mutation brought the new count back with the post.
      if (typeof author?.postCount !== 'number') cache.invalidate(userKey(authorId), 'postCount');
    },
  },
};
