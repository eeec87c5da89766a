import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskBlobStore } from './disk';
import { type BlobStore, InvalidBlobKeyError } from './port';
import { createS3BlobStore } from './s3';

/** The slice of s3rver (an S3 emulator without type declarations) these tests use. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverInstance;
const S3rver: S3rverConstructor = createRequire(import.meta.url)('s3rver');

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The behaviour every BlobStore adapter promises; run once per adapter. */
function blobContract(name: string, open: () => BlobStore) {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    beforeAll(() => {
      store = open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('stores an object and returns it with its content type and size', async () => {
      await store.put('posts/1/photo.jpg', Buffer.from('jpeg bytes'), {
        contentType: 'image/jpeg',
        cacheControl: 'public, max-age=31536000, immutable',
      });
      const object = await store.get('posts/1/photo.jpg');
      expect(object?.contentType).toBe('image/jpeg');
      expect(object?.size).toBe(10);
      expect(object && (await text(object.body))).toBe('jpeg bytes');
      expect(await store.read('posts/1/photo.jpg')).toEqual(Buffer.from('jpeg bytes'));
      expect(await store.exists('posts/1/photo.jpg')).toBe(true);
    });

    it('overwrites an object, content type included', async () => {
      await store.put('avatar.png', Buffer.from('old'), { contentType: 'image/png' });
      await store.put('avatar.png', Buffer.from('newer'), { contentType: 'image/webp' });
      const object = await store.get('avatar.png');
      expect(object?.contentType).toBe('image/webp');
      expect(object?.size).toBe(5);
      expect(object && (await text(object.body))).toBe('newer');
    });

    it('answers null and false for an absent key', async () => {
      expect(await store.get('nope/missing.jpg')).toBeNull();
      expect(await store.read('nope/missing.jpg')).toBeNull();
      expect(await store.exists('nope/missing.jpg')).toBe(false);
    });

    it('keeps binary content intact', async () => {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
      await store.put('bin/raw.bin', bytes, { contentType: 'application/octet-stream' });
      expect(await store.read('bin/raw.bin')).toEqual(bytes);
    });

    it('deletes objects, ignoring absent keys', async () => {
      await store.put('del/a.txt', Buffer.from('a'), { contentType: 'text/plain' });
      await store.put('del/b.txt', Buffer.from('b'), { contentType: 'text/plain' });
      await store.delete(['del/a.txt', 'del/b.txt', 'del/never.txt']);
      await store.delete([]);
      expect(await store.exists('del/a.txt')).toBe(false);
      expect(await store.exists('del/b.txt')).toBe(false);
    });

    it('deletes more keys than one request takes', async () => {
      const keys = Array.from({ length: 1005 }, (_, i) => `many/${i}.txt`);
      await store.put('many/0.txt', Buffer.from('0'), { contentType: 'text/plain' });
      await store.put('many/1004.txt', Buffer.from('x'), { contentType: 'text/plain' });
      await store.delete(keys);
      expect(await store.exists('many/0.txt')).toBe(false);
      expect(await store.exists('many/1004.txt')).toBe(false);
    });

    it('rejects keys that are not plain relative paths', async () => {
      const bad = [
        '../escape.jpg',
        'a/../../b',
        '/absolute.jpg',
        'a//b',
        'a/./b',
        'spaces are bad',
        'a\\b',
        '',
        'x~y',
      ];
      for (const key of bad) {
        await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
          InvalidBlobKeyError,
        );
        await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
      await expect(store.delete(['ok.txt', '../nope'])).rejects.toBeInstanceOf(InvalidBlobKeyError);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

const diskRoot = await mkdtemp(path.join(tmpdir(), 'glimpse-blobs-'));
blobContract('disk', () => createDiskBlobStore({ root: diskRoot }));

describe('disk blob store', () => {
  it('leaves no temp files behind and keeps objects inside its root', async () => {
    const store = createDiskBlobStore({ root: diskRoot });
    await store.put('tidy/one.txt', Buffer.from('1'), { contentType: 'text/plain' });
    expect((await readdir(path.join(diskRoot, 'tidy'))).sort()).toEqual(['one.txt', 'one.txt~meta.json']);
  });
});

// s3rver runs in-process on a free port with its own directory: no external service needed.
const s3Dir = await mkdtemp(path.join(tmpdir(), 'glimpse-s3rver-'));
const s3rver = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory: s3Dir,
  silent: true,
  configureBuckets: [{ name: 'glimpse-test' }],
});
const { port } = await s3rver.run();
const s3Options = {
  bucket: 'glimpse-test',
  region: 'us-east-1',
  endpoint: `http://127.0.0.1:${port}`,
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  forcePathStyle: true,
};
blobContract('s3', () => createS3BlobStore(s3Options));

describe('S3 blob store', () => {
  it('stores Cache-Control for the CDN', async () => {
    const store = createS3BlobStore(s3Options);
    await store.put('cdn/cached.jpg', Buffer.from('x'), {
      contentType: 'image/jpeg',
      cacheControl: 'max-age=60',
    });
    const raw = new S3Client({
      ...s3Options,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const head = await raw.send(new HeadObjectCommand({ Bucket: s3Options.bucket, Key: 'cdn/cached.jpg' }));
    expect(head.CacheControl).toBe('max-age=60');
    expect(head.ContentType).toBe('image/jpeg');
    raw.destroy();
    await store.close();
  });

  it('fails ping for a bucket that does not exist', async () => {
    const store = createS3BlobStore({ ...s3Options, bucket: 'no-such-bucket' });
    await expect(store.ping()).rejects.toThrow();
    await store.close();
  });
});

afterAll(async () => {
  await s3rver.close();
  await rm(s3Dir, { recursive: true, force: true });
  await rm(diskRoot, { recursive: true, force: true });
});
