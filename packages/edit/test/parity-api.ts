import type { Recipe } from '../src/recipe.js';

/** What the parity page exposes as window.parity (test/parity-page.ts). */
export interface ParityApi {
  /** The preview renderer's kind: the test requires 'webgl2'. */
  kind: 'webgl2' | 'canvas2d';
  /** Renders `recipe` from an RGBA source (base64) at outputWidth; returns the RGBA result as base64. */
  render(
    sourceRgbaBase64: string,
    width: number,
    height: number,
    recipe: Recipe,
    outputWidth: number,
  ): { width: number; height: number; rgbaBase64: string };
  /** Uploads a source once under `key`, so many renders of it need not resend the pixels. */
  preload(key: string, sourceRgbaBase64: string, width: number, height: number): void;
  /** render() for a preloaded source. */
  renderPreloaded(
    key: string,
    recipe: Recipe,
    outputWidth: number,
  ): { width: number; height: number; rgbaBase64: string };
  /**
   * For `npm run bench` (bench/scenarios/editor.ts): renders the current source `frames` times and returns the median milliseconds per render(),
   * each followed by a 1-pixel readPixels so the GPU work is finished inside the measurement.
   */
  timeFrames(recipe: Recipe, outputWidth: number, frames: number): number;
}

declare global {
  interface Window {
    parity: ParityApi;
  }
}
