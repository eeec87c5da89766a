import type { DecodedHeic } from 'heic-decode';
import { MediaError } from './errors.js';
import type { RawImage } from './raw.js';

/**
 * HEVC-coded HEIC (what iPhones write) decoded with libheif compiled to wasm, because sharp's prebuilt
 * libvips can read the HEIF container but carries no HEVC decoder (patent licensing).
 *
 * The decoder is synchronous wasm on the calling thread; run the pipeline in a worker process or
 * thread when HEIC uploads are frequent.
 */

// heic-decode checks the major brand against a shorter list than HEIF defines; libheif itself reads
// all of these.
const BRANDS_HEIC_DECODE_ACCEPTS = new Set(['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx']);

function withAcceptedMajorBrand(buffer: Buffer): Buffer {
  if (BRANDS_HEIC_DECODE_ACCEPTS.has(buffer.toString('latin1', 8, 12))) return buffer;
  // Every HEIF file is structurally 'mif1'; rewriting the major brand in a copy changes nothing else.
  const copy = Buffer.from(buffer);
  copy.write('mif1', 8, 'latin1');
  return copy;
}

// Loaded on first use: the wasm bundle is ~2 MB and most processes never see a HEIC.
let decoderPromise: Promise<typeof import('heic-decode').default> | undefined;

function loadDecoder() {
  decoderPromise ??= import('heic-decode').then((module) => module.default);
  return decoderPromise;
}

/** Decodes the first top-level image to RGBA, with the container's rotation and mirroring applied. */
export async function decodeHevcHeic(buffer: Buffer): Promise<RawImage> {
  const decode = await loadDecoder();
  let decoded: DecodedHeic;
  try {
    decoded = await decode({ buffer: withAcceptedMajorBrand(buffer) });
  } catch (cause) {
    throw new MediaError('corrupt', 'This HEIC photo is damaged or incomplete and cannot be read.', {
      cause,
    });
  }
  const { width, height, data } = decoded;
  if (data.byteLength !== width * height * 4) {
    throw new MediaError('corrupt', 'This HEIC photo is damaged or incomplete and cannot be read.');
  }
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 };
}
