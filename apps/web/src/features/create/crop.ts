/**
 * Crop math in pure functions: what part of a photo a frame of a given shape shows at a zoom and pan.
 *
 * The editor keeps a `CropView` (zoom and the centre of the visible box, in fractions of the photo) and
 * derives the normalised box the API takes (`CropInput`: x, y, width, height in 0..1 of the oriented
 * photo). Keeping the centre rather than the box means a view survives a change of shape or of the
 * photo's measured size, and clamping happens in one place.
 */

export interface CropView {
  /** 1 shows the largest box of the frame's shape that fits the photo; 2 shows half as much. */
  zoom: number;
  /** Centre of the visible box as fractions of the photo's width and height. */
  centerX: number;
  centerY: number;
}

export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Instagram's three frame shapes (width / height); the API accepts 4:5 up to 1.91:1. */
export const ASPECTS = {
  square: { label: 'Square', ratio: 1 },
  portrait: { label: 'Portrait', ratio: 4 / 5 },
  landscape: { label: 'Landscape', ratio: 1.91 },
} as const;

export type AspectName = keyof typeof ASPECTS;

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 3;

export const CENTRED: CropView = { zoom: 1, centerX: 0.5, centerY: 0.5 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The visible box's size in fractions of the photo, for a frame of `aspect` at `zoom`. */
function boxSize(image: Size, aspect: number, zoom: number): Size {
  const imageAspect = image.width / image.height;
  const z = clamp(zoom, MIN_ZOOM, MAX_ZOOM);
  // At zoom 1 the box spans the photo's full height (a wider photo) or full width (a taller one).
  return imageAspect > aspect
    ? { width: aspect / imageAspect / z, height: 1 / z }
    : { width: 1 / z, height: imageAspect / aspect / z };
}

/** The view moved and zoomed back inside its bounds: zoom in range, the box wholly inside the photo. */
export function clampView(image: Size, aspect: number, view: CropView): CropView {
  const zoom = clamp(view.zoom, MIN_ZOOM, MAX_ZOOM);
  const size = boxSize(image, aspect, zoom);
  return {
    zoom,
    centerX: clamp(view.centerX, size.width / 2, 1 - size.width / 2),
    centerY: clamp(view.centerY, size.height / 2, 1 - size.height / 2),
  };
}

/** The normalised crop box the API takes; always inside 0..1 and of the frame's shape in pixels. */
export function cropBox(image: Size, aspect: number, view: CropView): CropBox {
  const size = boxSize(image, aspect, view.zoom);
  const { centerX, centerY } = clampView(image, aspect, view);
  return {
    x: clamp(centerX - size.width / 2, 0, 1 - size.width),
    y: clamp(centerY - size.height / 2, 0, 1 - size.height),
    width: size.width,
    height: size.height,
  };
}

/**
 * Moves the photo under the frame by a fraction of the frame's size (a drag of dx = 0.1 moves it a tenth
 * of the frame to the right), so the visible box moves the other way.
 */
export function panView(image: Size, aspect: number, view: CropView, dx: number, dy: number): CropView {
  const size = boxSize(image, aspect, view.zoom);
  return clampView(image, aspect, {
    ...view,
    centerX: view.centerX - dx * size.width,
    centerY: view.centerY - dy * size.height,
  });
}

/** Zooms about the frame's centre. */
export function zoomView(image: Size, aspect: number, view: CropView, zoom: number): CropView {
  return clampView(image, aspect, { ...view, zoom });
}

/**
 * Where to draw the whole photo inside the frame, in percent of the frame, so that exactly `box` shows.
 * The frame has the box's shape, so the photo keeps its proportions.
 */
export function photoPlacement(box: CropBox): { left: string; top: string; width: string; height: string } {
  const percent = (n: number) => `${n * 100}%`;
  return {
    width: percent(1 / box.width),
    height: percent(1 / box.height),
    left: percent(-box.x / box.width),
    top: percent(-box.y / box.height),
  };
}
