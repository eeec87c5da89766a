import { cropPixels, IDENTITY_RECIPE, POST_ASPECT, type Recipe } from '@glimpse/edit';
import { describe, expect, it } from 'vitest';
import { draftRecipe, mediaEdits } from '../create/recipes';
import {
  centredCrop,
  changedRecipes,
  type EditorAction,
  type EditorState,
  editorReducer,
  initialEditorState,
  recipeOf,
  savedRecipe,
  turnCrop,
} from './editorState';
import { resetTool, toolChanged } from './tools';

const run = (actions: EditorAction[], from: EditorState = initialEditorState) =>
  actions.reduce(editorReducer, from);

describe('the editor state', () => {
  it('picks a filter at full strength and keeps its intensity when picked again', () => {
    let state = run([
      { type: 'filter', key: 'a', name: 'onyx' },
      { type: 'intensity', key: 'a', value: 0.4 },
    ]);
    expect(recipeOf(state, 'a').filter).toEqual({ name: 'onyx', intensity: 0.4 });
    state = run([{ type: 'filter', key: 'a', name: 'onyx' }], state);
    expect(recipeOf(state, 'a').filter.intensity).toBe(0.4);
    state = run([{ type: 'filter', key: 'a', name: 'ember' }], state);
    expect(recipeOf(state, 'a').filter).toEqual({ name: 'ember', intensity: 1 });
  });

  it('keeps every number inside its range', () => {
    const state = run([
      { type: 'intensity', key: 'a', value: 3 },
      { type: 'adjust', key: 'a', name: 'brightness', value: -7 },
      { type: 'adjust', key: 'a', name: 'fade', value: -1 },
      { type: 'straighten', key: 'a', degrees: 80 },
      { type: 'tiltShift', key: 'a', change: { mode: 'radial', x: 2, size: 0 } },
    ]);
    const recipe = recipeOf(state, 'a');
    expect(recipe.filter.intensity).toBe(1);
    expect(recipe.adjust.brightness).toBe(-1);
    expect(recipe.adjust.fade).toBe(0);
    expect(recipe.geometry.straighten).toBe(45);
    expect(recipe.adjust.tiltShift).toMatchObject({ mode: 'radial', x: 1, size: 0.05 });
  });

  it('keeps a tool’s changes on Done and puts the photo back on Cancel', () => {
    const opened = run([
      { type: 'adjust', key: 'a', name: 'contrast', value: 0.2 },
      { type: 'open', key: 'a', tool: 'brightness', current: IDENTITY_RECIPE },
      { type: 'adjust', key: 'a', name: 'brightness', value: 0.5 },
    ]);
    expect(opened.open?.tool).toBe('brightness');
    const done = run([{ type: 'done' }], opened);
    expect(done.open).toBeNull();
    expect(recipeOf(done, 'a').adjust).toMatchObject({ brightness: 0.5, contrast: 0.2 });
    const cancelled = run([{ type: 'cancel' }], opened);
    expect(cancelled.open).toBeNull();
    expect(recipeOf(cancelled, 'a').adjust).toMatchObject({ brightness: 0, contrast: 0.2 });
  });

  it('resets one tool and leaves the others', () => {
    const state = run([
      { type: 'adjust', key: 'a', name: 'brightness', value: 0.5 },
      { type: 'adjust', key: 'a', name: 'warmth', value: -0.3 },
      { type: 'tint', key: 'a', which: 'shadowTint', tint: { hue: 220, amount: 0.6 } },
      { type: 'reset', key: 'a', tool: 'brightness' },
    ]);
    const recipe = recipeOf(state, 'a');
    expect(recipe.adjust.brightness).toBe(0);
    expect(recipe.adjust.warmth).toBe(-0.3);
    expect(toolChanged('color', recipe)).toBe(true);
    expect(toolChanged('brightness', recipe)).toBe(false);
    expect(resetTool('color', recipe).adjust.shadowTint.amount).toBe(0);
  });

  it('keeps each photo of a carousel its own recipe', () => {
    const state = run([
      { type: 'filter', key: 'a', name: 'onyx' },
      { type: 'filter', key: 'b', name: 'ember' },
      { type: 'adjust', key: 'b', name: 'saturation', value: 0.3 },
    ]);
    expect(recipeOf(state, 'a').filter.name).toBe('onyx');
    expect(recipeOf(state, 'a').adjust.saturation).toBe(0);
    expect(recipeOf(state, 'b').filter.name).toBe('ember');
    expect(recipeOf(state, 'b').adjust.saturation).toBe(0.3);
    expect(recipeOf(state, 'c')).toEqual(IDENTITY_RECIPE);
    expect(changedRecipes(state, {}).map((c) => c.key)).toEqual(['a', 'b']);
    expect(changedRecipes(state, { a: recipeOf(state, 'a') }).map((c) => c.key)).toEqual(['b']);
  });

  it('turns a square crop with the photo, keeping the same part of it', () => {
    const image = { width: 1600, height: 1200 };
    const crop = { x: 0.1, y: 0, width: 0.75, height: 1 };
    expect(cropPixels(1600, 1200, { rotate: 0, straighten: 0, crop }, POST_ASPECT).ok).toBe(true);
    const state = run([{ type: 'rotate', key: 'a', image, crop, aspect: 1 }]);
    const geometry = recipeOf(state, 'a').geometry;
    expect(geometry.rotate).toBe(90);
    expect(geometry.crop).toEqual(turnCrop(crop));
    expect(geometry.crop).toEqual({ x: 0, y: 0.1, width: 1, height: 0.75 });
  });

  it('centres a new crop when the turned one has a shape posts cannot have', () => {
    const image = { width: 1910, height: 1000 };
    const crop = { x: 0, y: 0, width: 1, height: 1 };
    const state = run([{ type: 'rotate', key: 'a', image, crop, aspect: 1.91 }]);
    const geometry = recipeOf(state, 'a').geometry;
    expect(geometry.rotate).toBe(90);
    // Upright, the photo is 1000 × 1910: the 1.91:1 box is as wide as it and centred.
    expect(geometry.crop).toEqual(centredCrop({ width: 1000, height: 1910 }, 1.91));
    expect(geometry.crop?.width).toBeCloseTo(1);
    expect(geometry.crop?.y).toBeCloseTo((1 - 1000 / 1.91 / 1910) / 2);
    expect(cropPixels(1910, 1000, geometry, POST_ASPECT).ok).toBe(true);
    // Without a shape to keep, the crop becomes the largest allowed box (null).
    const free = run([{ type: 'rotate', key: 'a', image, crop, aspect: null }]);
    expect(recipeOf(free, 'a').geometry.crop).toBeNull();
    // Four quarter turns come back to the start.
    const around = run([
      { type: 'rotate', key: 'b', image: { width: 1000, height: 1000 }, crop: null, aspect: 1 },
      { type: 'rotate', key: 'b', image: { width: 1000, height: 1000 }, crop: null, aspect: 1 },
      { type: 'rotate', key: 'b', image: { width: 1000, height: 1000 }, crop: null, aspect: 1 },
      { type: 'rotate', key: 'b', image: { width: 1000, height: 1000 }, crop: null, aspect: 1 },
    ]);
    expect(recipeOf(around, 'b').geometry.rotate).toBe(0);
  });

  it('applies Lux in proportion, replaces its own earlier amount, and undoes it on Cancel', () => {
    const enhance = { brightness: 0.4, contrast: 0.2 };
    const opened = run([
      { type: 'adjust', key: 'a', name: 'brightness', value: 0.1 },
      { type: 'open', key: 'a', tool: 'lux', current: IDENTITY_RECIPE },
      { type: 'lux', key: 'a', amount: 0.5, enhance },
    ]);
    expect(recipeOf(opened, 'a').adjust.brightness).toBeCloseTo(0.3);
    const more = run([{ type: 'lux', key: 'a', amount: 1, enhance }], opened);
    expect(recipeOf(more, 'a').adjust.brightness).toBeCloseTo(0.5);
    expect(recipeOf(more, 'a').adjust.contrast).toBeCloseTo(0.2);
    expect(toolChanged('lux', recipeOf(more, 'a'), more.lux.a?.amount)).toBe(true);
    const cancelled = run([{ type: 'cancel' }], more);
    expect(recipeOf(cancelled, 'a').adjust.brightness).toBeCloseTo(0.1);
    expect(cancelled.lux.a).toBeUndefined();
    const reset = run([{ type: 'done' }, { type: 'reset', key: 'a', tool: 'lux' }], more);
    expect(recipeOf(reset, 'a').adjust.brightness).toBeCloseTo(0.1);
    expect(reset.lux.a?.amount).toBe(0);
  });
});

describe('recipes in and out', () => {
  const view = { zoom: 1, centerX: 0.5, centerY: 0.5 };

  it('takes the Crop step’s crop until the photo is turned', () => {
    const recipe = draftRecipe(undefined, { width: 2000, height: 1000 }, 1, view);
    expect(recipe.geometry.crop).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
    const turned: Recipe = {
      ...IDENTITY_RECIPE,
      geometry: { rotate: 90, straighten: 0, crop: { x: 0, y: 0.2, width: 1, height: 0.5 } },
    };
    expect(draftRecipe(turned, { width: 2000, height: 1000 }, 1, view)).toBe(turned);
  });

  it('sends a crop alone for an unedited photo, and the recipe (crop inside) for an edited one', () => {
    const crop = { x: 0.25, y: 0, width: 0.5, height: 1 };
    const plain: Recipe = { ...IDENTITY_RECIPE, geometry: { ...IDENTITY_RECIPE.geometry, crop } };
    expect(mediaEdits(plain)).toEqual({ crop });
    const edited: Recipe = { ...plain, filter: { name: 'onyx', intensity: 0.7 } };
    expect(mediaEdits(edited)).toEqual({ recipe: edited });
  });

  it('reads a saved recipe, and starts from the identity without one', () => {
    expect(savedRecipe(null)).toEqual(IDENTITY_RECIPE);
    expect(savedRecipe({ version: 1, filter: { name: 'onyx', intensity: 0.5 } }).filter).toEqual({
      name: 'onyx',
      intensity: 0.5,
    });
    expect(savedRecipe({ version: 99 })).toEqual(IDENTITY_RECIPE);
  });
});
