import { fanoutPost, notificationEvent } from '../../jobs';
import type { BlobStore } from '../../platform/blobs/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { isMediaError, renderImage } from '../../platform/media';
import type { Metrics } from '../../platform/metrics';
import { enqueueInTx } from '../../platform/queue/outbox';
import type { JobStatus } from '../../platform/queue/port';
import type { CropBox } from '../posts/rows';
import { storeRendered } from './store';

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
    const pending = await db.query<{ id: string; original_key: string; media_key: string; crop: CropBox }>(
      `/* mediaToProcess */ select id, original_key, media_key, crop from post_media
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
        const rendered = await renderImage(original, { mode: 'post', crop: media.crop });
        stored = await storeRendered(blobs, `m/${media.media_key}`, rendered);
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
