import path from 'node:path';
import { startS3Server } from '../../apps/server/test/support/s3';
import { DATA_DIR } from './paths';
import type { Installation } from './services';

/**
 * An S3-compatible object store in this process (s3rver, as the integration tests use), kept under
 * bench/data so seeded photos survive between runs. The servers under test reach it over HTTP.
 */
export interface BlobStoreHandle {
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startBlobStore(installations: readonly Installation[]): Promise<BlobStoreHandle> {
  const [first, ...rest] = installations;
  if (!first) throw new Error('no installation needs a blob store');
  const s3 = await startS3Server(path.join(DATA_DIR, 's3'), first.bucket);
  // s3rver configures one bucket at start; the others are created on first use by the S3 API.
  await Promise.all(rest.map((i) => fetch(`${s3.endpoint}/${i.bucket}`, { method: 'PUT' })));
  return {
    env: {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    stop: s3.stop,
  };
}
