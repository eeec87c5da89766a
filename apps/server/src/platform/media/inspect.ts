import sharp, { type FormatEnum, type Metadata, type SharpOptions } from 'sharp';
import { MediaError } from './errors.js';
import { decodeHevcHeic } from './heic.js';
import type { ImageInfo } from './port.js';
import { ACCEPTED_TYPES_TEXT, type ImageFormat, MIME_TYPES, sniffImageFormat } from './sniff.js';

/** Upload validation: by content, header first, and only then a cheap decode to prove the file is whole. */

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_PIXELS = 100_000_000;

/** Which decoder renders the file: libvips, or libheif-in-wasm for HEVC (see heic.ts). */
export type Decoder = 'sharp' | 'heic-decode';

export interface ImageHeader extends ImageInfo {
  decoder: Decoder;
}

/**
 * Options for every sharp decode of an untrusted original. 'truncated' rather than the stricter
 * default: camera JPEGs often carry harmless libjpeg warnings ("extraneous bytes"), and we re-encode
 * everything we serve, so only data that is actually missing must fail. The pixel limit repeats ours
 * in case a header lies. Animated GIF and WebP: first frame only.
 */
export const UNTRUSTED_INPUT: SharpOptions = {
  failOn: 'truncated',
  limitInputPixels: MAX_PIXELS,
  pages: 1,
  autoOrient: true,
};

const LIBVIPS_LOADER: Readonly<Record<ImageFormat, keyof FormatEnum>> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'heif',
  heic: 'heif',
};

const LABEL: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  avif: 'AVIF',
  heic: 'HEIC',
};

function corrupt(format: ImageFormat, cause?: unknown): MediaError {
  return new MediaError(
    'corrupt',
    `This ${LABEL[format]} file is damaged or incomplete and cannot be read.`,
    {
      cause,
    },
  );
}

function pickDecoder(format: ImageFormat, metadata: Metadata): Decoder {
  if (LIBVIPS_LOADER[format] !== 'heif') return 'sharp';
  if (metadata.compression === 'hevc') return 'heic-decode';
  if (metadata.compression === 'av1') return 'sharp';
  throw new MediaError('unsupported_type', `This ${LABEL[format]} file uses a codec we cannot read.`);
}

/**
 * The checks that need no pixels: size, type by content, and the dimensions in the header (sharp's
 * metadata() parses headers only). Throws MediaError.
 */
export async function readImageHeader(buffer: Buffer): Promise<ImageHeader> {
  if (buffer.length === 0) throw new MediaError('empty', 'The file is empty.');
  if (buffer.length > MAX_UPLOAD_BYTES) {
    throw new MediaError('too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  const format = sniffImageFormat(buffer);
  if (!format) {
    throw new MediaError(
      'unsupported_type',
      `This file type is not supported: upload a ${ACCEPTED_TYPES_TEXT} image.`,
    );
  }
  let metadata: Metadata;
  try {
    // No pixel limit here: metadata() reads headers only, and sharp's own limit would turn a pixel
    // bomb into a vague error instead of our 'too_many_pixels'.
    metadata = await sharp(buffer, { pages: 1, limitInputPixels: false }).metadata();
  } catch (cause) {
    throw corrupt(format, cause);
  }
  // libvips sniffs on its own; a different loader would mean our signature check was fooled.
  if (metadata.format !== LIBVIPS_LOADER[format]) throw corrupt(format);
  const { width, height } = metadata.autoOrient;
  if (!(width > 0 && height > 0)) throw corrupt(format);
  if (width * height > MAX_PIXELS) {
    const megapixels = Math.round((width * height) / 1e6);
    throw new MediaError(
      'too_many_pixels',
      `This image is ${width}×${height} (${megapixels} megapixels); the limit is ${MAX_PIXELS / 1e6} megapixels.`,
    );
  }
  return { format, width, height, mimeType: MIME_TYPES[format], decoder: pickDecoder(format, metadata) };
}

/** Decodes the whole file cheaply (libjpeg and libwebp scale while decoding) so truncation shows up. */
async function verifyDecodes(buffer: Buffer, header: ImageHeader): Promise<void> {
  if (header.decoder === 'heic-decode') {
    const decoded = await decodeHevcHeic(buffer);
    if (decoded.width !== header.width || decoded.height !== header.height) throw corrupt(header.format);
    return;
  }
  try {
    await sharp(buffer, UNTRUSTED_INPUT).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (cause) {
    throw corrupt(header.format, cause);
  }
}

/** Validates an uploaded file before anything is stored. Throws MediaError with a user-facing message. */
export async function inspectImage(buffer: Buffer): Promise<ImageInfo> {
  const header = await readImageHeader(buffer);
  await verifyDecodes(buffer, header);
  return { format: header.format, width: header.width, height: header.height, mimeType: header.mimeType };
}
