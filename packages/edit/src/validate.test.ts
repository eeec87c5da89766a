import { describe, expect, it } from 'vitest';
import { IDENTITY_RECIPE, type RecipeIssue } from './recipe.js';
import { isIdentity, parseRecipe } from './validate.js';

function issuesOf(input: unknown): RecipeIssue[] {
  const result = parseRecipe(input);
  if (result.ok) throw new Error('expected the recipe to be refused');
  return result.issues;
}

describe('parseRecipe', () => {
  it('fills every omitted field with its neutral value', () => {
    const result = parseRecipe({ version: 1 });
    expect(result).toEqual({ ok: true, recipe: IDENTITY_RECIPE });
  });

  it('fills nested objects partially', () => {
    const result = parseRecipe({
      version: 1,
      geometry: { rotate: 90 },
      filter: { name: 'ember' },
      adjust: { brightness: 0.5, shadowTint: { hue: 200 }, tiltShift: { mode: 'linear', angle: 30 } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.recipe.geometry).toEqual({ rotate: 90, straighten: 0, crop: null });
    expect(result.recipe.filter).toEqual({ name: 'ember', intensity: 1 });
    expect(result.recipe.adjust.brightness).toBe(0.5);
    expect(result.recipe.adjust.contrast).toBe(0);
    expect(result.recipe.adjust.shadowTint).toEqual({ hue: 200, amount: 0 });
    expect(result.recipe.adjust.tiltShift).toEqual({ mode: 'linear', x: 0.5, y: 0.5, size: 0.25, angle: 30 });
  });

  it('accepts a crop inside the frame, with rounding slack', () => {
    const result = parseRecipe({
      version: 1,
      geometry: { crop: { x: 0.1, y: 0, width: 0.9 + 1e-9, height: 1 } },
    });
    expect(result.ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 3, 'recipe', [1]]) {
      expect(issuesOf(input)).toEqual([{ path: '', message: 'The recipe must be an object.' }]);
    }
  });

  it('requires the version', () => {
    expect(issuesOf({})).toEqual([{ path: 'version', message: expect.stringContaining('version') }]);
    expect(issuesOf({ version: '1' })[0]?.path).toBe('version');
    expect(issuesOf({ version: 0 })[0]?.path).toBe('version');
  });

  it('refuses a version from a newer Glimpse', () => {
    const [issue] = issuesOf({ version: 2 });
    expect(issue?.path).toBe('version');
    expect(issue?.message).toContain('made by a newer version of Glimpse');
  });

  it('refuses unknown keys, naming their path', () => {
    const issues = issuesOf({ version: 1, colour: 1, adjust: { glow: 1, tiltShift: { blur: 2 } } });
    expect(issues.map((issue) => issue.path)).toEqual(['colour', 'adjust.glow', 'adjust.tiltShift.blur']);
    expect(issues[1]?.message).toBe('Unknown setting "glow".');
  });

  it('refuses wrong types', () => {
    const issues = issuesOf({
      version: 1,
      geometry: 'flat',
      filter: { name: 7, intensity: '1' },
      adjust: { brightness: true, shadowTint: 5 },
    });
    expect(issues).toEqual([
      { path: 'geometry', message: 'Geometry must be an object.' },
      { path: 'filter.name', message: 'The filter name must be a string.' },
      { path: 'filter.intensity', message: 'Filter intensity must be a number.' },
      { path: 'adjust.brightness', message: 'Brightness must be a number.' },
      { path: 'adjust.shadowTint', message: 'The shadow tint must be an object.' },
    ]);
  });

  it('refuses numbers that are not finite', () => {
    expect(issuesOf({ version: 1, adjust: { contrast: Number.NaN } })).toEqual([
      { path: 'adjust.contrast', message: 'Contrast must be a finite number.' },
    ]);
    expect(issuesOf({ version: 1, geometry: { straighten: Number.POSITIVE_INFINITY } })[0]?.path).toBe(
      'geometry.straighten',
    );
  });

  it('refuses numbers outside their range, naming the range', () => {
    expect(issuesOf({ version: 1, adjust: { brightness: 1.5 } })).toEqual([
      { path: 'adjust.brightness', message: 'Brightness must be between -1 and 1.' },
    ]);
    expect(issuesOf({ version: 1, adjust: { tiltShift: { size: 0.01 } } })).toEqual([
      { path: 'adjust.tiltShift.size', message: 'Tilt-shift size must be between 0.05 and 1.' },
    ]);
    expect(issuesOf({ version: 1, geometry: { straighten: -46 } })).toEqual([
      { path: 'geometry.straighten', message: 'Straighten must be between -45 and 45.' },
    ]);
    expect(issuesOf({ version: 1, adjust: { highlightTint: { hue: 361 } } })[0]?.path).toBe(
      'adjust.highlightTint.hue',
    );
  });

  it('refuses unknown filters', () => {
    expect(issuesOf({ version: 1, filter: { name: 'x' } })).toEqual([
      { path: 'filter.name', message: 'Unknown filter "x".' },
    ]);
  });

  it('refuses rotations other than quarter turns', () => {
    expect(issuesOf({ version: 1, geometry: { rotate: 45 } })).toEqual([
      { path: 'geometry.rotate', message: 'Rotation must be 0, 90, 180 or 270 degrees.' },
    ]);
  });

  it('refuses unknown tilt-shift modes', () => {
    expect(issuesOf({ version: 1, adjust: { tiltShift: { mode: 'blur' } } })).toEqual([
      { path: 'adjust.tiltShift.mode', message: 'Tilt-shift mode must be "off", "radial" or "linear".' },
    ]);
  });

  it('refuses a crop outside the frame or empty', () => {
    const outside = issuesOf({ version: 1, geometry: { crop: { x: 0.5, y: 0, width: 0.6, height: 1 } } });
    expect(outside).toEqual([
      { path: 'geometry.crop', message: expect.stringContaining('inside the photo') },
    ]);
    const negative = issuesOf({ version: 1, geometry: { crop: { x: -0.1, y: 0, width: 0.5, height: 1 } } });
    expect(negative[0]?.path).toBe('geometry.crop');
    const empty = issuesOf({ version: 1, geometry: { crop: { x: 0, y: 0, width: 0, height: 1 } } });
    expect(empty).toEqual([{ path: 'geometry.crop', message: 'The crop must not be empty.' }]);
    const partial = issuesOf({ version: 1, geometry: { crop: { x: 0, y: 0, width: 1 } } });
    expect(partial).toEqual([{ path: 'geometry.crop.height', message: "The crop's height is missing." }]);
    const wrongType = issuesOf({ version: 1, geometry: { crop: 'all' } });
    expect(wrongType).toEqual([{ path: 'geometry.crop', message: 'The crop must be an object.' }]);
  });

  it('collects every issue, not just the first', () => {
    const issues = issuesOf({
      version: 9,
      geometry: { rotate: 10 },
      filter: { name: 'nope', intensity: 2 },
      adjust: { fade: -1, extra: 0 },
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ['adjust.extra', 'adjust.fade', 'filter.intensity', 'filter.name', 'geometry.rotate', 'version'].sort(),
    );
  });
});

describe('isIdentity', () => {
  const parse = (input: object) => {
    const result = parseRecipe({ version: 1, ...input });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.recipe;
  };

  it('is true for the neutral recipe, with or without a crop', () => {
    expect(isIdentity(IDENTITY_RECIPE)).toBe(true);
    expect(isIdentity(parse({ geometry: { crop: { x: 0, y: 0, width: 0.5, height: 0.5 } } }))).toBe(true);
  });

  it('is true for a filter at intensity 0 and for tints with amount 0', () => {
    expect(isIdentity(parse({ filter: { name: 'onyx', intensity: 0 } }))).toBe(true);
    expect(isIdentity(parse({ adjust: { shadowTint: { hue: 100, amount: 0 } } }))).toBe(true);
    expect(isIdentity(parse({ adjust: { tiltShift: { mode: 'off', size: 0.5 } } }))).toBe(true);
  });

  it('is false as soon as anything would change the pixels', () => {
    const changes: object[] = [
      { geometry: { rotate: 90 } },
      { geometry: { straighten: 1 } },
      { filter: { name: 'onyx', intensity: 0.1 } },
      { adjust: { brightness: 0.01 } },
      { adjust: { contrast: -0.2 } },
      { adjust: { structure: 0.2 } },
      { adjust: { warmth: 0.2 } },
      { adjust: { saturation: -1 } },
      { adjust: { fade: 0.2 } },
      { adjust: { highlights: 0.2 } },
      { adjust: { shadows: 0.2 } },
      { adjust: { vignette: 0.2 } },
      { adjust: { sharpen: 0.2 } },
      { adjust: { shadowTint: { amount: 0.2 } } },
      { adjust: { highlightTint: { amount: 0.2 } } },
      { adjust: { tiltShift: { mode: 'radial' } } },
    ];
    for (const change of changes) expect(isIdentity(parse(change)), JSON.stringify(change)).toBe(false);
  });
});
