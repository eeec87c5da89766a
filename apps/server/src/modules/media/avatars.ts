import { badInput } from '../../errors';
import { renderAvatar } from '../../jobs';
import type { BlobStore } from '../../platform/blobs/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { isMediaError, type NormalisedCrop, renderImage } from '../../platform/media';
import type { JobQueue, JobStatus } from '../../platform/queue/port';
import type { Accounts } from '../accounts/service';
import { cropProblem } from './crop';
import { storeRendered } from './store';

export interface Avatars {
  /** Checks the upload and crop, then queues the render; the avatar changes when the job finishes. */
  request(userId: string, uploadId: string, crop: NormalisedCrop | null): Promise<void>;
  remove(userId: string): Promise<void>;
  /** The job: render, store, swap in, remove the previous avatar's files and the original. */
  render(payload: { userId: string; uploadId: string; crop: NormalisedCrop | null }): Promise<JobStatus>;
}

export function createAvatars(deps: {
  db: Db;
  blobs: BlobStore;
  queue: JobQueue;
  accounts: Accounts;
  logger: Logger;
}): Avatars {
  const { db, blobs, queue, accounts, logger } = deps;

  const dropFiles = async (keys: string[]) => {
    if (keys.length > 0) await blobs.delete(keys);
  };

  return {
    async request(userId, uploadId, crop) {
      if (!/^[0-9]{1,19}$/.test(uploadId)) throw badInput('uploadId', 'Invalid upload id');
      const [upload] = await db.query<{ width: number; height: number }>(
        '/* uploadForAvatar */ select width, height from uploads where id = $1 and owner_id = $2',
        [uploadId, userId],
      );
      if (!upload) throw badInput('uploadId', 'This upload does not exist or was already used');
      if (crop) {
        const problem = cropProblem(crop, upload.width, upload.height, 'avatar');
        if (problem) throw badInput('crop', problem);
      }
      await queue.enqueue(renderAvatar, { userId, uploadId, crop });
    },

    async remove(userId) {
      const previous = await accounts.setAvatar(userId, null);
      await dropFiles(previous?.variants.map((v) => v.key) ?? []);
    },

    async render({ userId, uploadId, crop }) {
      const [upload] = await db.query<{ original_key: string }>(
        '/* avatarUpload */ select original_key from uploads where id = $1 and owner_id = $2',
        [uploadId, userId],
      );
      if (!upload) return 'skipped';
      const original = await blobs.read(upload.original_key);
      if (!original) return 'skipped';
      let stored: Awaited<ReturnType<typeof storeRendered>>;
      try {
        const rendered = await renderImage(original, { mode: 'avatar', ...(crop ? { crop } : {}) });
        // The original's random key names the avatar's folder: stable across retries, never guessable.
        stored = await storeRendered(blobs, `a/${upload.original_key.replace(/^o\//, '')}`, rendered);
      } catch (error) {
        if (!isMediaError(error)) throw error;
        logger.warn({ userId, err: error }, 'avatar failed to render');
        await db.query('/* dropAvatarUpload */ delete from uploads where id = $1', [uploadId]);
        await dropFiles([upload.original_key]);
        return 'done';
      }
      const previous = await accounts.setAvatar(userId, stored);
      await db.query('/* consumeAvatarUpload */ delete from uploads where id = $1', [uploadId]);
      const keep = new Set(stored.variants.map((v) => v.key));
      await dropFiles([
        upload.original_key,
        ...(previous?.variants.map((v) => v.key).filter((k) => !keep.has(k)) ?? []),
      ]);
      return 'done';
    },
  };
}
