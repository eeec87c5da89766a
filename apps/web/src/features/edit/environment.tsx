/**
 * What the editor needs from the browser, behind one context so component tests (happy-dom has no
 * WebGL and decodes no images) can hand it a fake: the preview renderer (WebGL2, falling back to canvas
 * 2D, from '@glimpse/edit/webgl', loaded only when the editor opens) and the photo decoder.
 */
import type { PreviewRenderer } from '@glimpse/edit/webgl';
import { createContext, type ReactNode, useContext } from 'react';

export type { PreviewRenderer };

export type Bitmap = ImageBitmap | HTMLCanvasElement;

/** One photo decoded for editing: sizes for the preview, the filter thumbnails, and Lux's histogram. */
export interface PhotoSource {
  /** At most PREVIEW_MAX px on its long side: what the WebGL preview draws. */
  preview: Bitmap;
  /** At most FALLBACK_MAX px: what the slower canvas-2D preview draws. */
  medium: Bitmap;
  /** At most SMALL_MAX px: the filter thumbnails and the histogram. */
  small: Bitmap;
  /** The small one's RGBA pixels. */
  pixels(): ImageData | null;
  close(): void;
}

export interface EditorEnvironment {
  createRenderer(canvas: HTMLCanvasElement): Promise<PreviewRenderer> | PreviewRenderer;
  /** A picked file as it is (the page may not fetch blob: URLs), or the address of an original. */
  loadSource(src: string | Blob): Promise<PhotoSource>;
}

export const PREVIEW_MAX = 2048;
export const FALLBACK_MAX = 1080;
export const SMALL_MAX = 360;

function scaled(width: number, height: number, max: number) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(blob: Blob): Promise<Bitmap> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(blob, { imageOrientation: 'from-image' });
    } catch {
      // An older browser without the options, or one that decodes only through <img>: try that.
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')?.drawImage(img, 0, 0);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function resize(source: Bitmap, max: number): Promise<Bitmap> {
  const size = scaled(source.width, source.height, max);
  if (size.width === source.width && size.height === source.height) return source;
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(source, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      });
    } catch {
      // Fall through to a canvas.
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (context) {
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, size.width, size.height);
  }
  return canvas;
}

const close = (bitmap: Bitmap) => {
  if ('close' in bitmap) bitmap.close();
};

/** Decodes a photo: a picked file, or an original fetched from the server. */
export async function loadPhotoSource(src: string | Blob): Promise<PhotoSource> {
  let blob: Blob;
  if (typeof src === 'string') {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`The photo could not be loaded (${response.status}).`);
    blob = await response.blob();
  } else {
    blob = src;
  }
  const full = await decode(blob);
  const preview = await resize(full, PREVIEW_MAX);
  const medium = await resize(preview, FALLBACK_MAX);
  const small = await resize(medium, SMALL_MAX);
  if (full !== preview) close(full);
  let pixels: ImageData | null | undefined;
  return {
    preview,
    medium,
    small,
    pixels() {
      if (pixels !== undefined) return pixels;
      const canvas = document.createElement('canvas');
      canvas.width = small.width;
      canvas.height = small.height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context?.drawImage(small, 0, 0);
      pixels = context?.getImageData(0, 0, small.width, small.height) ?? null;
      return pixels;
    },
    close() {
      for (const bitmap of new Set([preview, medium, small])) close(bitmap);
    },
  };
}

export const browserEnvironment: EditorEnvironment = {
  async createRenderer(canvas) {
    const { createPreviewRenderer } = await import('@glimpse/edit/webgl');
    return createPreviewRenderer(canvas);
  },
  loadSource: loadPhotoSource,
};

const EnvironmentContext = createContext<EditorEnvironment>(browserEnvironment);

/** For component tests only: a fake renderer and decoder. */
export function EditorEnvironmentProvider({
  value,
  children,
}: {
  value: EditorEnvironment;
  children: ReactNode;
}) {
  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

export const useEditorEnvironment = () => useContext(EnvironmentContext);
