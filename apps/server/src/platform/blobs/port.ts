import type { Readable } from 'node:stream';

/** The blob store port: local disk by default, any S3-compatible store when S3_BUCKET is set. */
export interface BlobPut {
  contentType: string;
  /** Cache-Control to store with the object (S3 serves it to a CDN). */
  cacheControl?: string;
}

export interface BlobObject {
  body: Readable;
  contentType: string;
  size: number;
}

export interface BlobStore {
  readonly kind: 'disk' | 's3';
  put(key: string, body: Buffer, options: BlobPut): Promise<void>;
  /** Returns null when the key does not exist. */
  get(key: string): Promise<BlobObject | null>;
  /** Reads a whole object into memory (for processing originals); null when absent. */
  read(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes the keys; absent keys are not an error. */
  delete(keys: readonly string[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class InvalidBlobKeyError extends Error {
  constructor(readonly key: string) {
    super(`invalid blob key ${JSON.stringify(key)}: use relative paths of [A-Za-z0-9._-] segments`);
    this.name = 'InvalidBlobKeyError';
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * Keys are relative paths of [A-Za-z0-9._-] segments on every adapter, so a key that works on S3 also works on
 * disk: no absolute paths, no `.` or `..` segments that could escape the disk store's root.
 */
export function assertValidBlobKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new InvalidBlobKeyError(key);
  }
}
