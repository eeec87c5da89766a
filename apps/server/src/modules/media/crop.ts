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
