import sharp from 'sharp';
import { readImageHeader } from './inspect.js';
import { computePlaceholder } from './placeholder.js';
import type { RenderedImage } from './port.js';
import { type RawImage, rawLayout } from './raw.js';
import { decodeMaster, encodeVariants } from './render.js';

/**
 * A story is a 9:16 canvas. The photo is fitted whole (never cropped: text in it stays readable) and
 * the space around it is filled with the same photo, cover-scaled, blurred and dimmed, as Instagram
 * does. One decode; the canvas is then encoded at every story width.
 */
export const STORY_CANVAS = { width: 1080, height: 1920 } as const;
const STORY_WIDTHS = [1080, 540] as const;

export async function renderStoryImage(original: Buffer): Promise<RenderedImage> {
  const header = await readImageHeader(original);
  const { width, height } = STORY_CANVAS;
  const box = { left: 0, top: 0, width: header.width, height: header.height };
  const master = await decodeMaster(original, header, box, Math.min(header.width, width * 2));
  const source = () => sharp(master.data, { raw: rawLayout(master) });
  const [background, foreground] = await Promise.all([
    source()
      .resize(width, height, { fit: 'cover' })
      .blur(30)
      .modulate({ brightness: 0.7 })
      .raw()
      .toBuffer({ resolveWithObject: true }),
    source()
      .resize(width, height, { fit: 'inside', kernel: 'lanczos3' })
      .png()
      .toBuffer({ resolveWithObject: true }),
  ]);
  const { data, info } = await sharp(background.data, {
    raw: rawLayout({ ...background.info, data: background.data } as RawImage),
  })
    .composite([
      {
        input: foreground.data,
        left: Math.round((width - foreground.info.width) / 2),
        top: Math.round((height - foreground.info.height) / 2),
      },
    ])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const canvas: RawImage = {
    data,
    width: info.width,
    height: info.height,
    channels: info.channels as RawImage['channels'],
  };
  const [variants, placeholder] = await Promise.all([
    encodeVariants(canvas, STORY_WIDTHS),
    computePlaceholder(canvas),
  ]);
  return { width, height, variants, ...placeholder };
}
