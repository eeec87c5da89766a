import type { Recipe } from '@glimpse/edit';
import { deleteBlobs, fanoutPost, notificationEvent } from '../../jobs';
import type { BlobStore } from '../../platform/blobs/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import {
  centredCrop,
  isMediaError,
  POST_ASPECT,
  type RenderedImage,
  renderImage,
} from '../../platform/media';
import type { Metrics } from '../../platform/metrics';
import { enqueueInTx } from '../../platform/queue/outbox';
import type { JobStatus } from '../../platform/queue/port';
import type { CropBox } from '../posts/rows';
import { needsViewableOriginal, storeRendered, viewableOriginalKey } from './store';

/** A photo's browser-viewable original (HEIC only), private like the original: written once. */
async function storeViewableOriginal(blobs: BlobStore, originalKey: string, rendered: RenderedImage) {
  if (!rendered.viewableOriginal) return;
  await blobs.put(viewableOriginalKey(originalKey), rendered.viewableOriginal.data, {
    contentType: rendered.viewableOriginal.mimeType,
    cacheControl: 'private, no-store',
  });
}

/**
 * The media job: renders each photo of a new post from its private original and publishes the post
 * when every photo is ready. Idempotent: finished photos are skipped, keys are stable across retries.
 */
export function createPostMediaProcessor(deps: {
  db: Db;
  blobs: BlobStore;
  metrics: Metrics;
  logger: Logger;
  outbox: { kick(): void };
  /** The hydration cache holds post and user rows whose status and counts this job changes. */
  invalidate: { posts(ids: readonly string[]): Promise<void>; users(ids: readonly string[]): Promise<void> };
}) {
  const { db, blobs, metrics, logger, outbox, invalidate } = deps;

  return async function processPost({ postId }: { postId: string }): Promise<JobStatus> {
    const pending = await db.query<{
      id: string;
      original_key: string;
      original_format: string | null;
      media_key: string;
      crop: CropBox;
      recipe: Recipe | null;
    }>(
      `/* mediaToProcess */ select id, original_key, original_format, media_key, crop, recipe from post_media
       where post_id = $1 and status = 'processing' order by position`,
      [postId],
    );
    for (const media of pending) {
      const original = await blobs.read(media.original_key);
      if (!original) {
        logger.warn({ postId, mediaId: media.id }, 'original missing; marking photo failed');
        await markFailed(media.id, postId);
        continue;
      }
      const started = performance.now();
      let stored: Awaited<ReturnType<typeof storeRendered>>;
      try {
        const rendered = await renderImage(original, {
          mode: 'post',
          crop: media.crop,
          recipe: media.recipe,
          viewableOriginal: needsViewableOriginal(media.original_format),
        });
        stored = await storeRendered(blobs, `m/${media.media_key}`, rendered);
        await storeViewableOriginal(blobs, media.original_key, rendered);
      } catch (error) {
        // An original that passed inspection but will not render is a permanent failure, not a retry.
        if (isMediaError(error)) {
          logger.warn({ postId, mediaId: media.id, err: error }, 'photo failed to render');
          await markFailed(media.id, postId);
          continue;
        }
        throw error;
      }
      metrics.mediaProcessing.observe({ stage: 'post_photo' }, (performance.now() - started) / 1000);
      const updated = await db.query(
        `/* mediaReady */ update post_media set status = 'ready', width = $2, height = $3, thumbhash = $4,
           dominant_color = $5, variants = $6 where id = $1 returning 1`,
        [
          media.id,
          stored.width,
          stored.height,
          stored.thumbhash,
          stored.dominantColor,
          JSON.stringify(stored.variants),
        ],
      );
      // The post was deleted while we rendered: the files we just wrote belong to nothing.
      if (updated.length === 0) await blobs.delete(stored.variants.map((v) => v.key));
    }
    // Publishing and its fan-out commit together, so a published post always reaches its audience.
    const published = await db.transaction(async (tx) => {
      const rows = await tx.query<{ author_id: string }>(
        `/* publishPost */ update posts set status = 'ready' where id = $1 and status = 'processing'
         and not exists (select 1 from post_media where post_id = $1 and status <> 'ready') returning author_id::text`,
        [postId],
      );
      const [post] = rows;
      if (post) {
        await enqueueInTx(tx, fanoutPost, { postId });
        // Those the caption mentions hear of it once the post is out.
        await enqueueInTx(tx, notificationEvent, {
          kind: 'MENTION',
          actorId: post.author_id,
          subjectId: postId,
        });
      }
      return rows;
    });
    if (published.length > 0) {
      outbox.kick();
      await invalidate.posts([postId]);
    }
    return pending.length === 0 && published.length === 0 ? 'skipped' : 'done';
  };

  async function markFailed(mediaId: string, postId: string) {
    await db
      .transaction(async (tx) => {
        await tx.query(`/* mediaFailed */ update post_media set status = 'failed' where id = $1`, [mediaId]);
        const [post] = await tx.query<{ author_id: string }>(
          `/* postFailed */ update posts set status = 'failed' where id = $1 and status <> 'failed' returning author_id`,
          [postId],
        );
        if (post) {
          await tx.query(
            '/* uncountFailedPost */ update users set post_count = post_count - 1 where id = $1',
            [post.author_id],
          );
        }
        return post;
      })
      .then(async (post) => {
        await invalidate.posts([postId]);
        if (post) await invalidate.users([post.author_id]);
      });
  }
}

/**
 * The re-edit job: renders a published photo's pending recipe into the pending media key, then in one
 * transaction swaps the new render in and queues the old files' deletion, but only while that key is
 * still the photo's pending edit (a later re-edit wins: its own job renders it). Idempotent: a retry after
 * the swap finds no such pending edit and skips; one before it overwrites the same keys.
 */
export function createPostMediaRerenderer(deps: {
  db: Db;
  blobs: BlobStore;
  metrics: Metrics;
  logger: Logger;
  outbox: { kick(): void };
  /** The hydration cache holds the post's photos, which the swap changes. */
  invalidate: { media(postIds: readonly string[]): Promise<void> };
}) {
  const { db, blobs, metrics, logger, outbox, invalidate } = deps;

  /** Drops a pending edit that cannot render; the photo keeps its current render. */
  const dropEdit = async (postId: string, mediaId: string, mediaKey: string) => {
    await db.query(
      `/* dropPendingEdit */ update post_media set pending_recipe = null, pending_media_key = null
       where id = $1 and pending_media_key = $2`,
      [mediaId, mediaKey],
    );
    await invalidate.media([postId]);
  };

  return async function rerender({
    postId,
    mediaId,
    mediaKey,
  }: {
    postId: string;
    mediaId: string;
    mediaKey: string;
  }): Promise<JobStatus> {
    const [media] = await db.query<{
      original_key: string;
      original_format: string | null;
      original_width: number | null;
      original_height: number | null;
      pending_recipe: Recipe;
    }>(
      `/* mediaToRerender */ select original_key, original_format, original_width, original_height, pending_recipe
       from post_media where id = $1 and pending_media_key = $2`,
      [mediaId, mediaKey],
    );
    // Already swapped in, replaced by a later re-edit, or the post is gone.
    if (!media) return 'skipped';
    const original = await blobs.read(media.original_key);
    if (!original) {
      logger.warn({ postId, mediaId }, 'original missing; dropping the re-edit');
      await dropEdit(postId, mediaId, mediaKey);
      return 'done';
    }
    const recipe = media.pending_recipe;
    const started = performance.now();
    let stored: Awaited<ReturnType<typeof storeRendered>>;
    try {
      const viewKey = viewableOriginalKey(media.original_key);
      const rendered = await renderImage(original, {
        mode: 'post',
        recipe,
        viewableOriginal: needsViewableOriginal(media.original_format) && !(await blobs.exists(viewKey)),
      });
      stored = await storeRendered(blobs, `m/${mediaKey}`, rendered);
      await storeViewableOriginal(blobs, media.original_key, rendered);
    } catch (error) {
      // Checked when the edit was made, so this is a recipe the renderer refuses: a permanent failure.
      if (isMediaError(error)) {
        logger.warn({ postId, mediaId, err: error }, 're-edit failed to render; keeping the previous render');
        await dropEdit(postId, mediaId, mediaKey);
        return 'done';
      }
      throw error;
    }
    metrics.mediaProcessing.observe({ stage: 'post_photo_edit' }, (performance.now() - started) / 1000);
    const crop =
      recipe.geometry.crop ??
      (media.original_width && media.original_height
        ? centredCrop(media.original_width, media.original_height, POST_ASPECT)
        : null);
    const newKeys = new Set(stored.variants.map((v) => v.key));
    const swapped = await db.transaction(async (tx) => {
      const [previous] = await tx.query<{ variants: { key: string }[] }>(
        `/* mediaToSwap */ select variants from post_media where id = $1 and pending_media_key = $2 for update`,
        [mediaId, mediaKey],
      );
      if (!previous) {
        // A duplicate delivery of this job may have swapped these very files in: then they stay.
        const live = await tx.query(`/* editedKeyLive */ select 1 from post_media where media_key = $1`, [
          mediaKey,
        ]);
        return live.length > 0 ? 'live' : 'orphan';
      }
      await tx.query(
        `/* swapEditedMedia */ update post_media set media_key = pending_media_key, recipe = pending_recipe,
           crop = coalesce($2::jsonb, crop), width = $3, height = $4, thumbhash = $5, dominant_color = $6,
           variants = $7, pending_recipe = null, pending_media_key = null
         where id = $1`,
        [
          mediaId,
          crop ? JSON.stringify(crop) : null,
          stored.width,
          stored.height,
          stored.thumbhash,
          stored.dominantColor,
          JSON.stringify(stored.variants),
        ],
      );
      const old = previous.variants.map((v) => v.key).filter((key) => !newKeys.has(key));
      for (let i = 0; i < old.length; i += 1000) {
        await enqueueInTx(tx, deleteBlobs, { keys: old.slice(i, i + 1000) });
      }
      return 'swapped';
    });
    if (swapped === 'live') return 'skipped';
    if (swapped === 'orphan') {
      // A later re-edit replaced this one, or the post was deleted, while we rendered: ours belong to nothing.
      await blobs.delete([...newKeys]);
      return 'done';
    }
    outbox.kick();
    await invalidate.media([postId]);
    return 'done';
  };
}
