import sharp from 'sharp';
import { SCENES } from './demo-scenes.js';
import { escapeXml, hex, hsl, mix, n, seededRandom } from './demo-svg.js';

/**
 * Demo photos and avatars for seed data, drawn rather than bundled: no binaries in the repository,
 * any size on demand, and the same seed always gives the same picture.
 */

function svgDocument(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );
}

/** A JPEG "photo" of width × height. Consecutive seeds cycle through the scene kinds. */
export async function generateDemoPhoto(seed: number, width: number, height: number): Promise<Buffer> {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`invalid demo photo size ${width}×${height}`);
  }
  const scene = SCENES[Math.abs(Math.trunc(seed)) % SCENES.length];
  if (!scene) throw new Error('no demo scenes');
  const svg = svgDocument(width, height, scene(seededRandom(seed), width, height));
  return sharp(svg).jpeg({ quality: 88, chromaSubsampling: '4:4:4' }).toBuffer();
}

const AVATAR_SIZE = 512;

/** A square JPEG avatar: a two-colour gradient with the initials (up to three letters) on it. */
export async function generateDemoAvatar(seed: number, initials: string): Promise<Buffer> {
  const random = seededRandom(seed);
  const hue = random.next() * 360;
  const from = hsl(hue, 0.7, 0.55);
  const to = hsl(hue + random.between(40, 90), 0.75, 0.42);
  const letters = escapeXml([...initials.trim().toUpperCase()].slice(0, 3).join(''));
  const fontSize = letters.length > 2 ? AVATAR_SIZE * 0.3 : AVATAR_SIZE * 0.38;
  const s = AVATAR_SIZE;
  const body =
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hex(from)}"/>` +
    `<stop offset="1" stop-color="${hex(to)}"/></linearGradient></defs>` +
    `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
    `<circle cx="${n(s * random.between(0.6, 0.9))}" cy="${n(s * random.between(0.05, 0.3))}" r="${n(s * 0.45)}" fill="${hex(mix(from, [255, 255, 255], 0.35))}" fill-opacity="0.25"/>` +
    // Fonts come from fontconfig; on a machine without any the avatar is still a pleasant gradient.
    `<text x="${s / 2}" y="${n(s / 2 + fontSize * 0.36)}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" ` +
    `font-weight="700" font-size="${n(fontSize)}" fill="#ffffff" text-anchor="middle" letter-spacing="${n(fontSize * -0.02)}">${letters}</text>`;
  return sharp(svgDocument(s, s, body))
    .jpeg({ quality: 88 })
    .toBuffer();
}
