import type { CachePart } from '../../../lib/cache-parts';
import { invalidateField, userKey, viewerUserId } from '../../profile/cache-lists';

/**
 * A new story puts its author first in the story tray (with a ring) and among their live stories:
 * both are fetched again rather than patched, as the new story lacks the fields they read.
 */
export const storyComposeCache: CachePart = {
  updates: {
    createStory(result, _args, cache) {
      cache.invalidate('Query', 'storyTray');
      const owner = (result.createStory as { owner?: { id?: unknown } } | null)?.owner;
      const ownerId = typeof owner?.id === 'string' ? owner.id : viewerUserId(cache);
      if (ownerId) invalidateField(cache, userKey(ownerId), 'stories');
    },
  },
};
