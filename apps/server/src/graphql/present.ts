import type { StoredImage, UserRow } from '../modules/accounts/rows';
import type { PostRow } from '../modules/posts/rows';
import { presentActors, presentPosts } from './access';
import type { GraphQLContext } from './context';
import { type Connection, type KeysetPage, toConnection } from './keyset';

/** Shapes shared by several modules' resolvers. */

export function imageSources(ctx: GraphQLContext, image: StoredImage) {
  return image.variants.map((v) => ({
    url: ctx.urls.media(v.key),
    width: v.width,
    height: v.height,
    format: v.format.toUpperCase() as 'AVIF' | 'WEBP' | 'JPEG',
  }));
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
}

/** A connection of posts from keyset rows, hiding those the viewer may not see. */
export function postConnection<Row>(
  ctx: GraphQLContext,
  rows: Row[],
  page: KeysetPage,
  keyOf: (row: Row) => string,
  postIdOf: (row: Row) => string,
): Promise<Connection<PostRow>> {
  return toConnection(rows, page, keyOf, (kept) => presentPosts(ctx, kept.map(postIdOf)));
}

/** A connection of users from keyset rows, hiding those in a block relation with the viewer. */
export function userConnection<Row>(
  ctx: GraphQLContext,
  rows: Row[],
  page: KeysetPage,
  keyOf: (row: Row) => string,
  userIdOf: (row: Row) => string,
): Promise<Connection<UserRow>> {
  return toConnection(rows, page, keyOf, (kept) => presentActors(ctx, kept.map(userIdOf)));
}

export const toUpperStatus = (status: 'processing' | 'ready' | 'failed') =>
  status.toUpperCase() as 'PROCESSING' | 'READY' | 'FAILED';
