/** Photos to upload: real JPEGs made by sharp, each a different scene so a carousel is visibly two. */
import sharp from 'sharp';

export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export async function jpeg(name: string, from: string, to: string, size = 1080): Promise<PhotoFile> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${size * 0.7}" cy="${size * 0.3}" r="${size * 0.12}" fill="#fff6d5"/>
    <path d="M0 ${size * 0.75} L${size * 0.35} ${size * 0.45} L${size * 0.6} ${size * 0.7} L${size * 0.8} ${size * 0.55} L${size} ${size * 0.8} V${size} H0 Z" fill="#1d2b3a" opacity="0.85"/>
  </svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}
