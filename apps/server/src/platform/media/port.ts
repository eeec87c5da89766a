import type { Recipe } from '@glimpse/edit';
import type { ImageFormat } from './sniff.js';

/**
 * The media port: what services need from the image pipeline, with no sharp or libheif types in it,
 * so the posts and accounts modules can be tested with a fake and the technology can change.
 */
export type { ImageFormat };

export interface ImageInfo {
  format: ImageFormat;
  /** Displayed size, after EXIF (or HEIF irot/imir) orientation is applied. */
  width: number;
  height: number;
  mimeType: string;
}

/** A crop box in fractions (0..1) of the oriented image, so it survives re-rendering at any size. */
export interface NormalisedCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** 'post' crops between 4:5 and 1.91:1 and renders 1080/640/320; 'avatar' crops square and renders 320/150. */
export type RenderMode = 'post' | 'avatar';

export interface RenderOptions {
  mode: RenderMode;
  /** Omitted: the largest centred box whose shape the mode allows. */
  crop?: NormalisedCrop;
  /**
   * 'post' only: an edit recipe (@glimpse/edit, already parsed) applied to the full-resolution original.
   * Its geometry's crop replaces `crop`. Null, omitted or an identity recipe: the plain path with `crop`.
   */
  recipe?: Recipe | null;
  /**
   * Also return a browser-viewable rendition of the whole oriented original when the original itself is
   * not one (HEIC): what the editor loads to re-edit the photo.
   */
  viewableOriginal?: boolean;
}

export type VariantFormat = 'avif' | 'webp' | 'jpeg';

export interface RenderedVariant {
  width: number;
  height: number;
  format: VariantFormat;
  mimeType: string;
  data: Buffer;
}

export interface RenderedImage {
  /** Size of the largest variant. */
  width: number;
  height: number;
  /** Largest width first; every width in each of AVIF, WebP and JPEG. */
  variants: RenderedVariant[];
  /** Base64 ThumbHash, for a blurred placeholder before the image loads. */
  thumbhash: string;
  /** `#rrggbb`, for the tile background while loading. */
  dominantColor: string;
  /** Asked for and needed (the original is HEIC): the whole oriented original as a JPEG. */
  viewableOriginal?: { data: Buffer; mimeType: string; width: number; height: number };
}

export interface MediaProcessor {
  /** Validates an upload by content and checks it decodes; throws MediaError for anything refused. */
  inspect(buffer: Buffer): Promise<ImageInfo>;
  /** Decodes the original once and produces every variant; throws MediaError for a bad crop or file. */
  render(original: Buffer, options: RenderOptions): Promise<RenderedImage>;
}
