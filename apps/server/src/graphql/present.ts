import type { ImageVariant, StoredImage, UserRow } from '../modules/accounts/rows';
import type { PostRow } from '../modules/posts/rows';
import { parseEntities, type TextEntity } from '../modules/text/entities';
import { presentActors, presentPosts } from './access';
import type { GraphQLContext } from './context';
import { type Connection, type KeysetPage, toConnection } from './keyset';

/** Shapes shared by several modules' resolvers. */

type ImageSource = { url: string; width: number; height: number; format: 'AVIF' | 'WEBP' | 'JPEG' };

// Variants arrays come from cached rows shared between requests, so a feed's photos and avatars build
// their sources once per row rather than on every page (read-only: resolvers never modify them).
const sourcesOf = new WeakMap<
  readonly ImageVariant[],
  { media: (key: string) => string; sources: ImageSource[] }
>();

export function imageSources(ctx: GraphQLContext, image: StoredImage): ImageSource[] {
  const known = sourcesOf.get(image.variants);
  if (known && known.media === ctx.urls.media) return known.sources;
  const sources = image.variants.map((v) => ({
    url: ctx.urls.media(v.key),
    width: v.width,
    height: v.height,
    format: v.format.toUpperCase() as ImageSource['format'],
  }));
  sourcesOf.set(image.variants, { media: ctx.urls.media, sources });
  return sources;
}

const MAX_PARSED_TEXTS = 2_000;
const parsedTexts = new Map<string, TextEntity[]>();

/** parseEntities for served text, remembered for the captions and comments a busy feed repeats. */
export function entitiesOf(text: string): TextEntity[] {
  if (text === '') return [];
  let entities = parsedTexts.get(text);
  if (!entities) {
    entities = parseEntities(text);
    if (parsedTexts.size >= MAX_PARSED_TEXTS) parsedTexts.clear();
    parsedTexts.set(text, entities);
  }
  return entities;
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

export const toUpperStatus = <S extends 'processing' | 'ready' | 'failed' | 'removed'>(status: S) =>
  status.toUpperCase() as Uppercase<S>;
