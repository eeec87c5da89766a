import { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertValidBlobKey, type BlobObject, type BlobStore } from './port';

/** Blobs in any S3-compatible store (AWS, MinIO, R2, Ceph...), served to a CDN with their Cache-Control. */

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `bucket` in the path rather than the host name; most self-hosted stores need it. */
  forcePathStyle?: boolean;
}

export class BlobStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlobStoreError';
  }
}

/** DeleteObjects takes at most this many keys per request. */
const DELETE_BATCH = 1000;

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // Recent SDKs add CRC32 checksums to every request by default, which older S3-compatible servers reject.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  const getObject = async (key: string): Promise<BlobObject | null> => {
    assertValidBlobKey(key);
    try {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!(output.Body instanceof Readable))
        throw new BlobStoreError(`GetObject ${key} returned no Node stream`);
      return {
        body: output.Body,
        contentType: output.ContentType ?? 'application/octet-stream',
        size: output.ContentLength ?? 0,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  return {
    kind: 's3',

    async put(key, body, putOptions) {
      assertValidBlobKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: putOptions.contentType,
          CacheControl: putOptions.cacheControl,
        }),
      );
    },

    get: getObject,

    async read(key) {
      const object = await getObject(key);
      if (!object) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return Buffer.concat(chunks);
    },

    async exists(key) {
      assertValidBlobKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async delete(keys) {
      for (const key of keys) assertValidBlobKey(key);
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const output = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        // DeleteObjects answers 200 even when some keys failed; absent keys are not reported as errors.
        const failed = output.Errors ?? [];
        if (failed.length > 0) {
          const first = failed[0];
          throw new BlobStoreError(
            `could not delete ${failed.length} object(s), first ${first?.Key}: ${first?.Code} ${first?.Message}`,
          );
        }
      }
    },

    async ping() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },

    async close() {
      client.destroy();
    },
  };
}
