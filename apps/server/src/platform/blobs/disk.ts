import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidBlobKey, type BlobStore } from './port';

/**
 * Blobs on local disk under one root. Each object `a/b.jpg` has a sidecar `a/b.jpg~meta.json` holding its
 * content type and cache control; `~` cannot appear in a key, so a sidecar or temp file never collides with
 * an object.
 */

interface Meta {
  contentType: string;
  cacheControl?: string;
}

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

function isMissing(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  // ENOTDIR: a parent segment of the key is a file, so the key cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const temp = `${file}~${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export function createDiskBlobStore(options: { root: string }): BlobStore {
  const root = path.resolve(options.root);
  const fileFor = (key: string) => {
    assertValidBlobKey(key);
    return path.join(root, key);
  };
  const metaFor = (file: string) => `${file}~meta.json`;

  const readMeta = async (file: string): Promise<Meta> => {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(metaFor(file), 'utf8'));
      if (
        parsed &&
        typeof parsed === 'object' &&
        'contentType' in parsed &&
        typeof parsed.contentType === 'string'
      ) {
        const cacheControl =
          'cacheControl' in parsed && typeof parsed.cacheControl === 'string'
            ? parsed.cacheControl
            : undefined;
        return { contentType: parsed.contentType, cacheControl };
      }
    } catch (error) {
      if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
    }
    return { contentType: FALLBACK_CONTENT_TYPE };
  };

  return {
    kind: 'disk',

    async put(key, body, putOptions) {
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const meta: Meta = { contentType: putOptions.contentType, cacheControl: putOptions.cacheControl };
      // Metadata first: a reader that sees the new object then also sees its content type.
      await writeAtomically(metaFor(file), JSON.stringify(meta));
      await writeAtomically(file, body);
    },

    async get(key) {
      const file = fileFor(key);
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(file, 'r');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        // Size from the opened file, so a concurrent overwrite cannot make it disagree with the stream.
        const stats = await handle.stat();
        if (!stats.isFile()) {
          await handle.close();
          return null;
        }
        const meta = await readMeta(file);
        return { body: handle.createReadStream(), contentType: meta.contentType, size: stats.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async read(key) {
      try {
        return await fs.readFile(fileFor(key));
      } catch (error) {
        if (isMissing(error) || (error instanceof Error && 'code' in error && error.code === 'EISDIR'))
          return null;
        throw error;
      }
    },

    async exists(key) {
      try {
        return (await fs.stat(fileFor(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async delete(keys) {
      const files = keys.map(fileFor);
      for (const file of files) {
        await fs.rm(file, { force: true });
        await fs.rm(metaFor(file), { force: true });
      }
    },

    async ping() {
      await fs.mkdir(root, { recursive: true });
      await fs.access(root, constants.R_OK | constants.W_OK);
    },

    async close() {},
  };
}
