import { FILTERS, type Geometry, IDENTITY_RECIPE } from '@glimpse/edit';
import type { EditorEnvironment, PhotoSource, PreviewRenderer } from './environment';

/** Thumbnail width in device pixels (shown at about 76 CSS px, sharp on 2× screens). */
const THUMB_WIDTH = 160;

export type Thumbnails = Record<string, string>;

const nextFrame = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve, 0),
  );

/**
 * The filter strip's pictures: the person's own photo (its geometry, no adjustments) through every
 * filter, drawn by one small renderer of its own and kept as JPEG data URLs, so each photo's strip is
 * made once. They are drawn one per frame, the screen staying responsive meanwhile.
 */
export class Thumbnailer {
  private renderer: Promise<PreviewRenderer | null> | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private readonly cache = new Map<string, Thumbnails>();
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly environment: EditorEnvironment) {}

  private rendererOnce(): Promise<PreviewRenderer | null> {
    if (!this.renderer) {
      this.canvas = document.createElement('canvas');
      const canvas = this.canvas;
      this.renderer = Promise.resolve()
        .then(() => this.environment.createRenderer(canvas))
        .catch(() => null);
    }
    return this.renderer;
  }

  /** Calls `onUpdate` with what is ready now and again as each thumbnail is drawn; returns a cancel. */
  request(photoKey: string, source: PhotoSource, geometry: Geometry, onUpdate: (t: Thumbnails) => void) {
    const cacheKey = `${photoKey}|${JSON.stringify(geometry)}`;
    const thumbs = this.cache.get(cacheKey) ?? {};
    this.cache.set(cacheKey, thumbs);
    onUpdate({ ...thumbs });
    let cancelled = false;
    this.queue = this.queue.then(async () => {
      if (cancelled || this.disposed || FILTERS.every((f) => thumbs[f.name])) return;
      const renderer = await this.rendererOnce();
      const canvas = this.canvas;
      if (!renderer || !canvas) return;
      for (const filter of FILTERS) {
        if (cancelled || this.disposed) return;
        if (thumbs[filter.name]) continue;
        await nextFrame();
        if (cancelled || this.disposed) return;
        try {
          renderer.setSource(source.small);
          renderer.render(
            { ...IDENTITY_RECIPE, geometry, filter: { name: filter.name, intensity: 1 } },
            THUMB_WIDTH,
          );
          // Read in the same task as the draw: a WebGL canvas keeps its pixels only until then.
          const url = canvas.toDataURL('image/jpeg', 0.85);
          if (!url.startsWith('data:image/')) return;
          thumbs[filter.name] = url;
        } catch {
          return;
        }
        onUpdate({ ...thumbs });
      }
    });
    return () => {
      cancelled = true;
    };
  }

  dispose() {
    this.disposed = true;
    this.cache.clear();
    void this.renderer?.then((r) => r?.dispose());
  }
}
