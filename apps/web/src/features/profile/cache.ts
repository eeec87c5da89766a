import type { Cache, DataFields, Entity, Variables } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';
import {
  FEEDS,
  invalidateField,
  postKey,
  removeFromConnection,
  userKey,
  viewerRecord,
  viewerUserId,
} from './cache-lists';

/**
 * How the social graph, profile and post lifecycle mutations change the normalised cache. The User a
 * graph mutation returns updates itself (follow state, counts); these updates fix what it cannot carry:
 * lists it joins or leaves, the viewer's own counts, and the feeds when whose posts they show changes.
 * Counts that cannot be known exactly here are invalidated, so a screen showing them fetches them again.
 */

const targetOf = (args: Variables): Entity => userKey(String(args.userId));

function viewerEntity(cache: Cache): Entity | null {
  const id = viewerUserId(cache);
  return id ? userKey(id) : null;
}

/** The state the viewer is in with `field`'s returned user, when the mutation selected it. */
function followState(result: DataFields, field: string): string | undefined {
  const user = result[field] as { viewerFollowState?: string } | null | undefined;
  return user?.viewerFollowState;
}

/** Whose posts the feeds show changed: every variant (Home, Following, Favorites) is fetched again. */
function refreshFeed(cache: Cache) {
  for (const feed of FEEDS) invalidateField(cache, 'Query', feed);
}

/** The author of a cached post, read before the post leaves the cache. */
function authorOf(cache: Cache, postId: string): Entity | null {
  const author = cache.resolve(postKey(postId), 'author');
  return typeof author === 'string' ? author : null;
}

/** A post leaves every list it can be in (grid, feeds, saved, archive) and its author's count changes. */
function dropPost(cache: Cache, postId: string, lists: { archived: boolean }) {
  const post = postKey(postId);
  const author = authorOf(cache, postId) ?? viewerEntity(cache);
  if (author) {
    removeFromConnection(cache, author, 'posts', post);
    cache.invalidate(author, 'postCount');
  }
  for (const feed of FEEDS) removeFromConnection(cache, 'Query', feed, post);
  removeFromConnection(cache, viewerRecord(cache), 'savedPosts', post);
  if (lists.archived) removeFromConnection(cache, viewerRecord(cache), 'archivedPosts', post);
}

export const profileCache: CachePart = {
  updates: {
    follow(result, args, cache) {
      const target = targetOf(args);
      const state = followState(result, 'follow');
      invalidateField(cache, target, 'followers');
      const viewer = viewerEntity(cache);
      if (state !== 'REQUESTED') {
        // Following (not just requesting) puts their posts in the feed.
        refreshFeed(cache);
        if (viewer) {
          invalidateField(cache, viewer, 'following');
          cache.invalidate(viewer, 'followingCount');
        }
      }
    },

    unfollow(_result, args, cache) {
      const target = targetOf(args);
      const viewer = viewerEntity(cache);
      if (viewer) {
        removeFromConnection(cache, target, 'followers', viewer);
        removeFromConnection(cache, viewer, 'following', target);
        cache.invalidate(viewer, 'followingCount');
      }
      refreshFeed(cache);
      // A private account's grid closes again.
      invalidateField(cache, target, 'posts');
    },

    approveFollowRequest(_result, args, cache) {
      removeFromConnection(cache, viewerRecord(cache), 'followRequests', targetOf(args));
      const viewer = viewerEntity(cache);
      if (viewer) {
        invalidateField(cache, viewer, 'followers');
        cache.invalidate(viewer, 'followerCount');
      }
    },

    declineFollowRequest(_result, args, cache) {
      removeFromConnection(cache, viewerRecord(cache), 'followRequests', targetOf(args));
    },

    removeFollower(_result, args, cache) {
      const viewer = viewerEntity(cache);
      if (!viewer) return;
      removeFromConnection(cache, viewer, 'followers', targetOf(args));
      cache.invalidate(viewer, 'followerCount');
    },

    block(_result, args, cache) {
      const target = targetOf(args);
      const viewer = viewerEntity(cache);
      // Follows end both ways and neither sees the other's posts.
      if (viewer) {
        removeFromConnection(cache, viewer, 'followers', target);
        removeFromConnection(cache, viewer, 'following', target);
        removeFromConnection(cache, viewerRecord(cache), 'followRequests', target);
        cache.invalidate(viewer, 'followerCount');
        cache.invalidate(viewer, 'followingCount');
      }
      for (const field of ['posts', 'followers', 'following']) invalidateField(cache, target, field);
      refreshFeed(cache);
    },

    unblock(_result, args, cache) {
      const target = targetOf(args);
      for (const field of ['posts', 'followers', 'following']) invalidateField(cache, target, field);
    },

    // Muted posts leave the viewer's feeds (the server filters them); unmuted ones come back.
    mute(_result, _args, cache) {
      refreshFeed(cache);
    },

    updateProfile(_result, _args, cache) {
      // Going public approves every pending request.
      invalidateField(cache, viewerRecord(cache), 'followRequests');
      const viewer = viewerEntity(cache);
      if (viewer) invalidateField(cache, viewer, 'followers');
    },

    changeUsername(result, args, cache) {
      const user = result.changeUsername as { id?: string } | null | undefined;
      if (user?.id) cache.link('Query', 'user', { username: String(args.username) }, userKey(user.id));
    },

    setAvatar() {
      // Nothing to write yet: the avatar changes only once the render job finishes, and the edit screen
      // polls the viewer until it does. Claimed here so no other part updates it differently.
    },

    removeAvatar(result, _args, cache) {
      const user = result.removeAvatar as { id?: string } | null | undefined;
      if (user?.id) cache.link(userKey(user.id), 'avatar', null);
    },

    archivePost(_result, args, cache) {
      dropPost(cache, String(args.id), { archived: false });
      invalidateField(cache, viewerRecord(cache), 'archivedPosts');
    },

    unarchivePost(_result, args, cache) {
      const postId = String(args.id);
      removeFromConnection(cache, viewerRecord(cache), 'archivedPosts', postKey(postId));
      const author = authorOf(cache, postId);
      if (author) {
        invalidateField(cache, author, 'posts');
        cache.invalidate(author, 'postCount');
      }
      refreshFeed(cache);
    },

    deletePost(_result, args, cache) {
      const postId = String(args.id);
      dropPost(cache, postId, { archived: true });
      cache.invalidate(postKey(postId));
    },
  },

  optimistic: {
    // The request leaves the inbox at once; the server's answer confirms it.
    approveFollowRequest: (args) => ({ __typename: 'User', id: String(args.userId) }),
    declineFollowRequest: (args) => ({ __typename: 'User', id: String(args.userId) }),
    // Restrict and mute change one flag each: the Options sheet's labels flip before the answer.
    restrict: (args) => ({ __typename: 'User', id: String(args.userId), viewerRestricted: true }),
    unrestrict: (args) => ({ __typename: 'User', id: String(args.userId), viewerRestricted: false }),
    mute: (args) => ({
      __typename: 'User',
      id: String(args.userId),
      viewerMutedPosts: args.posts === true,
      viewerMutedStories: args.stories === true,
    }),
  },
};
