import { cropPixels, isIdentity, type Recipe, renderCpu } from '@glimpse/edit';
import sharp, { type Sharp } from 'sharp';
import { AVATAR_ASPECT, centredCrop, type PixelBox, POST_ASPECT, validateCrop } from './crop.js';
import { MediaError } from './errors.js';
import { decodeHevcHeic } from './heic.js';
import { type ImageHeader, readImageHeader, UNTRUSTED_INPUT } from './inspect.js';
import { computePlaceholder } from './placeholder.js';
import type { RenderedImage, RenderedVariant, RenderMode, RenderOptions, VariantFormat } from './port.js';
import { type RawImage, rawLayout } from './raw.js';

/**
 * Rendering an original into what we serve: one decode, oriented and cropped, resized once to the
 * largest width; every other size, format and the placeholder come from those pixels in memory.
 * Nothing from the original's metadata survives: the encoders start from raw pixels.
 */

const WIDTHS: Readonly<Record<RenderMode, readonly number[]>> = {
  post: [1080, 640, 320],
  avatar: [320, 150],
};

const ASPECT = { post: POST_ASPECT, avatar: AVATAR_ASPECT } as const;

const FORMATS: readonly VariantFormat[] = ['avif', 'webp', 'jpeg'];

const MIME: Readonly<Record<VariantFormat, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

// Tuned for upload latency. AVIF dominates the cost: on a 1080-wide photo effort 2 takes about half
// the time of effort 3 for the same size and fidelity (measured), and the default 4 is 5-10x slower.
// 4:2:0 chroma is what photos tolerate and what every decoder handles fast.
const ENCODE: Readonly<Record<VariantFormat, (pipeline: Sharp) => Sharp>> = {
  avif: (pipeline) => pipeline.avif({ quality: 52, effort: 2, chromaSubsampling: '4:2:0' }),
  webp: (pipeline) => pipeline.webp({ quality: 78, effort: 4 }),
  jpeg: (pipeline) => pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true }),
};

/**
 * The widths to produce, largest first. Standard widths wider than the crop are skipped (no
 * upscaling); a crop narrower than the largest standard width is kept at its own width so no
 * resolution is thrown away, which also guarantees at least one size.
 */
export function variantWidths(cropWidth: number, standardWidths: readonly number[]): number[] {
  const largest = Math.min(cropWidth, Math.max(...standardWidths));
  return [largest, ...standardWidths.filter((width) => width < largest)];
}

function corrupt(cause: unknown): MediaError {
  return new MediaError('corrupt', 'This photo is damaged or incomplete and cannot be read.', { cause });
}

/**
 * Opens the oriented original for decoding: HEVC HEIC is decoded once here (wasm, slow) and each call of
 * the returned function reads those pixels again; anything else is decoded by libvips per pipeline.
 */
async function openOriginal(original: Buffer, header: ImageHeader): Promise<() => Sharp> {
  if (header.decoder === 'heic-decode') {
    const decoded = await decodeHevcHeic(original);
    if (decoded.width !== header.width || decoded.height !== header.height) {
      throw corrupt(new Error('HEIC decoded size differs from its header'));
    }
    return () =>
      sharp(decoded.data, { raw: rawLayout(decoded), limitInputPixels: UNTRUSTED_INPUT.limitInputPixels });
  }
  return () => sharp(original, UNTRUSTED_INPUT);
}

/** The single decode: orient, crop, flatten onto white (JPEG has no alpha; all formats must match), sRGB. */
export async function decodeMaster(
  original: Buffer,
  header: ImageHeader,
  box: PixelBox,
  width: number,
  open?: () => Sharp,
): Promise<RawImage> {
  let pipeline = (open ?? (await openOriginal(original, header)))().extract(box);
  if (width < box.width) pipeline = pipeline.resize({ width, kernel: 'lanczos3' });
  try {
    const { data, info } = await pipeline
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (cause) {
    throw corrupt(cause);
  }
}

/** The whole oriented original at full resolution, flattened onto white, sRGB, exactly 3 channels. */
async function decodeWhole(open: () => Sharp): Promise<RawImage> {
  try {
    const { data, info } = await open()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, expected 3`);
    return { data, width: info.width, height: info.height, channels: 3 };
  } catch (cause) {
    throw corrupt(cause);
  }
}

/**
 * The recipe path: the whole recipe (geometry, colour, detail) applied by @glimpse/edit's CPU renderer to
 * the full-resolution original, at the crop's own pixel width (its shape already checked by cropPixels).
 */
async function renderRecipeMaster(recipe: Recipe, open: () => Sharp): Promise<RawImage> {
  const source = await decodeWhole(open);
  const output = renderCpu(
    { data: source.data, width: source.width, height: source.height, channels: 3 },
    recipe,
  );
  const data = Buffer.from(output.data.buffer, output.data.byteOffset, output.data.byteLength);
  if (output.channels !== 3 || data.length !== output.width * output.height * 3) {
    throw new Error(`renderCpu returned ${output.width}×${output.height}×${output.channels} for 3 channels`);
  }
  return { data, width: output.width, height: output.height, channels: 3 };
}

/** The oriented original as a JPEG a browser can open (only HEIC needs one): for re-editing the photo. */
async function viewableOriginal(open: () => Sharp): Promise<NonNullable<RenderedImage['viewableOriginal']>> {
  try {
    const { data, info } = await open()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 90, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, mimeType: MIME.jpeg, width: info.width, height: info.height };
  } catch (cause) {
    throw corrupt(cause);
  }
}

export async function encodeVariants(
  master: RawImage,
  widths: readonly number[],
): Promise<RenderedVariant[]> {
  const jobs = widths.flatMap((width) => {
    const sized = sharp(master.data, { raw: rawLayout(master) });
    if (width < master.width) sized.resize({ width, kernel: 'lanczos3' });
    return FORMATS.map(async (format): Promise<RenderedVariant> => {
      const { data, info } = await ENCODE[format](sized.clone()).toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, format, mimeType: MIME[format], data };
    });
  });
  return Promise.all(jobs);
}

/**
 * Renders an original (already accepted by inspectImage) into AVIF, WebP and JPEG at every width of the
 * mode, plus a ThumbHash and dominant colour. Throws MediaError for a refused crop or an unreadable file.
 * A post photo with a non-identity edit recipe is rendered through the recipe (see renderRecipeMaster);
 * every size, format and the placeholder then come from that master exactly as on the plain path.
 */
export async function renderImage(original: Buffer, options: RenderOptions): Promise<RenderedImage> {
  const header = await readImageHeader(original);
  const aspect = ASPECT[options.mode];
  const recipe =
    options.mode === 'post' && options.recipe && !isIdentity(options.recipe) ? options.recipe : null;
  // Refuse a crop before the (possibly slow) decode.
  let box: PixelBox | null = null;
  if (recipe) {
    const shape = cropPixels(header.width, header.height, recipe.geometry, POST_ASPECT);
    if (!shape.ok) throw new MediaError('invalid_crop', shape.message);
  } else {
    const crop =
      options.recipe?.geometry.crop ?? options.crop ?? centredCrop(header.width, header.height, aspect);
    const checked = validateCrop(crop, header.width, header.height, aspect);
    if (!checked.ok) throw new MediaError('invalid_crop', checked.message);
    box = checked.box;
  }
  const open = await openOriginal(original, header);
  let master: RawImage;
  let widths: number[];
  if (box) {
    widths = variantWidths(box.width, WIDTHS[options.mode]);
    master = await decodeMaster(original, header, box, widths[0] ?? box.width, open);
  } else {
    master = await renderRecipeMaster(recipe!, open);
    widths = variantWidths(master.width, WIDTHS[options.mode]);
  }
  const view = options.viewableOriginal && header.format === 'heic' ? viewableOriginal(open) : undefined;
  const [variants, placeholder, viewable] = await Promise.all([
    encodeVariants(master, widths),
    computePlaceholder(master),
    view,
  ]);
  const largest = variants[0];
  if (!largest) throw new Error('renderImage produced no variants');
  return {
    width: largest.width,
    height: largest.height,
    variants,
    ...placeholder,
    ...(viewable ? { viewableOriginal: viewable } : {}),
  };
}
