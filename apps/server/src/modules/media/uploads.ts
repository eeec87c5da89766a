import { randomBytes } from 'node:crypto';
import { AppError, badInput } from '../../errors';
import type { BlobStore } from '../../platform/blobs/port';
import type { Db, Queryable } from '../../platform/db';
import { inspectImage, MediaError, readImageHeader } from '../../platform/media';

export interface UploadRow {
  id: string;
  owner_id: string;
  original_key: string;
  format: string;
  width: number;
  height: number;
}

export interface UploadResult {
  id: string;
  width: number;
  height: number;
  format: string;
}

export interface Uploads {
  /** Validates an uploaded image by content and keeps its original privately until a post or avatar claims it. */
  accept(ownerId: string, data: Buffer): Promise<UploadResult>;
  /** Takes the uploads (they stop being uploads); throws a field error naming the first that isn't the owner's. */
  claim(
    tx: Queryable,
    ownerId: string,
    uploadIds: readonly string[],
    field: (i: number) => string,
  ): Promise<UploadRow[]>;
  /** Removes uploads left unused for longer than `hours`, with their files. */
  sweep(hours: number): Promise<string[]>;
  /**
   * The oriented size and format of a claimed original, from its header (photos posted before their
   * post_media row kept them); null when the file is missing or unreadable.
   */
  describeOriginal(key: string): Promise<{ width: number; height: number; format: string } | null>;
}

const ID = /^[0-9]{1,19}$/;

export function createUploads(db: Db, blobs: BlobStore): Uploads {
  return {
    async accept(ownerId, data) {
      let info: Awaited<ReturnType<typeof inspectImage>>;
      try {
        info = await inspectImage(data);
      } catch (error) {
        if (error instanceof MediaError)
          throw new AppError('BAD_USER_INPUT', error.message, {
            field: 'file',
            fieldErrors: [{ field: 'file', message: error.message }],
            reason: error.code,
          });
        throw error;
      }
      // Originals are private (never served) and keyed randomly per owner shard.
      const key = `o/${randomBytes(16).toString('hex')}`;
      await blobs.put(key, data, { contentType: info.mimeType });
      try {
        const [row] = await db.query<{ id: string }>(
          `/* createUpload */ insert into uploads (id, owner_id, original_key, format, width, height, byte_size)
           values (next_id(shard_of($1)), $1, $2, $3, $4, $5, $6) returning id`,
          [ownerId, key, info.format, info.width, info.height, data.length],
        );
        return { id: row!.id, width: info.width, height: info.height, format: info.format };
      } catch (error) {
        await blobs.delete([key]);
        throw error;
      }
    },

    async claim(tx, ownerId, uploadIds, field) {
      uploadIds.forEach((id, i) => {
        if (!ID.test(id)) throw badInput(field(i), 'Invalid upload id');
      });
      if (new Set(uploadIds).size !== uploadIds.length) {
        throw badInput(
          field(uploadIds.findIndex((id, i) => uploadIds.indexOf(id) !== i)),
          'The same photo is used twice',
        );
      }
      const rows = await tx.query<UploadRow>(
        `/* claimUploads */ delete from uploads where id = any($1::bigint[]) and owner_id = $2
         returning id, owner_id, original_key, format, width, height`,
        [uploadIds, ownerId],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return uploadIds.map((id, i) => {
        const row = byId.get(id);
        if (!row) throw badInput(field(i), 'This upload does not exist or was already used');
        return row;
      });
    },

    async sweep(hours) {
      const rows = await db.query<{ original_key: string }>(
        `/* sweepStaleUploads */ delete from uploads where created_at < now() - make_interval(hours => $1)
         returning original_key`,
        [hours],
      );
      const keys = rows.map((r) => r.original_key);
      if (keys.length > 0) await blobs.delete(keys);
      return keys;
    },

    async describeOriginal(key) {
      const data = await blobs.read(key);
      if (!data) return null;
      try {
        const header = await readImageHeader(data);
        return { width: header.width, height: header.height, format: header.format };
      } catch (error) {
        if (error instanceof MediaError) return null;
        throw error;
      }
    },
  };
}
