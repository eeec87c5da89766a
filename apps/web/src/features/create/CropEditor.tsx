import { type KeyboardEvent, type PointerEvent, type ReactNode, useId, useRef, useState } from 'react';
import styles from './CropEditor.module.css';
import {
  type CropView,
  cropBox,
  MAX_ZOOM,
  MIN_ZOOM,
  panView,
  photoPlacement,
  type Size,
  zoomView,
} from './crop';

const KEY_STEP = 0.05;
const KEY_STEP_LARGE = 0.2;
const ZOOM_STEP = 0.1;

/**
 * A frame of the chosen shape over a photo: drag (or pinch) to move and zoom the photo, or focus the
 * frame and use the arrow keys (Shift for larger steps) and + / −. Used for post photos and avatars.
 */
export function CropEditor({
  src,
  image,
  aspect,
  view,
  onChange,
  onMeasure,
  label,
  round = false,
  children,
}: {
  src: string;
  /** The photo's oriented size; null until known (the preview then simply fills the frame). */
  image: Size | null;
  aspect: number;
  view: CropView;
  onChange: (view: CropView) => void;
  onMeasure?: (size: Size) => void;
  label: string;
  round?: boolean;
  /** Shown over the photo: upload progress, an error. */
  children?: ReactNode;
}) {
  const hintId = useId();
  const frame = useRef<HTMLDivElement>(null);
  // Pointer moves can arrive faster than renders: each builds on the latest view, not the last render's.
  const latest = useRef(view);
  latest.current = view;
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const [dragging, setDragging] = useState(false);
  const [broken, setBroken] = useState(false);
  const box = image ? cropBox(image, aspect, view) : null;

  const change = (next: CropView) => {
    latest.current = next;
    onChange(next);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!image || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    setDragging(true);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const last = pointers.current.get(event.pointerId);
    const rect = frame.current?.getBoundingClientRect();
    if (!last || !rect || !image) return;
    const all = [...pointers.current.entries()];
    if (all.length === 2) {
      // Pinch: the change in distance between the two fingers scales the zoom.
      const other = all.find(([id]) => id !== event.pointerId)?.[1];
      if (other) {
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
        if (before > 0)
          change(zoomView(image, aspect, latest.current, latest.current.zoom * (after / before)));
      }
    } else {
      const dx = (event.clientX - last.x) / rect.width;
      const dy = (event.clientY - last.y) / rect.height;
      change(panView(image, aspect, latest.current, dx, dy));
    }
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size === 0) setDragging(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!image) return;
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      change(panView(image, aspect, view, move[0], move[1]));
    } else if (event.key === '+' || event.key === '=') {
      change(zoomView(image, aspect, view, view.zoom + ZOOM_STEP));
    } else if (event.key === '-' || event.key === '_') {
      change(zoomView(image, aspect, view, view.zoom - ZOOM_STEP));
    } else {
      return;
    }
    event.preventDefault();
  };

  const placement = box ? photoPlacement(box) : { left: '0', top: '0', width: '100%', height: '100%' };
  return (
    <div
      ref={frame}
      className={`${styles.frame} ${round ? styles.round : ''} ${dragging ? styles.dragging : ''}`}
      style={{ aspectRatio: aspect, width: `${Math.min(1, aspect) * 100}%` }}
      // "application": screen readers pass the arrow keys through to the frame instead of reading on.
      role="application"
      aria-roledescription="crop area"
      aria-label={label}
      aria-describedby={hintId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the frame takes arrow keys to move the photo
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      {broken ? (
        <div className={styles.noPreview}>
          <p>No preview for this format</p>
          <p className={styles.noPreviewHint}>It will be cropped as the frame shows.</p>
        </div>
      ) : (
        <img
          className={styles.photo}
          src={src}
          alt=""
          draggable={false}
          style={{ ...placement, objectFit: box ? 'fill' : 'cover' }}
          onLoad={(event) => {
            const img = event.currentTarget;
            onMeasure?.({ width: img.naturalWidth, height: img.naturalHeight });
          }}
          onError={() => setBroken(true)}
        />
      )}
      {round && <div className={styles.roundMask} aria-hidden="true" />}
      <div className={styles.grid} aria-hidden="true" />
      <p id={hintId} className="visually-hidden">
        Drag, or use the arrow keys, to move the photo. Zoom with the Zoom slider or the plus and minus keys.
      </p>
      {children}
    </div>
  );
}

/** The zoom slider that goes with a crop frame. */
export function ZoomSlider({
  image,
  aspect,
  view,
  onChange,
}: {
  image: Size | null;
  aspect: number;
  view: CropView;
  onChange: (view: CropView) => void;
}) {
  const id = useId();
  return (
    <div className={styles.zoom}>
      <label htmlFor={id}>Zoom</label>
      <input
        id={id}
        type="range"
        min={MIN_ZOOM}
        max={MAX_ZOOM}
        step={0.01}
        value={view.zoom}
        disabled={!image}
        aria-valuetext={`${Math.round(view.zoom * 100)}%`}
        onChange={(event) => image && onChange(zoomView(image, aspect, view, Number(event.target.value)))}
      />
    </div>
  );
}
