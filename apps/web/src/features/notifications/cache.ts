import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql';
import type { CachePart } from '../../lib/cache-parts';
import { removeFromConnection } from '../post/cacheLists';
import { viewerRecord } from '../profile/cache-lists';

/**
 * How live events and the read/preference mutations change the cached activity list and badge. A new
 * entry (or one with new activity: ana liked it too) goes to the top of the first page and leaves any
 * other place it held; the unread count is whatever the server last said.
 */

const NotificationsPage = graphql(`
  fragment ActivityCachePage on Viewer {
    notifications(first: $first, after: $after) {
      edges { cursor node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const UnreadCount = graphql(`
  fragment ActivityUnreadCount on Viewer {
    unreadNotificationCount
  }
`);

const ReadFlag = graphql(`
  fragment ActivityReadFlag on Notification {
    id
    read
  }
`);

const notificationKey = (cache: Cache, id: string) => cache.keyOfEntity({ __typename: 'Notification', id });

/** Each cached page of Viewer.notifications, with the arguments it was fetched with. */
function pagesOf(cache: Cache, viewer: string) {
  return cache.inspectFields(viewer).filter((field) => field.fieldName === 'notifications');
}

/** Puts the entry first in the list, taking it out of wherever it was (no entry shows twice). */
export function moveToTop(cache: Cache, id: string): void {
  const viewer = viewerRecord(cache);
  const key = notificationKey(cache, id);
  if (!viewer || !key) return;
  removeFromConnection(cache, viewer, 'notifications', key);
  for (const page of pagesOf(cache, viewer)) {
    const args = page.arguments ?? {};
    if (typeof args.after === 'string') continue;
    const data = cache.readFragment(NotificationsPage, viewer, args);
    if (!data) continue;
    const edge = { __typename: 'NotificationEdge', cursor: '', node: { __typename: 'Notification', id } };
    cache.writeFragment(
      NotificationsPage,
      { ...data, notifications: { ...data.notifications, edges: [edge, ...data.notifications.edges] } },
      args,
    );
  }
}

function writeUnreadCount(cache: Cache, count: unknown) {
  if (typeof count !== 'number' || !viewerRecord(cache)) return;
  // The Viewer's cache key does not depend on its fields (client.ts): the fragment needs no id.
  cache.writeFragment(UnreadCount, { unreadNotificationCount: count });
}

/** Every cached entry becomes read (the list was opened and marked read up to its latest). */
function markAllRead(cache: Cache) {
  const viewer = viewerRecord(cache);
  if (!viewer) return;
  for (const page of pagesOf(cache, viewer)) {
    const connection = cache.resolve(viewer, page.fieldKey);
    const edges = typeof connection === 'string' ? cache.resolve(connection, 'edges') : null;
    if (!Array.isArray(edges)) continue;
    for (const edge of edges) {
      const node = typeof edge === 'string' ? cache.resolve(edge, 'node') : null;
      const id = typeof node === 'string' ? cache.resolve(node, 'id') : null;
      if (typeof id === 'string') cache.writeFragment(ReadFlag, { id, read: true });
    }
  }
}

export const notificationsCache: CachePart = {
  subscriptions: {
    notificationReceived(result, _args, cache) {
      const entry = result.notificationReceived as { id?: unknown } | null | undefined;
      if (typeof entry?.id === 'string') moveToTop(cache, entry.id);
    },
    unreadNotificationCount(result, _args, cache) {
      writeUnreadCount(cache, result.unreadNotificationCount);
    },
  },
  updates: {
    markNotificationsRead(result, args, cache) {
      writeUnreadCount(cache, result.markNotificationsRead);
      if (args.upTo == null) markAllRead(cache);
    },
  },
  optimistic: {
    // Preferences are keyed by kind: the switch flips at once, and the answer confirms it.
    updateNotificationPreferences: (args) => {
      const input = (Array.isArray(args.input) ? args.input : []) as { kind: string; enabled: boolean }[];
      return input.map(({ kind, enabled }) => ({ __typename: 'NotificationPreference', kind, enabled }));
    },
  },
};
