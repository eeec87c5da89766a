import { IDENTITY_RECIPE, type Recipe } from '@glimpse/edit';
import { type PointerEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import styles from './Editor.module.css';
import { type PhotoSource, type PreviewRenderer, useEditorEnvironment } from './environment';

export interface Size {
  width: number;
  height: number;
}

/** The colour-free version of a recipe: what "compare" shows (same geometry, no filter, no adjustments). */
export function originalOf(recipe: Recipe): Recipe {
  return { ...IDENTITY_RECIPE, geometry: recipe.geometry };
}

/** The largest box of `aspect` that fits in `space`. */
function fitInside(space: Size, aspect: number): Size {
  const width = Math.min(space.width, space.height * aspect);
  return { width: Math.floor(width), height: Math.floor(width / aspect) };
}

const MAX_OUTPUT = 2048;
const CPU_MAX_OUTPUT = 720;

/**
 * The big preview: a canvas drawn by the shared renderer (WebGL2, or canvas 2D where there is none),
 * sized to the crop's shape inside the space it has, redrawn once per animation frame however many
 * slider events arrive. `compare` draws the original (the same geometry, no colour edits).
 * `onRendered` gets the canvas right after each draw (while its pixels are still there), for snapshots.
 */
export function PreviewStage({
  source,
  sourceFailed = false,
  recipe,
  aspect,
  compare,
  label,
  overlay,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onRendered,
  onRendererFailed,
}: {
  source: PhotoSource | null;
  /** The photo could not be decoded here (HEIC outside Safari): it is still edited, without a preview. */
  sourceFailed?: boolean;
  recipe: Recipe;
  /** The output's width / height (from cropPixels), so the stage has its shape before the first draw. */
  aspect: number;
  compare: boolean;
  label: string;
  overlay?: ReactNode;
  onPointerDown?: (event: PointerEvent<HTMLDivElement>) => void;
  onPointerMove?: (event: PointerEvent<HTMLDivElement>) => void;
  onPointerUp?: (event: PointerEvent<HTMLDivElement>) => void;
  onRendered?: (canvas: HTMLCanvasElement, recipe: Recipe) => void;
  onRendererFailed?: () => void;
}) {
  const environment = useEditorEnvironment();
  const space = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<{ renderer: PreviewRenderer; canvas: HTMLCanvasElement } | null>(
    null,
  );
  const [failed, setFailed] = useState(false);
  const [room, setRoom] = useState<Size | null>(null);
  const failedCallback = useRef(onRendererFailed);
  failedCallback.current = onRendererFailed;

  // Each renderer gets a canvas of its own, so a renderer disposed (losing its context) never leaves a
  // dead canvas behind for the next one.
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const canvas = document.createElement('canvas');
    canvas.className = styles.canvas ?? '';
    canvas.setAttribute('aria-hidden', 'true');
    parent.appendChild(canvas);
    let made: PreviewRenderer | null = null;
    let cancelled = false;
    Promise.resolve()
      .then(() => environment.createRenderer(canvas))
      .then(
        (r) => {
          if (cancelled) return r.dispose();
          made = r;
          setRenderer({ renderer: r, canvas });
        },
        () => {
          if (cancelled) return;
          setFailed(true);
          failedCallback.current?.();
        },
      );
    return () => {
      cancelled = true;
      made?.dispose();
      canvas.remove();
      setRenderer(null);
    };
  }, [environment]);

  useLayoutEffect(() => {
    const element = space.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setRoom((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // Resized before the next paint, so the photo never shows at its old size in the new space.
    const observer = new ResizeObserver(() => flushSync(measure));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const display = room && room.width > 0 && room.height > 0 ? fitInside(room, aspect) : null;
  const shown = compare ? originalOf(recipe) : recipe;
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const outputWidth = display ? Math.min(MAX_OUTPUT, Math.max(1, Math.round(display.width * ratio))) : 0;

  // The source changes rarely; give it to the renderer as soon as both exist.
  const sourceSet = useRef<{ renderer: PreviewRenderer; source: PhotoSource } | null>(null);
  const wanted = useRef({ shown, outputWidth, onRendered });
  wanted.current = { shown, outputWidth, onRendered };
  const frame = useRef(0);
  // Recipes are rebuilt on every render of the screen: draw again only when one really changed.
  const shownKey = JSON.stringify(shown);

  useEffect(() => {
    if (!renderer || !source || outputWidth === 0 || !shownKey) return;
    if (frame.current) return;
    const draw = () => {
      frame.current = 0;
      const { renderer: r, canvas } = renderer;
      try {
        if (sourceSet.current?.renderer !== r || sourceSet.current.source !== source) {
          r.setSource(r.kind === 'canvas2d' ? source.medium : source.preview);
          sourceSet.current = { renderer: r, source };
        }
        const { shown: recipeNow, outputWidth: widthNow, onRendered: rendered } = wanted.current;
        // The CPU fallback draws fewer pixels, so sliders stay interactive; the canvas is scaled up.
        r.render(recipeNow, r.kind === 'canvas2d' ? Math.min(widthNow, CPU_MAX_OUTPUT) : widthNow);
        rendered?.(canvas, recipeNow);
      } catch {
        setFailed(true);
      }
    };
    frame.current = requestAnimationFrame(draw);
  }, [renderer, source, shownKey, outputWidth]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return (
    <div ref={space} className={styles.space}>
      <div
        className={styles.stage}
        style={display ? { width: display.width, height: display.height } : undefined}
        hidden={!display}
        data-renderer={renderer?.renderer.kind ?? (failed ? 'none' : undefined)}
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onContextMenu={(event) => event.preventDefault()}
      >
        <div ref={host} className={styles.canvasHost} />
        {(failed || !source) && (
          <div className={styles.noPreview}>
            {failed ? (
              'No preview in this browser'
            ) : sourceFailed ? (
              'No preview for this format'
            ) : (
              <span className={styles.spinner} aria-hidden="true" />
            )}
          </div>
        )}
        {overlay}
      </div>
    </div>
  );
}
