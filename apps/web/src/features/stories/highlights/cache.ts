import type { CachePart } from '../../../lib/cache-parts';
import { removeFromConnection, removeFromList } from '../../post/cacheLists';
import { invalidateField, userKey, viewerRecord, viewerUserId } from '../../profile/cache-lists';

const userId = (value: unknown): string | null => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * Close friends: the star on a person flips at once (optimistic); a removal leaves the cached list,
 * an addition has the list fetched again (it is newest first, and the new row lacks the list's fields).
 * Highlights are a plain list on their owner: a new one has it fetched again, a deleted one leaves it;
 * an edit answers with the Highlight itself, which the cache already keys by id.
 */
export const highlightsCache: CachePart = {
  optimistic: {
    addCloseFriend: (args) => ({ __typename: 'User', id: String(args.userId), viewerCloseFriend: true }),
    removeCloseFriend: (args) => ({ __typename: 'User', id: String(args.userId), viewerCloseFriend: false }),
  },
  updates: {
    addCloseFriend(_result, _args, cache) {
      const viewer = viewerRecord(cache) ?? 'viewer';
      invalidateField(cache, viewer, 'closeFriends');
    },
    removeCloseFriend(_result, args, cache) {
      const viewer = viewerRecord(cache) ?? 'viewer';
      const key = cache.keyOfEntity(userKey(String(args.userId)));
      if (key) removeFromConnection(cache, viewer, 'closeFriends', key);
    },
    createHighlight(result, _args, cache) {
      const created = result.createHighlight as { owner?: unknown } | null;
      const ownerId = userId(created?.owner) ?? viewerUserId(cache);
      if (ownerId) invalidateField(cache, userKey(ownerId), 'highlights');
    },
    deleteHighlight(_result, args, cache) {
      const ownerId = viewerUserId(cache);
      const owner = ownerId ? cache.keyOfEntity(userKey(ownerId)) : null;
      const key = cache.keyOfEntity({ __typename: 'Highlight', id: String(args.id) });
      if (owner && key) removeFromList(cache, owner, 'highlights', key);
    },
  },
};
