import { cropPixels, type Geometry } from '@glimpse/edit';
import { AVATAR_ASPECT, type NormalisedCrop, POST_ASPECT, validateCrop } from '../../platform/media';

/** A user-facing problem with a crop box for a post photo or an avatar, or null when it is acceptable. */
export function cropProblem(
  crop: NormalisedCrop,
  width: number,
  height: number,
  mode: 'post' | 'avatar',
): string | null {
  const checked = validateCrop(crop, width, height, mode === 'post' ? POST_ASPECT : AVATAR_ASPECT);
  return checked.ok ? null : checked.message;
}

/**
 * A user-facing problem with an edit recipe's geometry on a post photo of this oriented size (the crop's
 * shape in pixels must be 4:5 up to 1.91:1), or null when it renders.
 */
export function recipeCropProblem(geometry: Geometry, width: number, height: number): string | null {
  const checked = cropPixels(width, height, geometry, POST_ASPECT);
  return checked.ok ? null : checked.message;
}
