import type { Geometry, Rotation } from './recipe.js';

/**
 * Geometry: quarter turns, straightening and the crop, reduced to one affine map from output pixels to the
 * original's pixels. Coordinates are continuous with pixel i covering [i, i + 1), so its centre is i + 0.5.
 */

/**
 * Maps an output point (x, y) to the source point (a x + b y + c, d x + e y + f), both in pixel units of
 * their images (pixel centres at i + 0.5). Renderers feed it output pixel centres.
 */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface AspectRange {
  /** Narrowest allowed width / height. */
  minAspect: number;
  /** Widest allowed width / height. */
  maxAspect: number;
}

/** A feed post: portrait 4:5 up to landscape 1.91:1 (the default when nothing else is said). */
export const POST_ASPECT: AspectRange = { minAspect: 0.8, maxAspect: 1.91 };

export type CropResult =
  | { ok: true; output: { width: number; height: number }; transform: Affine }
  | { ok: false; message: string };

// A shape within 1% of the range is accepted (and snapped inside): previews round crops to pixels.
const ASPECT_TOLERANCE = 0.01;

function rotatedSize(width: number, height: number, rotate: Rotation): { width: number; height: number } {
  return rotate === 90 || rotate === 270 ? { width: height, height: width } : { width, height };
}

/**
 * The straightened frame: the largest rectangle with the rotated photo's shape that still lies inside the
 * photo once turned by `straighten` degrees, centred. In (fractional) pixels of the original.
 */
export function frameSize(
  width: number,
  height: number,
  rotate: Rotation,
  straighten: number,
): { width: number; height: number } {
  const turned = rotatedSize(width, height, rotate);
  const angle = (Math.abs(straighten) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // A centred w x h box turned by the angle spans (w cos + h sin) x (w sin + h cos); both must fit.
  const scale = Math.min(
    turned.width / (turned.width * cos + turned.height * sin),
    turned.height / (turned.width * sin + turned.height * cos),
    1,
  );
  return { width: turned.width * scale, height: turned.height * scale };
}

/** '4:5', '1:1', or '1.91:1' when no small whole-number ratio matches. */
export function describeAspect(aspect: number): string {
  for (let denominator = 1; denominator <= 10; denominator++) {
    const numerator = Math.round(aspect * denominator);
    if (numerator > 0 && Math.abs(numerator / denominator - aspect) < 1e-9) {
      return `${numerator}:${denominator}`;
    }
  }
  return `${Number(aspect.toFixed(2))}:1`;
}

/**
 * Null when the shape is allowed (within 1%), else the sentence for the person cropping. The server's
 * plain crop check (no recipe) uses it too, so both say the same.
 */
export function shapeProblem(aspect: number, range: AspectRange): string | null {
  const low = range.minAspect * (1 - ASPECT_TOLERANCE);
  const high = range.maxAspect * (1 + ASPECT_TOLERANCE);
  if (aspect >= low && aspect <= high) return null;
  if (range.minAspect === range.maxAspect) {
    return range.minAspect === 1
      ? 'The crop must be square.'
      : `The crop must have the shape ${describeAspect(range.minAspect)}.`;
  }
  return aspect < range.minAspect
    ? `The crop is too tall: the tallest allowed shape is ${describeAspect(range.minAspect)} (portrait).`
    : `The crop is too wide: the widest allowed shape is ${describeAspect(range.maxAspect)} (landscape).`;
}

/** One side of the pixel box: whole pixels that fit in the frame, centred on the requested span. */
interface Span {
  start: number;
  size: number;
}

function placeSpan(centre: number, size: number, frame: number, snapToPixels: boolean): Span {
  let start = centre - size / 2;
  // Without straightening the frame is the (rotated) photo itself: whole-pixel starts keep pixels unresampled.
  if (snapToPixels) start = Math.round(start);
  start = Math.min(Math.max(start, 0), frame - size);
  return { start, size };
}

/** Whole-pixel length of a requested span: at least 1, never more than fits in the frame. */
function pixelLength(fraction: number, frame: number): number {
  return Math.max(1, Math.min(Math.floor(frame + 1e-9), Math.round(fraction * frame)));
}

/** Trims the longer side so a shape within tolerance lands inside the range. */
function snapLengths(width: number, height: number, range: AspectRange): { width: number; height: number } {
  if (width / height > range.maxAspect)
    return { width: Math.max(1, Math.round(height * range.maxAspect)), height };
  if (width / height < range.minAspect)
    return { width, height: Math.max(1, Math.round(width / range.minAspect)) };
  return { width, height };
}

/** Maps a point of the rotated photo (turned.width x turned.height) back to the original's coordinates. */
function unrotate(rotate: Rotation, width: number, height: number): Affine {
  switch (rotate) {
    case 90: // Turned clockwise: the original's left column became the top row.
      return { a: 0, b: 1, c: 0, d: -1, e: 0, f: height };
    case 180:
      return { a: -1, b: 0, c: width, d: 0, e: -1, f: height };
    case 270:
      return { a: 0, b: -1, c: width, d: 1, e: 0, f: 0 };
    default:
      return { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };
  }
}

/** first then second: p -> second(first(p)). */
export function composeAffine(first: Affine, second: Affine): Affine {
  return {
    a: second.a * first.a + second.b * first.d,
    b: second.a * first.b + second.b * first.e,
    c: second.a * first.c + second.b * first.f + second.c,
    d: second.d * first.a + second.e * first.d,
    e: second.d * first.b + second.e * first.e,
    f: second.d * first.c + second.e * first.f + second.f,
  };
}

/** Applies the map to a point. */
export function applyAffine(t: Affine, x: number, y: number): [number, number] {
  return [t.a * x + t.b * y + t.c, t.d * x + t.e * y + t.f];
}

/**
 * The crop in whole output pixels and the map from output pixel coordinates to the original's. The crop box
 * is in fractions of the straightened frame; null means the largest centred allowed box. Refuses (with a
 * message for a person) a box whose pixel shape is outside the range by more than 1%.
 */
export function cropPixels(
  width: number,
  height: number,
  geometry: Geometry,
  aspect: AspectRange,
): CropResult {
  const frame = frameSize(width, height, geometry.rotate, geometry.straighten);
  // Null: the whole frame in whole pixels, trimmed to the allowed shape (so never refused), centred.
  const box = geometry.crop ?? { x: 0, y: 0, width: 1, height: 1 };
  const requestedWidth = pixelLength(box.width, frame.width);
  const requestedHeight = pixelLength(box.height, frame.height);
  if (geometry.crop) {
    const problem = shapeProblem(requestedWidth / requestedHeight, aspect);
    if (problem) return { ok: false, message: problem };
  }
  const size = snapLengths(requestedWidth, requestedHeight, aspect);
  const snap = geometry.straighten === 0;
  const spanX = placeSpan((box.x + box.width / 2) * frame.width, size.width, frame.width, snap);
  const spanY = placeSpan((box.y + box.height / 2) * frame.height, size.height, frame.height, snap);

  // Output -> frame (translation) -> centred frame -> undo the straightening turn -> rotated photo -> original.
  const turned = rotatedSize(width, height, geometry.rotate);
  const angle = (geometry.straighten * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const toCentred: Affine = {
    a: 1,
    b: 0,
    c: spanX.start - frame.width / 2,
    d: 0,
    e: 1,
    f: spanY.start - frame.height / 2,
  };
  // The photo was turned clockwise (in y-down pixels) to straighten it; the inverse turn is anticlockwise.
  const unturn: Affine = { a: cos, b: sin, c: turned.width / 2, d: -sin, e: cos, f: turned.height / 2 };
  const transform = composeAffine(composeAffine(toCentred, unturn), unrotate(geometry.rotate, width, height));
  return { ok: true, output: { width: size.width, height: size.height }, transform };
}

/**
 * The same crop drawn at `outputWidth` pixels wide (height keeps the crop's shape): the map is scaled so the
 * output still covers exactly the crop box.
 */
export function scaleOutput(
  crop: { output: { width: number; height: number }; transform: Affine },
  outputWidth: number,
): { width: number; height: number; transform: Affine } {
  const width = Math.max(1, Math.round(outputWidth));
  const height = Math.max(1, Math.round((width * crop.output.height) / crop.output.width));
  const sx = crop.output.width / width;
  const sy = crop.output.height / height;
  const scale: Affine = { a: sx, b: 0, c: 0, d: 0, e: sy, f: 0 };
  return { width, height, transform: composeAffine(scale, crop.transform) };
}

/**
 * What a renderer draws: the output size and map for a source of width x height, at `outputWidth` (default:
 * the crop's own width). Throws the crop's message when the crop is refused; callers that want the message as
 * a value call cropPixels first.
 */
export function renderGeometry(
  width: number,
  height: number,
  geometry: Geometry,
  aspect: AspectRange,
  outputWidth?: number,
): { width: number; height: number; transform: Affine } {
  const crop = cropPixels(width, height, geometry, aspect);
  if (!crop.ok) throw new Error(crop.message);
  return scaleOutput(crop, outputWidth ?? crop.output.width);
}
