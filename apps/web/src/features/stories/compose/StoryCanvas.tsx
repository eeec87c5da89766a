import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { clampPlacement, type DraftOverlay, type Placement } from './overlays';
import { overlayLabel, placementStyle, StickerFace } from './StickerView';
import styles from './StoryComposer.module.css';

const STEP = 0.01;
const BIG_STEP = 0.05;

interface Gesture {
  id: string;
  /** Pointers down on the overlay, by pointer id, where they are now (client pixels). */
  pointers: Map<number, { x: number; y: number }>;
  start: Placement;
  /** Where the gesture started: one pointer's position, or two pointers' span and angle. */
  origin: { x: number; y: number; span: number; angle: number };
}

function centroid(points: { x: number; y: number }[]) {
  const x = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const y = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const [a, b] = points;
  const span = a && b ? Math.hypot(b.x - a.x, b.y - a.y) : 0;
  const angle = a && b ? (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI : 0;
  return { x, y, span, angle };
}

const normalise = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;

/**
 * The 9:16 story canvas as the server renders it (the photo whole, on a blurred cover of itself) with
 * the overlays on top. One pointer drags an overlay, two pinch and turn it; arrow keys move the selected
 * one (Shift for bigger steps) and Delete removes it. Every move is clamped inside the canvas.
 */
export function StoryCanvas({
  photoUrl,
  overlays,
  selectedId,
  invalidIds = [],
  onSelect,
  onPlace,
  onDelete,
}: {
  photoUrl: string;
  overlays: readonly DraftOverlay[];
  selectedId: string | null;
  /** Overlays with an error to fix: marked on the canvas. */
  invalidIds?: readonly string[];
  onSelect: (id: string | null) => void;
  onPlace: (id: string, placement: Placement) => void;
  onDelete: (id: string) => void;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);

  const place = (overlay: DraftOverlay, placement: Placement) =>
    onPlace(overlay.id, clampPlacement(overlay.kind, placement));

  const onPointerDown = (overlay: DraftOverlay, event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    onSelect(overlay.id);
    const current = gesture.current?.id === overlay.id ? gesture.current : null;
    const pointers = current?.pointers ?? new Map<number, { x: number; y: number }>();
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    gesture.current = {
      id: overlay.id,
      pointers,
      start: { x: overlay.x, y: overlay.y, scale: overlay.scale, rotation: overlay.rotation },
      origin: centroid([...pointers.values()]),
    };
  };

  const onPointerMove = (overlay: DraftOverlay, event: PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    const rect = canvas.current?.getBoundingClientRect();
    if (!g || g.id !== overlay.id || !g.pointers.has(event.pointerId) || !rect?.width) return;
    g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const now = centroid([...g.pointers.values()]);
    const pinching = g.pointers.size >= 2 && g.origin.span > 0;
    place(overlay, {
      x: g.start.x + (now.x - g.origin.x) / rect.width,
      y: g.start.y + (now.y - g.origin.y) / rect.height,
      scale: pinching ? g.start.scale * (now.span / g.origin.span) : g.start.scale,
      rotation: pinching ? normalise(g.start.rotation + now.angle - g.origin.angle) : g.start.rotation,
    });
  };

  const onPointerUp = (overlay: DraftOverlay, event: PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g || g.id !== overlay.id) return;
    g.pointers.delete(event.pointerId);
    if (g.pointers.size === 0) {
      gesture.current = null;
      return;
    }
    // The finger left behind carries on dragging from where the overlay is now.
    g.start = { x: overlay.x, y: overlay.y, scale: overlay.scale, rotation: overlay.rotation };
    g.origin = centroid([...g.pointers.values()]);
  };

  const onKeyDown = (overlay: DraftOverlay, event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      place(overlay, { ...overlay, x: overlay.x + move[0], y: overlay.y + move[1] * (9 / 16) });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      onDelete(overlay.id);
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={canvas}
      className={styles.canvas}
      data-testid="story-canvas"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onSelect(null);
      }}
    >
      <img className={styles.backdrop} src={photoUrl} alt="" aria-hidden="true" />
      <img className={styles.photo} src={photoUrl} alt="Your story" />
      {overlays.map((overlay, index) => (
        // biome-ignore lint/a11y/useSemanticElements: the stickers drawn inside hold fieldsets and inputs (inert here), which a <button> may not contain
        <div
          key={overlay.id}
          role="button"
          tabIndex={0}
          className={`${styles.overlay} ${overlay.id === selectedId ? styles.overlaySelected : ''} ${invalidIds.includes(overlay.id) ? styles.overlayInvalid : ''}`}
          style={placementStyle(overlay)}
          aria-pressed={overlay.id === selectedId}
          aria-describedby="story-canvas-keys"
          // Capture: the viewer's stickers keep their own pointer events from reaching the story.
          onPointerDownCapture={(event) => onPointerDown(overlay, event)}
          onPointerMoveCapture={(event) => onPointerMove(overlay, event)}
          onPointerUpCapture={(event) => onPointerUp(overlay, event)}
          onPointerCancelCapture={(event) => onPointerUp(overlay, event)}
          onFocus={() => onSelect(overlay.id)}
          onKeyDown={(event) => onKeyDown(overlay, event)}
        >
          <span className="visually-hidden">
            {overlayLabel(overlay)}
            {invalidIds.includes(overlay.id) ? ' (needs fixing)' : ''}
          </span>
          <span className={styles.overlayFace} inert>
            <StickerFace overlay={overlay} index={index} />
          </span>
        </div>
      ))}
      <p id="story-canvas-keys" className="visually-hidden">
        Drag to move. Arrow keys move it, Shift for bigger steps; Delete removes it.
      </p>
    </div>
  );
}
