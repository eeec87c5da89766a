import type { CachePart } from '../../lib/cache-parts';
import { viewerRecord } from '../profile/cache-lists';

/** How this feature's mutations change the normalised cache. */
export const authCache: CachePart = {
  updates: {
    // The link may belong to another account than the one logged in here: ask again, don't guess.
    verifyEmail(result, _args, cache) {
      const viewer = viewerRecord(cache);
      if (result.verifyEmail === true && viewer) cache.invalidate(viewer, 'emailVerified');
    },
  },
};
