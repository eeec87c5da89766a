import { type AspectRange, describeAspect, POST_ASPECT, shapeProblem } from '@glimpse/edit';
import type { NormalisedCrop } from './port.js';

/** Crop boxes: checking a requested crop against the image and the allowed shapes, in pure functions. */

export type { AspectRange };
export { describeAspect, POST_ASPECT };

export const AVATAR_ASPECT: AspectRange = { minAspect: 1, maxAspect: 1 };

/** A crop in whole pixels of the oriented image. */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type CropCheck = { ok: true; box: PixelBox } | { ok: false; message: string };

// Clients compute crops in floating point on scaled previews; rounding to pixels must not fail them.
const EDGE_TOLERANCE = 1e-6;

/** Trims the longer side (keeping the centre) so a shape within tolerance lands exactly inside the range. */
function snapToRange(box: PixelBox, range: AspectRange): PixelBox {
  const aspect = box.width / box.height;
  if (aspect > range.maxAspect) {
    const width = Math.max(1, Math.round(box.height * range.maxAspect));
    return { ...box, left: box.left + Math.floor((box.width - width) / 2), width };
  }
  if (aspect < range.minAspect) {
    const height = Math.max(1, Math.round(box.width / range.minAspect));
    return { ...box, top: box.top + Math.floor((box.height - height) / 2), height };
  }
  return box;
}

/**
 * Checks a normalised crop against an image of the given (oriented) size and the allowed shapes, and
 * converts it to pixels. Returns a message for the person editing when the crop is refused.
 */
export function validateCrop(
  crop: NormalisedCrop,
  imageWidth: number,
  imageHeight: number,
  range: AspectRange,
): CropCheck {
  const values = [crop.x, crop.y, crop.width, crop.height];
  if (!values.every(Number.isFinite)) return { ok: false, message: 'The crop must be given as numbers.' };
  if (crop.width <= 0 || crop.height <= 0) return { ok: false, message: 'The crop must not be empty.' };
  if (
    crop.x < -EDGE_TOLERANCE ||
    crop.y < -EDGE_TOLERANCE ||
    crop.x + crop.width > 1 + EDGE_TOLERANCE ||
    crop.y + crop.height > 1 + EDGE_TOLERANCE
  ) {
    return { ok: false, message: 'The crop must lie inside the photo.' };
  }
  const left = Math.min(imageWidth - 1, Math.max(0, Math.round(crop.x * imageWidth)));
  const top = Math.min(imageHeight - 1, Math.max(0, Math.round(crop.y * imageHeight)));
  const right = Math.min(imageWidth, Math.round((crop.x + crop.width) * imageWidth));
  const bottom = Math.min(imageHeight, Math.round((crop.y + crop.height) * imageHeight));
  if (right <= left || bottom <= top) return { ok: false, message: 'The crop is smaller than one pixel.' };
  const box = { left, top, width: right - left, height: bottom - top };
  const message = shapeProblem(box.width / box.height, range);
  if (message) return { ok: false, message };
  return { ok: true, box: snapToRange(box, range) };
}

/** The largest centred crop whose shape the range allows: the whole image when it already fits. */
export function centredCrop(imageWidth: number, imageHeight: number, range: AspectRange): NormalisedCrop {
  const aspect = imageWidth / imageHeight;
  if (aspect > range.maxAspect) {
    const width = (imageHeight * range.maxAspect) / imageWidth;
    return { x: (1 - width) / 2, y: 0, width, height: 1 };
  }
  if (aspect < range.minAspect) {
    const height = imageWidth / range.minAspect / imageHeight;
    return { x: 0, y: (1 - height) / 2, width: 1, height };
  }
  return { x: 0, y: 0, width: 1, height: 1 };
}
