import type { NormalisedCrop } from './port.js';

/** Crop boxes: checking a requested crop against the image and the allowed shapes, in pure functions. */

export interface AspectRange {
  /** Narrowest allowed width / height. */
  minAspect: number;
  /** Widest allowed width / height. */
  maxAspect: number;
}

/** Instagram's feed range: portrait 4:5 up to landscape 1.91:1. */
export const POST_ASPECT: AspectRange = { minAspect: 0.8, maxAspect: 1.91 };
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
const ASPECT_TOLERANCE = 0.01;

/** '4:5', '1:1', or '1.91:1' when no small whole-number ratio matches. */
export function describeAspect(aspect: number): string {
  for (let denominator = 1; denominator <= 10; denominator++) {
    const numerator = Math.round(aspect * denominator);
    if (numerator > 0 && Math.abs(numerator / denominator - aspect) < 1e-9)
      return `${numerator}:${denominator}`;
  }
  return `${Number(aspect.toFixed(2))}:1`;
}

function shapeMessage(aspect: number, range: AspectRange): string | null {
  if (
    aspect >= range.minAspect * (1 - ASPECT_TOLERANCE) &&
    aspect <= range.maxAspect * (1 + ASPECT_TOLERANCE)
  ) {
    return null;
  }
  if (range.minAspect === range.maxAspect) {
    return range.minAspect === 1
      ? 'The crop must be square.'
      : `The crop must have the shape ${describeAspect(range.minAspect)}.`;
  }
  return aspect < range.minAspect
    ? `The crop is too tall: the tallest allowed shape is ${describeAspect(range.minAspect)} (portrait).`
    : `The crop is too wide: the widest allowed shape is ${describeAspect(range.maxAspect)} (landscape).`;
}

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
  const message = shapeMessage(box.width / box.height, range);
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
