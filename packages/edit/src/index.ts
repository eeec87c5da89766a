/**
 * @glimpse/edit: the photo-edit recipe and everything that interprets it, shared by the server and the
 * web app. This entry point has no DOM or Node dependency; the WebGL2 preview is '@glimpse/edit/webgl'
 * and the colour-difference measure (CIEDE2000) is '@glimpse/edit/compare'.
 *
 * CONTRACT (implemented in the files named; signatures are fixed, bodies are being written):
 * - parseRecipe(input: unknown): RecipeParse                                    (validate.ts)
 *     Accepts a partial recipe object (omitted fields take IDENTITY_RECIPE's values) but requires
 *     `version`; refuses unknown keys, wrong types, out-of-range numbers (RANGES), unknown filter names,
 *     a version newer than RECIPE_VERSION ("made by a newer version of Glimpse"), rotations other than
 *     0/90/180/270, and a crop box that is not inside the frame (0..1) or is empty. The crop's *shape*
 *     (4:5..1.91:1 in pixels) depends on the photo's size and is checked by cropPixels.
 * - isIdentity(recipe: Recipe): boolean                                           (validate.ts)
 *     True when rendering would change nothing but the crop (no rotation, no straightening, no filter or
 *     intensity 0, all adjustments neutral): the server then keeps its plain, faster path.
 * - FILTERS: readonly FilterDefinition[]; FILTER_NAMES                            (filters.ts)
 *     'normal' plus at least 12 filters of our own design, each { name, label, ... colour operations }.
 * - frameSize(width, height, rotate, straighten): { width, height }              (geometry.ts)
 *     The straightened frame in pixels of the original: the largest rectangle with the rotated photo's
 *     shape that fits inside it after turning by `straighten` degrees, centred.
 * - cropPixels(width, height, geometry, aspect: { minAspect, maxAspect }):
 *     { ok: true; output: { width, height }; transform: Affine } | { ok: false; message }
 *     Output size in whole pixels and the affine map from output pixel centres to source pixel
 *     coordinates of the (oriented, unrotated) original. Crop null means the centred largest allowed box.
 * - renderCpu(source: RasterImage, recipe: Recipe, options?: { outputWidth?: number }): RasterImage
 *                                                                                   (cpu.ts)
 *     The whole recipe (geometry, then colour and detail) on the CPU: the server's render and the canvas-2D
 *     fallback. `source` is the oriented original (3 or 4 channels); output has the same channel count and
 *     is outputWidth wide (default: the crop's own pixel width).
 * - histogram(image: RasterImage): Histogram; autoEnhance(h: Histogram): Partial<Adjustments>
 *                                                                                   (enhance.ts)
 *
 * Backward-compatible additions: renderCpu's options take an optional `aspect` (default POST_ASPECT, the
 * range a null crop and the shape check use), and so does the preview's render(recipe, width, options?).
 * Also exported: POST_ASPECT, AspectRange, describeAspect, applyAffine, scaleOutput, renderGeometry (the
 * output size and map both renderers draw), findFilter, and the CurvePoints type.
 */
export { type RasterImage, type RenderCpuOptions, renderCpu } from './cpu.js';
export type { CurvePoints } from './curves.js';
export { autoEnhance, type Histogram, histogram } from './enhance.js';
export { FILTER_NAMES, FILTERS, type FilterDefinition, findFilter } from './filters.js';
export {
  type Affine,
  type AspectRange,
  applyAffine,
  type CropResult,
  cropPixels,
  describeAspect,
  frameSize,
  POST_ASPECT,
  renderGeometry,
  scaleOutput,
  shapeProblem,
} from './geometry.js';
export * from './recipe.js';
export { isIdentity, parseRecipe } from './validate.js';
