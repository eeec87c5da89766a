/**
 * Helpers for mutation updates on cached Relay connections. Graphcache keeps one record per page
 * (`posts({"first":12})`, `posts({"after":"…","first":12})`); these act on every page of a field.
 */
import type { Cache, Entity } from '@urql/exchange-graphcache';

export const userKey = (id: string): Entity => ({ __typename: 'User', id });
export const postKey = (id: string): Entity => ({ __typename: 'Post', id });

/**
 * The root feeds a post can be in: homeFeed (Home and Following, one set of pages per order) and
 * favoritesFeed.
 */
export const FEEDS = ['homeFeed', 'favoritesFeed'] as const;

/** Drops every cached page of `field` on `entity`, so screens that show it fetch it again. */
export function invalidateField(cache: Cache, entity: Entity, field: string): void {
  for (const info of cache.inspectFields(entity)) {
    if (info.fieldName === field) cache.invalidate(entity, info.fieldName, info.arguments);
  }
}

/** Removes the edges pointing at `node` from every cached page of the connection `field` on `entity`. */
export function removeFromConnection(cache: Cache, entity: Entity, field: string, node: Entity): void {
  const nodeKey = cache.keyOfEntity(node);
  for (const info of cache.inspectFields(entity)) {
    if (info.fieldName !== field) continue;
    const connection = cache.resolve(entity, info.fieldKey);
    if (typeof connection !== 'string') continue;
    const edges = cache.resolve(connection, 'edges');
    if (!Array.isArray(edges)) continue;
    const kept = edges.filter(
      (edge) => typeof edge !== 'string' || cache.resolve(edge, 'node') !== nodeKey,
    ) as string[];
    if (kept.length !== edges.length) cache.link(connection, 'edges', kept);
  }
}

/** The Viewer record (its key is whatever client.ts's `keys` make of it), once the Viewer query has run. */
export function viewerRecord(cache: Cache): string | null {
  const viewer = cache.resolve('Query', 'viewer');
  return typeof viewer === 'string' ? viewer : null;
}

/** The logged-in user's id, as the Viewer query cached it. */
export function viewerUserId(cache: Cache): string | null {
  const viewer = viewerRecord(cache);
  const user = viewer ? cache.resolve(viewer, 'user') : null;
  if (typeof user !== 'string') return null;
  const id = cache.resolve(user, 'id');
  return typeof id === 'string' ? id : null;
}
