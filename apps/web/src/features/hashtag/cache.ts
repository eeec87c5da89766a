import type { Cache } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';
import { FEEDS, invalidateField, viewerRecord } from '../profile/cache-lists';
import { HashtagFollowState } from './queries';

/** A followed hashtag's top posts join the Home feed: the viewer's list and the feeds are fetched again. */
function followsChanged(cache: Cache) {
  const viewer = viewerRecord(cache);
  if (viewer) invalidateField(cache, viewer, 'followedHashtags');
  for (const feed of FEEDS) invalidateField(cache, 'Query', feed);
}

/**
 * Following a hashtag flips its button at once (optimistically) and rolls back if the server refuses.
 * followHashtag returns the Hashtag, which updates itself; unfollowHashtag returns only a Boolean, so
 * its update writes the flag.
 */
export const hashtagCache: CachePart = {
  updates: {
    followHashtag(_result, _args, cache) {
      followsChanged(cache);
    },

    unfollowHashtag(result, args, cache) {
      if (result.unfollowHashtag !== true) return;
      cache.writeFragment(HashtagFollowState, {
        name: String(args.name),
        viewerFollows: false,
      });
      followsChanged(cache);
    },
  },

  optimistic: {
    followHashtag: (args) => ({ __typename: 'Hashtag', name: String(args.name), viewerFollows: true }),
    unfollowHashtag: () => true,
  },
};
