import type { Cache } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';
import { invalidateField, userKey, viewerRecord } from '../profile/cache-lists';

/**
 * Likes and saves from any post (feed, post page, profile), and favorites. Likes and saves show at
 * once, undone by Graphcache when the server refuses. The optimistic results give exactly the fields
 * the mutations select (components/post/usePostMutations.ts).
 */
const postRef = (id: string) => ({ __typename: 'Post', id });

function likeState(cache: Cache, id: string) {
  const count = cache.resolve(postRef(id), 'likeCount');
  return {
    liked: cache.resolve(postRef(id), 'viewerHasLiked') === true,
    count: typeof count === 'number' ? count : 0,
  };
}

/** The likers list changes with the viewer's like; it is fetched again when next shown. */
function invalidateLikers(cache: Cache, id: string) {
  for (const field of cache.inspectFields(postRef(id))) {
    if (field.fieldName === 'likers')
      cache.invalidate(postRef(id), field.fieldName, field.arguments ?? undefined);
  }
}

/** The saved tab is ordered by when each post was saved, so it is fetched again rather than patched. */
function invalidateSaved(cache: Cache) {
  const viewer = cache.resolve('Query', 'viewer');
  if (typeof viewer !== 'string') return;
  for (const field of cache.inspectFields(viewer)) {
    if (field.fieldName === 'savedPosts')
      cache.invalidate(viewer, field.fieldName, field.arguments ?? undefined);
  }
}

/**
 * Favorites: the returned User carries its own `viewerFavorite`. The list of favorites is ordered by
 * when each was added, so an addition fetches it again; a removal takes the account out at once. The
 * Favorites feed is fetched again either way (the person's posts join or leave it).
 */
function removeFromFavorites(cache: Cache, userId: string) {
  const viewer = viewerRecord(cache);
  const user = cache.keyOfEntity(userKey(userId));
  const favorites = viewer ? cache.resolve(viewer, 'favorites') : null;
  if (!viewer || !Array.isArray(favorites)) return;
  const kept = favorites.filter((key): key is string => typeof key === 'string' && key !== user);
  if (kept.length !== favorites.length) cache.link(viewer, 'favorites', kept);
}

/**
 * A dismissed suggestion leaves every cached list of suggestions at once; Graphcache puts it back if
 * the server refuses. The suggestions are not keyed, so each is matched by its user.
 */
function removeSuggestion(cache: Cache, userId: string) {
  const user = cache.keyOfEntity(userKey(userId));
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'accountSuggestions') continue;
    const suggestions = cache.resolve('Query', field.fieldKey);
    if (!Array.isArray(suggestions)) continue;
    const kept = suggestions.filter(
      (key): key is string => typeof key === 'string' && cache.resolve(key, 'user') !== user,
    );
    if (kept.length !== suggestions.length) cache.link('Query', field.fieldName, field.arguments, kept);
  }
}

export const feedCache: CachePart = {
  optimistic: {
    likePost: (args, cache) => {
      const id = String(args.id);
      const { liked, count } = likeState(cache, id);
      return { __typename: 'Post', id, viewerHasLiked: true, likeCount: liked ? count : count + 1 };
    },
    unlikePost: (args, cache) => {
      const id = String(args.id);
      const { liked, count } = likeState(cache, id);
      return {
        __typename: 'Post',
        id,
        viewerHasLiked: false,
        likeCount: liked ? Math.max(0, count - 1) : count,
      };
    },
    savePost: (args) => ({ __typename: 'Post', id: String(args.id), viewerHasSaved: true }),
    unsavePost: (args) => ({ __typename: 'Post', id: String(args.id), viewerHasSaved: false }),
    // Adding can be refused (not following, the limit of 50), so only removal is shown before the answer.
    removeFavorite: (args) => ({ __typename: 'User', id: String(args.userId), viewerFavorite: false }),
    dismissSuggestion: () => true,
  },
  updates: {
    likePost: (_result, args, cache, info) => {
      if (!info.optimistic) invalidateLikers(cache, String(args.id));
    },
    unlikePost: (_result, args, cache, info) => {
      if (!info.optimistic) invalidateLikers(cache, String(args.id));
    },
    savePost: (_result, _args, cache, info) => {
      if (!info.optimistic) invalidateSaved(cache);
    },
    unsavePost: (_result, _args, cache, info) => {
      if (!info.optimistic) invalidateSaved(cache);
    },
    addFavorite: (_result, _args, cache) => {
      const viewer = viewerRecord(cache);
      if (viewer) cache.invalidate(viewer, 'favorites');
      invalidateField(cache, 'Query', 'favoritesFeed');
    },
    removeFavorite: (_result, args, cache, info) => {
      removeFromFavorites(cache, String(args.userId));
      if (!info.optimistic) invalidateField(cache, 'Query', 'favoritesFeed');
    },
    dismissSuggestion: (_result, args, cache) => removeSuggestion(cache, String(args.userId)),
  },
};
