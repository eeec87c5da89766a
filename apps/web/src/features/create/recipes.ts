/** The draft photo's edit recipe, with the crop the Crop step chose, and what createPost is sent for it. */
import { IDENTITY_RECIPE, isIdentity, type Recipe } from '@glimpse/edit';
import { type CropBox, type CropView, cropBox, type Size } from './crop';

/**
 * The recipe as the photo will be posted. Unturned, its crop is the Crop step's (the same normalised
 * box, as fractions of the straightened frame); once turned a quarter, the editor owns the crop.
 */
export function draftRecipe(
  stored: Recipe | undefined,
  size: Size | null,
  aspect: number,
  view: CropView,
): Recipe {
  const recipe = stored ?? IDENTITY_RECIPE;
  if (recipe.geometry.rotate !== 0) return recipe;
  return { ...recipe, geometry: { ...recipe.geometry, crop: size ? cropBox(size, aspect, view) : null } };
}

/**
 * A photo that only has a crop is sent as it always was (the server's plain path); an edited one sends
 * its recipe, whose geometry carries the crop (the API takes the crop in one place only).
 */
export function mediaEdits(recipe: Recipe): { crop?: CropBox; recipe?: Recipe } {
  if (isIdentity(recipe)) return recipe.geometry.crop ? { crop: recipe.geometry.crop } : {};
  return { recipe };
}
