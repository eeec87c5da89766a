/**
 * What the editor holds: one recipe per photo (keyed by the draft photo's key, or the media id when
 * re-editing), the open tool with the recipe as it was when the tool opened (Cancel puts it back), and
 * the Lux amount each photo got. Pure, so the rules (Cancel and Done, reset, rotating resets a crop
 * that no longer fits) are tested without a browser.
 */
import {
  type AdjustmentName,
  type Adjustments,
  type CropBox,
  cropPixels,
  frameSize,
  IDENTITY_RECIPE,
  POST_ASPECT,
  parseRecipe,
  RANGES,
  type Recipe,
  type Rotation,
  type TiltShift,
  type ToneTint,
} from '@glimpse/edit';
import { resetTool, type ToolId } from './tools';

/** The shapes a post may have (width / height), as the API checks them. */
export const ALLOWED_ASPECTS = POST_ASPECT;

export type OpenTool = ToolId | 'intensity';

export interface LuxState {
  /** 0..1, as applied. */
  amount: number;
  /** What autoEnhance proposed for this photo at full strength. */
  enhance: Partial<Adjustments>;
}

export interface EditorState {
  recipes: Record<string, Recipe>;
  open: { tool: OpenTool; key: string; before: Recipe; luxBefore: LuxState | undefined } | null;
  tab: 'filters' | 'edit';
  lux: Record<string, LuxState>;
}

export interface Size {
  width: number;
  height: number;
}

export type EditorAction =
  /** Sets a photo's starting recipe (a re-edited post's saved one); replaces any. */
  | { type: 'load'; key: string; recipe: Recipe }
  | { type: 'tab'; tab: EditorState['tab'] }
  | { type: 'filter'; key: string; name: string }
  | { type: 'intensity'; key: string; value: number }
  | { type: 'adjust'; key: string; name: AdjustmentName; value: number }
  | { type: 'tint'; key: string; which: 'shadowTint' | 'highlightTint'; tint: Partial<ToneTint> }
  | { type: 'tiltShift'; key: string; change: Partial<TiltShift> }
  | { type: 'straighten'; key: string; degrees: number }
  /**
   * A quarter turn clockwise. `crop` is the photo's crop as shown now (the Crop step's, in the create
   * flow); `aspect` the post's shape to centre a new crop with when the turned one is not allowed (null:
   * the largest allowed box).
   */
  | { type: 'rotate'; key: string; image: Size; crop: CropBox | null; aspect: number | null }
  | { type: 'lux'; key: string; amount: number; enhance: Partial<Adjustments> }
  | { type: 'open'; key: string; tool: OpenTool; current: Recipe }
  | { type: 'done' }
  | { type: 'cancel' }
  | { type: 'reset'; key: string; tool: OpenTool };

export const initialEditorState: EditorState = { recipes: {}, open: null, tab: 'filters', lux: {} };

const clamp = (value: number, [min, max]: readonly [number, number]) => Math.min(max, Math.max(min, value));

export function recipeOf(state: EditorState, key: string): Recipe {
  return state.recipes[key] ?? IDENTITY_RECIPE;
}

function change(state: EditorState, key: string, update: (recipe: Recipe) => Recipe): EditorState {
  return { ...state, recipes: { ...state.recipes, [key]: update(recipeOf(state, key)) } };
}

/** A crop box (fractions of the frame) after the frame turns a quarter clockwise: the same part of the photo. */
export function turnCrop(crop: CropBox): CropBox {
  return { x: 1 - (crop.y + crop.height), y: crop.x, width: crop.height, height: crop.width };
}

/** The largest box of `aspect` (width / height in pixels) centred in the frame, as fractions of it. */
export function centredCrop(frame: Size, aspect: number): CropBox {
  const frameAspect = frame.width / frame.height;
  const width = frameAspect > aspect ? aspect / frameAspect : 1;
  const height = frameAspect > aspect ? 1 : frameAspect / aspect;
  return { x: (1 - width) / 2, y: (1 - height) / 2, width, height };
}

function rotate(
  recipe: Recipe,
  image: Size,
  crop: CropBox | null,
  aspect: number | null,
): Recipe['geometry'] {
  const rotation = ((recipe.geometry.rotate + 90) % 360) as Rotation;
  const turned = { ...recipe.geometry, rotate: rotation, crop: crop ? turnCrop(crop) : null };
  if (cropPixels(image.width, image.height, turned, ALLOWED_ASPECTS).ok) return turned;
  // The turned crop has a shape posts cannot have (a 1.91:1 landscape turned upright): start centred.
  if (aspect !== null) {
    const frame = frameSize(image.width, image.height, rotation, recipe.geometry.straighten);
    const centred = { ...turned, crop: centredCrop(frame, aspect) };
    if (cropPixels(image.width, image.height, centred, ALLOWED_ASPECTS).ok) return centred;
  }
  return { ...turned, crop: null };
}

/** Adds `amount` of the Lux proposal to the adjustments, within their ranges. */
export function applyLux(adjust: Adjustments, enhance: Partial<Adjustments>, amount: number): Adjustments {
  const next = { ...adjust };
  for (const [name, value] of Object.entries(enhance)) {
    const key = name as AdjustmentName;
    const range = RANGES[`adjust.${key}` as keyof typeof RANGES] as readonly [number, number] | undefined;
    if (typeof value !== 'number' || !range || typeof next[key] !== 'number') continue;
    next[key] = clamp(next[key] + value * amount, range);
  }
  return next;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return { ...state, recipes: { ...state.recipes, [action.key]: action.recipe } };
    case 'tab':
      return { ...state, tab: action.tab };
    case 'filter':
      // A newly picked filter starts at full strength, as on Instagram.
      return change(state, action.key, (r) => ({
        ...r,
        filter: { name: action.name, intensity: r.filter.name === action.name ? r.filter.intensity : 1 },
      }));
    case 'intensity':
      return change(state, action.key, (r) => ({
        ...r,
        filter: { ...r.filter, intensity: clamp(action.value, RANGES['filter.intensity']) },
      }));
    case 'adjust':
      return change(state, action.key, (r) => ({
        ...r,
        adjust: { ...r.adjust, [action.name]: clamp(action.value, RANGES[`adjust.${action.name}`]) },
      }));
    case 'tint':
      return change(state, action.key, (r) => {
        const tint = { ...r.adjust[action.which], ...action.tint };
        return {
          ...r,
          adjust: {
            ...r.adjust,
            [action.which]: {
              hue: clamp(tint.hue, RANGES[`adjust.${action.which}.hue`]),
              amount: clamp(tint.amount, RANGES[`adjust.${action.which}.amount`]),
            },
          },
        };
      });
    case 'tiltShift':
      return change(state, action.key, (r) => {
        const t = { ...r.adjust.tiltShift, ...action.change };
        return {
          ...r,
          adjust: {
            ...r.adjust,
            tiltShift: {
              mode: t.mode,
              x: clamp(t.x, RANGES['adjust.tiltShift.x']),
              y: clamp(t.y, RANGES['adjust.tiltShift.y']),
              size: clamp(t.size, RANGES['adjust.tiltShift.size']),
              angle: clamp(t.angle, RANGES['adjust.tiltShift.angle']),
            },
          },
        };
      });
    case 'straighten':
      return change(state, action.key, (r) => ({
        ...r,
        geometry: { ...r.geometry, straighten: clamp(action.degrees, RANGES['geometry.straighten']) },
      }));
    case 'rotate':
      return change(state, action.key, (r) => ({
        ...r,
        geometry: rotate(r, action.image, action.crop, action.aspect),
      }));
    case 'lux': {
      // Lux replaces its own earlier contribution rather than adding to it.
      const previous = state.lux[action.key];
      const amount = clamp(action.amount, [0, 1]);
      const next = change(state, action.key, (r) => {
        const base = previous ? applyLux(r.adjust, previous.enhance, -previous.amount) : r.adjust;
        return { ...r, adjust: applyLux(base, action.enhance, amount) };
      });
      return { ...next, lux: { ...state.lux, [action.key]: { amount, enhance: action.enhance } } };
    }
    case 'open': {
      // Opening a tool on another photo, or another tool, keeps what the open one did.
      const recipes = state.recipes[action.key]
        ? state.recipes
        : { ...state.recipes, [action.key]: action.current };
      return {
        ...state,
        recipes,
        open: {
          tool: action.tool,
          key: action.key,
          before: recipes[action.key] ?? action.current,
          luxBefore: state.lux[action.key],
        },
      };
    }
    case 'done':
      return { ...state, open: null };
    case 'cancel': {
      const open = state.open;
      if (!open) return state;
      const lux = { ...state.lux };
      if (open.luxBefore) lux[open.key] = open.luxBefore;
      else delete lux[open.key];
      return { ...state, open: null, recipes: { ...state.recipes, [open.key]: open.before }, lux };
    }
    case 'reset': {
      if (action.tool === 'lux') {
        const previous = state.lux[action.key];
        if (!previous) return state;
        const next = change(state, action.key, (r) => ({
          ...r,
          adjust: applyLux(r.adjust, previous.enhance, -previous.amount),
        }));
        return { ...next, lux: { ...state.lux, [action.key]: { ...previous, amount: 0 } } };
      }
      const tool = action.tool;
      return change(state, action.key, (r) => resetTool(tool, r));
    }
  }
}

/** Every photo's recipe as it will be sent, leaving out photos still at the identity. */
export function changedRecipes(
  state: EditorState,
  initial: Record<string, Recipe>,
): { key: string; recipe: Recipe }[] {
  return Object.entries(state.recipes)
    .filter(([key, recipe]) => JSON.stringify(recipe) !== JSON.stringify(initial[key] ?? IDENTITY_RECIPE))
    .map(([key, recipe]) => ({ key, recipe }));
}

/** A saved recipe, or (none saved, or one this version cannot read) the identity with a centred crop. */
export function savedRecipe(value: unknown): Recipe {
  if (value === null || value === undefined) return IDENTITY_RECIPE;
  const parsed = parseRecipe(value);
  return parsed.ok ? parsed.recipe : IDENTITY_RECIPE;
}
