/**
 * Renders the PWA and home-screen icons from apps/web/public/icon.svg (the one source of the logo):
 * `npx tsx scripts/generate-icons.ts`, then commit the PNGs. Maskable and Apple icons are full-bleed,
 * since the platform applies its own mask; the glyph already sits inside the maskable safe zone.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/public');
const svg = readFileSync(path.join(publicDir, 'icon.svg'), 'utf8');
// The background is the first <rect>; without its rounded corners it fills the whole square.
const fullBleed = svg.replace(/(<rect width="64" height="64") rx="16"/, '$1');
if (fullBleed === svg) throw new Error('icon.svg changed shape: update the full-bleed rule in this script');

const icons = [
  { file: 'icons/icon-192.png', size: 192, source: svg },
  { file: 'icons/icon-512.png', size: 512, source: svg },
  { file: 'icons/maskable-512.png', size: 512, source: fullBleed },
  { file: 'apple-touch-icon.png', size: 180, source: fullBleed },
];

mkdirSync(path.join(publicDir, 'icons'), { recursive: true });
for (const { file, size, source } of icons) {
  const out = path.join(publicDir, file);
  await sharp(Buffer.from(source), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 })
    .toFile(out);
  console.log(`${file}: ${size}x${size}, ${(statSync(out).size / 1024).toFixed(1)} KB`);
}
