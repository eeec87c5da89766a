/** For component tests only: a renderer and decoder standing in for WebGL and image decoding (happy-dom has neither). */
import type { Recipe } from '@glimpse/edit';
import type { EditorEnvironment, PhotoSource, PreviewRenderer } from './environment';

export function fakeEnvironment({ failRenderer = false } = {}) {
  const drawn: Recipe[] = [];
  const loaded: (string | Blob)[] = [];
  const environment: EditorEnvironment = {
    createRenderer(canvas): PreviewRenderer {
      if (failRenderer) throw new Error('no WebGL2, no canvas 2D');
      return {
        kind: 'webgl2',
        setSource() {},
        render(recipe, width) {
          // The preview's canvas is in the page; the filter thumbnails' is not.
          if (canvas.isConnected) drawn.push(recipe);
          return { width, height: width };
        },
        readPixels: () => new Uint8Array(4),
        dispose() {},
      };
    },
    async loadSource(src): Promise<PhotoSource> {
      loaded.push(src);
      const bitmap = { width: 8, height: 8 } as unknown as HTMLCanvasElement;
      const data = new Uint8ClampedArray(8 * 8 * 4).fill(60);
      return {
        preview: bitmap,
        medium: bitmap,
        small: bitmap,
        pixels: () => ({ width: 8, height: 8, data }) as unknown as ImageData,
        close() {},
      };
    },
  };
  return { environment, drawn, loaded, last: () => drawn[drawn.length - 1] };
}

/** happy-dom lays nothing out: gives every element a size so the preview has room to draw. */
export const LAID_OUT: DOMRect = {
  width: 400,
  height: 400,
  top: 0,
  left: 0,
  right: 400,
  bottom: 400,
  x: 0,
  y: 0,
  toJSON: () => ({}),
};
