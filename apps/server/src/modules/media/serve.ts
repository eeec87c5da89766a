import { isId } from '../../errors';
import type { BlobStore } from '../../platform/blobs/port';
import type { Db } from '../../platform/db';
import type { Graph } from '../graph/service';
import { NO_RELATIONSHIP } from '../graph/service';
import { canSeePost } from '../policy/policy';
import type { PostRow } from '../posts/rows';
import { needsViewableOriginal, viewableOriginalKey } from './store';

/**
 * Served keys: avatars (a/) are public like profile headers; post photos (m/) follow the post's visibility;
 * story canvases (s/) follow the story's (the stories module's rule, by the clock).
 */
const SERVED_KEY = /^(a|m|s)\/([0-9a-f]{32})\/[0-9]{1,5}\.(avif|webp|jpg)$/;

/**
 * A post photo's unedited original, for re-editing: `original/<mediaId>`, served to the post's author
 * alone and never cached; to anyone else exactly the 404 of a photo that does not exist. A HEIC original
 * is served as its JPEG rendition (browsers cannot decode HEIC); others as uploaded, which browsers
 * display with their EXIF orientation applied (the API gives the oriented size).
 */
const ORIGINAL_PATH = /^original\/([0-9]{1,19})$/;

export type ServeDecision = { kind: 'missing' } | { kind: 'serve'; key: string; cacheControl: string };

export function createMediaGate(deps: {
  db: Db;
  graph: Graph;
  /** Moderators see reported photos in context, whoever may see the post (removed, private, archived). */
  isModerator: (userId: string) => Promise<boolean>;
  /** The Cache-Control to serve a story's file with, or null when the viewer may not see it. */
  storyMedia?: (mediaKey: string, viewerId: string | null) => Promise<string | null>;
}) {
  const { db, graph } = deps;

  const originalOf = async (mediaId: string, viewerId: string | null): Promise<ServeDecision> => {
    if (!viewerId || !isId(mediaId)) return { kind: 'missing' };
    const [row] = await db.query<
      Pick<PostRow, 'author_id' | 'status'> & { original_key: string; original_format: string | null }
    >(
      `/* servedOriginal */ select m.original_key, m.original_format, p.author_id, p.status
       from post_media m join posts p on p.id = m.post_id where m.id = $1`,
      [mediaId],
    );
    // A post a moderator removed is shown to nobody, its author included (see canSeePost).
    if (!row || row.author_id !== viewerId || row.status === 'removed') return { kind: 'missing' };
    const served = needsViewableOriginal(row.original_format)
      ? viewableOriginalKey(row.original_key)
      : row.original_key;
    return { kind: 'serve', key: served, cacheControl: 'private, no-store' };
  };

  return async function decide(key: string, viewerId: string | null): Promise<ServeDecision> {
    const original = ORIGINAL_PATH.exec(key);
    if (original) return originalOf(original[1]!, viewerId);
    const match = SERVED_KEY.exec(key);
    if (!match) return { kind: 'missing' };
    if (match[1] === 'a') return { kind: 'serve', key, cacheControl: 'public, max-age=31536000, immutable' };
    if (match[1] === 's') {
      const cacheControl = deps.storyMedia ? await deps.storyMedia(match[2]!, viewerId) : null;
      return cacheControl ? { kind: 'serve', key, cacheControl } : { kind: 'missing' };
    }
    const [row] = await db.query<
      Pick<PostRow, 'author_id' | 'status' | 'archived_at' | 'comments_disabled'> & {
        is_private: boolean;
      }
    >(
      `/* servedMediaPost */ select p.author_id, p.status, p.archived_at, p.comments_disabled, u.is_private
       from post_media m join posts p on p.id = m.post_id join users u on u.id = p.author_id
       where m.media_key = $1`,
      [match[2]!],
    );
    if (!row) return { kind: 'missing' };
    const rel =
      viewerId && viewerId !== row.author_id
        ? ((await graph.relationships(viewerId, [row.author_id])).get(row.author_id) ?? NO_RELATIONSHIP)
        : NO_RELATIONSHIP;
    // A photo the viewer may not see is "not found", exactly like a key that never existed.
    if (!canSeePost(viewerId, row, { id: row.author_id, is_private: row.is_private }, rel)) {
      if (viewerId && (await deps.isModerator(viewerId))) {
        return { kind: 'serve', key, cacheControl: 'private, no-store' };
      }
      return { kind: 'missing' };
    }
    // Public posts may sit in shared caches (a CDN); a private account's photos only in the viewer's browser.
    const cacheControl =
      row.is_private || row.status !== 'ready' || row.archived_at
        ? 'private, max-age=31536000, immutable'
        : 'public, max-age=31536000, immutable';
    return { kind: 'serve', key, cacheControl };
  };
}

export type MediaGate = ReturnType<typeof createMediaGate>;
export type { BlobStore };
