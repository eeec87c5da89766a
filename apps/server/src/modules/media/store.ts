import type { BlobStore } from '../../platform/blobs/port';
import type { RenderedImage } from '../../platform/media';
import type { StoredImage } from '../accounts/rows';

const EXTENSION = { avif: 'avif', webp: 'webp', jpeg: 'jpg' } as const;

/**
 * Where a post photo's browser-viewable original lives when the original itself is not one (HEIC): next
 * to it, private like it, served to the author alone for re-editing (see serve.ts).
 */
export const viewableOriginalKey = (originalKey: string) => `${originalKey}.view.jpg`;

/** Originals a browser cannot decode: the editor gets their viewableOriginalKey rendition instead. */
export const needsViewableOriginal = (format: string | null) => format === 'heic';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Writes every variant of a rendered image under `prefix` and describes them for the database.
 * Keys derive from the prefix only, so a retried job overwrites rather than leaving orphans.
 */
export async function storeRendered(
  blobs: BlobStore,
  prefix: string,
  rendered: RenderedImage,
): Promise<StoredImage> {
  const variants = await Promise.all(
    rendered.variants.map(async (v) => {
      const key = `${prefix}/${v.width}.${EXTENSION[v.format]}`;
      await blobs.put(key, v.data, { contentType: v.mimeType, cacheControl: IMMUTABLE });
      return { key, width: v.width, height: v.height, format: v.format };
    }),
  );
  return {
    width: rendered.width,
    height: rendered.height,
    thumbhash: rendered.thumbhash,
    dominantColor: rendered.dominantColor,
    variants,
  };
}
