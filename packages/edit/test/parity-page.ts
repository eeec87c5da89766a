import type { Recipe } from '../src/recipe.js';
import { createPreviewRenderer } from '../src/webgl/index.js';
import type { ParityApi } from './parity-api.js';

/** The browser side of the parity test (and a frame-time benchmark): see parity-api.ts. */

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  }
  return btoa(parts.join(''));
}

const canvas = document.createElement('canvas');
document.body.append(canvas);
const renderer = createPreviewRenderer(canvas);
const preloaded = new Map<string, ImageData>();
// The source currently on the renderer (a key or a whole base64 string), to skip needless uploads.
let currentSource = '';

function useSource(key: string, source: () => ImageData): void {
  if (key === currentSource) return;
  renderer.setSource(source());
  currentSource = key;
}

function renderToBase64(recipe: Recipe, outputWidth: number) {
  const size = renderer.render(recipe, outputWidth);
  return { ...size, rgbaBase64: encode(renderer.readPixels()) };
}

const api: ParityApi = {
  kind: renderer.kind,
  render(sourceRgbaBase64, width, height, recipe, outputWidth) {
    useSource(
      sourceRgbaBase64,
      () => new ImageData(new Uint8ClampedArray(decode(sourceRgbaBase64)), width, height),
    );
    return renderToBase64(recipe, outputWidth);
  },
  preload(key, sourceRgbaBase64, width, height) {
    preloaded.set(key, new ImageData(new Uint8ClampedArray(decode(sourceRgbaBase64)), width, height));
  },
  renderPreloaded(key, recipe, outputWidth) {
    const source = preloaded.get(key);
    if (!source) throw new Error(`No preloaded source "${key}".`);
    useSource(`preloaded:${key}`, () => source);
    return renderToBase64(recipe, outputWidth);
  },
  timeFrames(recipe, outputWidth, frames) {
    // getContext returns the renderer's own context; reading one pixel waits for the frame to finish.
    const gl = canvas.getContext('webgl2');
    const pixel = new Uint8Array(4);
    const times: number[] = [];
    for (let frame = 0; frame < frames; frame++) {
      const start = performance.now();
      renderer.render(recipe, outputWidth);
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? 0;
  },
};

window.parity = api;
