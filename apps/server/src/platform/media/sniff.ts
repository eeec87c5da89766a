/** Recognises the accepted image types from their first bytes; names and declared types are never trusted. */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | 'gif';

export const MIME_TYPES: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  gif: 'image/gif',
};

export const ACCEPTED_TYPES_TEXT = 'JPEG, PNG, WebP, AVIF, HEIC or GIF';

const AVIF_BRANDS = new Set(['avif', 'avis']);
// mif1/msf1 only say "some HEIF"; the compatible brands then tell AVIF from HEIC.
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

function startsWith(buffer: Buffer, signature: readonly number[], at = 0): boolean {
  if (buffer.length < at + signature.length) return false;
  return signature.every((byte, i) => buffer[at + i] === byte);
}

function ascii(buffer: Buffer, start: number, end: number): string {
  return buffer.toString('latin1', start, end);
}

/** ISO base media file (HEIF, AVIF): an 'ftyp' box first, whose brands name the profile. */
function sniffFtyp(buffer: Buffer): ImageFormat | null {
  if (buffer.length < 16 || ascii(buffer, 4, 8) !== 'ftyp') return null;
  const boxSize = buffer.readUInt32BE(0);
  if (boxSize < 16 || boxSize > buffer.length || boxSize % 4 !== 0) return null;
  const major = ascii(buffer, 8, 12);
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (!GENERIC_HEIF_BRANDS.has(major)) return null; // e.g. MP4 video, JPEG XL, camera raw
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4)
    compatible.push(ascii(buffer, offset, offset + 4));
  return compatible.some((brand) => AVIF_BRANDS.has(brand)) ? 'avif' : 'heic';
}

/** Returns the image format the content starts with, or null when it is not one we accept. */
export function sniffImageFormat(buffer: Buffer): ImageFormat | null {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (buffer.length >= 6 && (ascii(buffer, 0, 6) === 'GIF87a' || ascii(buffer, 0, 6) === 'GIF89a'))
    return 'gif';
  if (buffer.length >= 12 && ascii(buffer, 0, 4) === 'RIFF' && ascii(buffer, 8, 12) === 'WEBP') return 'webp';
  return sniffFtyp(buffer);
}
