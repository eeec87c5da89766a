import { FILTER_NAMES } from './filters.js';
import {
  type CropBox,
  IDENTITY_RECIPE,
  RANGES,
  RECIPE_VERSION,
  type Recipe,
  type RecipeIssue,
  type RecipeParse,
  type Rotation,
  type TiltShiftMode,
} from './recipe.js';

/**
 * Parsing a recipe from untrusted JSON: every problem is reported (not just the first), each with the dotted
 * path of the field and a sentence a person can act on. Omitted fields take their neutral values.
 */

type RangePath = keyof typeof RANGES;

/** Names for messages ("Brightness must be between -1 and 1."). */
const LABELS: Record<RangePath, string> = {
  'geometry.straighten': 'Straighten',
  'filter.intensity': 'Filter intensity',
  'adjust.brightness': 'Brightness',
  'adjust.contrast': 'Contrast',
  'adjust.structure': 'Structure',
  'adjust.warmth': 'Warmth',
  'adjust.saturation': 'Saturation',
  'adjust.fade': 'Fade',
  'adjust.highlights': 'Highlights',
  'adjust.shadows': 'Shadows',
  'adjust.vignette': 'Vignette',
  'adjust.sharpen': 'Sharpen',
  'adjust.shadowTint.hue': 'Shadow tint hue',
  'adjust.shadowTint.amount': 'Shadow tint amount',
  'adjust.highlightTint.hue': 'Highlight tint hue',
  'adjust.highlightTint.amount': 'Highlight tint amount',
  'adjust.tiltShift.x': 'Tilt-shift centre x',
  'adjust.tiltShift.y': 'Tilt-shift centre y',
  'adjust.tiltShift.size': 'Tilt-shift size',
  'adjust.tiltShift.angle': 'Tilt-shift angle',
};

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];
const TILT_SHIFT_MODES: readonly TiltShiftMode[] = ['off', 'radial', 'linear'];
// Clients compute crops in floating point on scaled previews; rounding must not fail them.
const CROP_EDGE_TOLERANCE = 1e-6;

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects issues while walking the input; each reader returns the value to use (the default on error). */
class Reader {
  readonly issues: RecipeIssue[] = [];

  report(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** The object at `path`, or null (reported) when it is not one; reports keys outside `allowed`. */
  object(value: unknown, path: string, label: string, allowed: readonly string[]): PlainObject | null {
    if (!isPlainObject(value)) {
      this.report(path, `${label} must be an object.`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.report(join(path, key), `Unknown setting "${key}".`);
    }
    return value;
  }

  /** A finite number in its range, or the fallback. */
  ranged(source: PlainObject | null, path: RangePath, fallback: number): number {
    const value = source?.[lastSegment(path)];
    if (value === undefined) return fallback;
    const label = LABELS[path];
    if (typeof value !== 'number') {
      this.report(path, `${label} must be a number.`);
      return fallback;
    }
    if (!Number.isFinite(value)) {
      this.report(path, `${label} must be a finite number.`);
      return fallback;
    }
    const [min, max] = RANGES[path];
    if (value < min || value > max) {
      this.report(path, `${label} must be between ${min} and ${max}.`);
      return fallback;
    }
    return value;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** An optional nested object: absent means all defaults, present means each of its fields may be omitted. */
function nested(
  reader: Reader,
  parent: PlainObject | null,
  path: string,
  label: string,
  allowed: readonly string[],
): PlainObject | null {
  const value = parent?.[lastSegment(path)];
  if (value === undefined) return null;
  return reader.object(value, path, label, allowed);
}

function readVersion(reader: Reader, input: PlainObject): void {
  const version = input.version;
  if (version === undefined) {
    reader.report('version', 'The recipe must say which version it is (version).');
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    reader.report('version', 'The version must be a whole number from 1.');
  } else if (version > RECIPE_VERSION) {
    reader.report(
      'version',
      `This edit was made by a newer version of Glimpse (recipe version ${version}; this one reads up to ${RECIPE_VERSION}).`,
    );
  }
}

function readCrop(reader: Reader, geometry: PlainObject | null): CropBox | null {
  const path = 'geometry.crop';
  const value = geometry?.crop;
  if (value === undefined || value === null) return null;
  const crop = reader.object(value, path, 'The crop', ['x', 'y', 'width', 'height']);
  if (!crop) return null;
  const numbers: number[] = [];
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    const field = crop[key];
    if (field === undefined) reader.report(join(path, key), `The crop's ${key} is missing.`);
    else if (typeof field !== 'number' || !Number.isFinite(field))
      reader.report(join(path, key), `The crop's ${key} must be a finite number.`);
    else numbers.push(field);
  }
  const [x, y, width, height] = numbers;
  if (x === undefined || y === undefined || width === undefined || height === undefined) return null;
  if (width <= 0 || height <= 0) {
    reader.report(path, 'The crop must not be empty.');
    return null;
  }
  if (
    x < -CROP_EDGE_TOLERANCE ||
    y < -CROP_EDGE_TOLERANCE ||
    x + width > 1 + CROP_EDGE_TOLERANCE ||
    y + height > 1 + CROP_EDGE_TOLERANCE
  ) {
    reader.report(path, 'The crop must lie inside the photo (every edge between 0 and 1).');
    return null;
  }
  return { x, y, width, height };
}

function readGeometry(reader: Reader, input: PlainObject): Recipe['geometry'] {
  const defaults = IDENTITY_RECIPE.geometry;
  const geometry = nested(reader, input, 'geometry', 'Geometry', ['rotate', 'straighten', 'crop']);
  let rotate = defaults.rotate;
  const rawRotate = geometry?.rotate;
  if (rawRotate !== undefined) {
    const match = ROTATIONS.find((rotation) => rotation === rawRotate);
    if (match === undefined) reader.report('geometry.rotate', 'Rotation must be 0, 90, 180 or 270 degrees.');
    else rotate = match;
  }
  return {
    rotate,
    straighten: reader.ranged(geometry, 'geometry.straighten', defaults.straighten),
    crop: readCrop(reader, geometry),
  };
}

function readFilter(reader: Reader, input: PlainObject): Recipe['filter'] {
  const defaults = IDENTITY_RECIPE.filter;
  const filter = nested(reader, input, 'filter', 'The filter', ['name', 'intensity']);
  let name = defaults.name;
  const rawName = filter?.name;
  if (rawName !== undefined) {
    if (typeof rawName !== 'string') reader.report('filter.name', 'The filter name must be a string.');
    else if (!FILTER_NAMES.includes(rawName)) reader.report('filter.name', `Unknown filter "${rawName}".`);
    else name = rawName;
  }
  return { name, intensity: reader.ranged(filter, 'filter.intensity', defaults.intensity) };
}

function readTint(
  reader: Reader,
  adjust: PlainObject | null,
  key: 'shadowTint' | 'highlightTint',
): Recipe['adjust']['shadowTint'] {
  const label = key === 'shadowTint' ? 'The shadow tint' : 'The highlight tint';
  const tint = nested(reader, adjust, `adjust.${key}`, label, ['hue', 'amount']);
  const defaults = IDENTITY_RECIPE.adjust[key];
  return {
    hue: reader.ranged(tint, `adjust.${key}.hue`, defaults.hue),
    amount: reader.ranged(tint, `adjust.${key}.amount`, defaults.amount),
  };
}

function readTiltShift(reader: Reader, adjust: PlainObject | null): Recipe['adjust']['tiltShift'] {
  const defaults = IDENTITY_RECIPE.adjust.tiltShift;
  const tilt = nested(reader, adjust, 'adjust.tiltShift', 'Tilt-shift', ['mode', 'x', 'y', 'size', 'angle']);
  let mode = defaults.mode;
  const rawMode = tilt?.mode;
  if (rawMode !== undefined) {
    const match = TILT_SHIFT_MODES.find((candidate) => candidate === rawMode);
    if (match === undefined)
      reader.report('adjust.tiltShift.mode', 'Tilt-shift mode must be "off", "radial" or "linear".');
    else mode = match;
  }
  return {
    mode,
    x: reader.ranged(tilt, 'adjust.tiltShift.x', defaults.x),
    y: reader.ranged(tilt, 'adjust.tiltShift.y', defaults.y),
    size: reader.ranged(tilt, 'adjust.tiltShift.size', defaults.size),
    angle: reader.ranged(tilt, 'adjust.tiltShift.angle', defaults.angle),
  };
}

const ADJUST_KEYS = Object.keys(IDENTITY_RECIPE.adjust);

function readAdjust(reader: Reader, input: PlainObject): Recipe['adjust'] {
  const d = IDENTITY_RECIPE.adjust;
  const adjust = nested(reader, input, 'adjust', 'Adjustments', ADJUST_KEYS);
  return {
    brightness: reader.ranged(adjust, 'adjust.brightness', d.brightness),
    contrast: reader.ranged(adjust, 'adjust.contrast', d.contrast),
    structure: reader.ranged(adjust, 'adjust.structure', d.structure),
    warmth: reader.ranged(adjust, 'adjust.warmth', d.warmth),
    saturation: reader.ranged(adjust, 'adjust.saturation', d.saturation),
    fade: reader.ranged(adjust, 'adjust.fade', d.fade),
    highlights: reader.ranged(adjust, 'adjust.highlights', d.highlights),
    shadows: reader.ranged(adjust, 'adjust.shadows', d.shadows),
    vignette: reader.ranged(adjust, 'adjust.vignette', d.vignette),
    sharpen: reader.ranged(adjust, 'adjust.sharpen', d.sharpen),
    shadowTint: readTint(reader, adjust, 'shadowTint'),
    highlightTint: readTint(reader, adjust, 'highlightTint'),
    tiltShift: readTiltShift(reader, adjust),
  };
}

/** Parses untrusted input into a complete recipe, or lists every problem with it. */
export function parseRecipe(input: unknown): RecipeParse {
  const reader = new Reader();
  const root = reader.object(input, '', 'The recipe', ['version', 'geometry', 'filter', 'adjust']);
  if (!root) return { ok: false, issues: reader.issues };
  readVersion(reader, root);
  const recipe: Recipe = {
    version: RECIPE_VERSION,
    geometry: readGeometry(reader, root),
    filter: readFilter(reader, root),
    adjust: readAdjust(reader, root),
  };
  return reader.issues.length > 0 ? { ok: false, issues: reader.issues } : { ok: true, recipe };
}

/**
 * True when rendering the recipe would change nothing but the crop: the server can then keep its plain
 * crop-and-resize path.
 */
export function isIdentity(recipe: Recipe): boolean {
  const { geometry, filter, adjust } = recipe;
  return (
    geometry.rotate === 0 &&
    geometry.straighten === 0 &&
    (filter.name === 'normal' || filter.intensity === 0) &&
    adjust.brightness === 0 &&
    adjust.contrast === 0 &&
    adjust.structure === 0 &&
    adjust.warmth === 0 &&
    adjust.saturation === 0 &&
    adjust.fade === 0 &&
    adjust.highlights === 0 &&
    adjust.shadows === 0 &&
    adjust.vignette === 0 &&
    adjust.sharpen === 0 &&
    adjust.shadowTint.amount === 0 &&
    adjust.highlightTint.amount === 0 &&
    adjust.tiltShift.mode === 'off'
  );
}
