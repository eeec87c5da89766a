import { inspectImage } from './inspect.js';
import type { MediaProcessor } from './port.js';
import { renderImage } from './render.js';

/** The image pipeline's public surface: the port's types, the sharp-backed adapter, and demo images. */

export {
  type AspectRange,
  AVATAR_ASPECT,
  type CropCheck,
  centredCrop,
  POST_ASPECT,
  validateCrop,
} from './crop.js';
export { generateDemoAvatar, generateDemoPhoto } from './demo-images.js';
export { isMediaError, MediaError, type MediaErrorCode } from './errors.js';
export { inspectImage, MAX_PIXELS, MAX_UPLOAD_BYTES, readImageHeader } from './inspect.js';
export type {
  ImageFormat,
  ImageInfo,
  MediaProcessor,
  NormalisedCrop,
  RenderedImage,
  RenderedVariant,
  RenderMode,
  RenderOptions,
  VariantFormat,
} from './port.js';
export { renderImage } from './render.js';
export { renderStoryImage, STORY_CANVAS } from './story.js';

/** The MediaProcessor the composition root wires in. */
export const sharpMediaProcessor: MediaProcessor = { inspect: inspectImage, render: renderImage };
