import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { generateDemoPhoto } from '../../apps/server/src/platform/media';
import { DATA_DIR } from './paths';

/** Test photos, generated once and kept under bench/data. */

/**
 * A 12-megapixel camera JPEG (4000×3000): a demo scene with gaussian grain over it, since sensor noise
 * is what makes real photos expensive to encode (flat SVG shapes compress and resize unrealistically fast).
 */
export async function twelveMegapixelPhoto(): Promise<Buffer> {
  return cached('photo-12mp.jpg', async () => {
    const width = 4000;
    const height = 3000;
    const scene = await generateDemoPhoto(7, width, height);
    const grain = await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 28 },
      },
    })
      .png()
      .toBuffer();
    return sharp(scene)
      .composite([{ input: grain, blend: 'soft-light' }])
      .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
      .toBuffer();
  });
}

/** A 320×400 photo for posts whose processing should cost little: the fan-out figures time the feed, not media. */
export async function tinyPhoto(): Promise<Buffer> {
  return cached('photo-320.jpg', () => generateDemoPhoto(3, 320, 400));
}

async function cached(name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(DATA_DIR, name);
  if (existsSync(file)) return readFileSync(file);
  const data = await make();
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, data);
  return data;
}
