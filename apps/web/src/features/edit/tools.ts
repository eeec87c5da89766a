/**
 * The editor's tools in Instagram's order, and how each reads and writes its part of a recipe. Slider
 * values are shown as people expect them (-100..100 or 0..100, degrees for straightening); the recipe
 * keeps the ranges of RANGES.
 */
import { type AdjustmentName, IDENTITY_RECIPE, RANGES, type Recipe } from '@glimpse/edit';

export type SliderToolId = AdjustmentName;
export type ToolId = 'lux' | 'adjust' | 'color' | 'tiltShift' | SliderToolId;

export interface ToolDefinition {
  id: ToolId;
  label: string;
}

export const TOOLS: readonly ToolDefinition[] = [
  { id: 'adjust', label: 'Adjust' },
  { id: 'brightness', label: 'Brightness' },
  { id: 'contrast', label: 'Contrast' },
  { id: 'structure', label: 'Structure' },
  { id: 'warmth', label: 'Warmth' },
  { id: 'saturation', label: 'Saturation' },
  { id: 'color', label: 'Color' },
  { id: 'fade', label: 'Fade' },
  { id: 'highlights', label: 'Highlights' },
  { id: 'shadows', label: 'Shadows' },
  { id: 'vignette', label: 'Vignette' },
  { id: 'tiltShift', label: 'Tilt Shift' },
  { id: 'sharpen', label: 'Sharpen' },
];

export const LUX: ToolDefinition = { id: 'lux', label: 'Lux' };

export const SLIDER_TOOLS = new Set<ToolId>([
  'brightness',
  'contrast',
  'structure',
  'warmth',
  'saturation',
  'fade',
  'highlights',
  'shadows',
  'vignette',
  'sharpen',
]);

export function isSliderTool(tool: ToolId): tool is SliderToolId {
  return SLIDER_TOOLS.has(tool);
}

export function labelOf(tool: ToolId | 'intensity'): string {
  if (tool === 'intensity') return 'Intensity';
  if (tool === 'lux') return LUX.label;
  return TOOLS.find((t) => t.id === tool)?.label ?? tool;
}

/** The recipe range of an adjustment: [-1, 1] or [0, 1]. */
export function rangeOf(tool: SliderToolId): readonly [number, number] {
  return RANGES[`adjust.${tool}`];
}

/** A recipe value as the slider shows it: -100..100 or 0..100. */
export const toPercent = (value: number) => Math.round(value * 100);
export const fromPercent = (percent: number) => percent / 100;

/** Whether a tool has changed the photo (the dot under its icon). */
export function toolChanged(tool: ToolId, recipe: Recipe, luxAmount = 0): boolean {
  const a = recipe.adjust;
  switch (tool) {
    case 'lux':
      return luxAmount > 0;
    case 'adjust':
      return recipe.geometry.rotate !== 0 || recipe.geometry.straighten !== 0;
    case 'color':
      return a.shadowTint.amount > 0 || a.highlightTint.amount > 0;
    case 'tiltShift':
      return a.tiltShift.mode !== 'off';
    default:
      return a[tool] !== IDENTITY_RECIPE.adjust[tool];
  }
}

/** The tool's part of `recipe` put back to neutral (Adjust keeps the crop, which the Crop step owns). */
export function resetTool(tool: ToolId | 'intensity', recipe: Recipe): Recipe {
  const identity = IDENTITY_RECIPE.adjust;
  switch (tool) {
    case 'intensity':
      return { ...recipe, filter: { ...recipe.filter, intensity: 1 } };
    case 'lux':
      return recipe;
    case 'adjust':
      return { ...recipe, geometry: { ...recipe.geometry, straighten: 0 } };
    case 'color':
      return {
        ...recipe,
        adjust: { ...recipe.adjust, shadowTint: identity.shadowTint, highlightTint: identity.highlightTint },
      };
    case 'tiltShift':
      return { ...recipe, adjust: { ...recipe.adjust, tiltShift: identity.tiltShift } };
    default:
      return { ...recipe, adjust: { ...recipe.adjust, [tool]: identity[tool] } };
  }
}

/** Instagram's Color swatches: a wash of one hue over the shadows or the highlights. */
export const TINT_SWATCHES: readonly { name: string; hue: number; css: string }[] = [
  { name: 'Yellow', hue: 55, css: '#f5d90a' },
  { name: 'Orange', hue: 30, css: '#f5940a' },
  { name: 'Red', hue: 0, css: '#e5322d' },
  { name: 'Pink', hue: 330, css: '#ef5fa7' },
  { name: 'Purple', hue: 280, css: '#9b51e0' },
  { name: 'Blue', hue: 220, css: '#2f6fe4' },
  { name: 'Cyan', hue: 185, css: '#2ac3d6' },
  { name: 'Green', hue: 120, css: '#3fbf5a' },
];
