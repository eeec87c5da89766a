import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { type RawImage, rawLayout } from './raw.js';

/** What a client paints before the image arrives: a ThumbHash and one dominant colour. */

export interface Placeholder {
  thumbhash: string;
  dominantColor: string;
}

function hexByte(value: number): string {
  return Math.max(0, Math.min(255, Math.round(value)))
    .toString(16)
    .padStart(2, '0');
}

export async function computePlaceholder(image: RawImage): Promise<Placeholder> {
  // ThumbHash takes at most 100×100 RGBA; the histogram for the dominant colour is as good at this size.
  const { data, info } = await sharp(image.data, { raw: rawLayout(image) })
    .resize(100, 100, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const thumbhash = Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
  const { dominant } = await sharp(data, {
    raw: { width: info.width, height: info.height, channels: 4 },
  }).stats();
  return { thumbhash, dominantColor: `#${hexByte(dominant.r)}${hexByte(dominant.g)}${hexByte(dominant.b)}` };
}
