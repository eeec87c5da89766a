import { describe, expect, it } from 'vitest';
import {
  ASPECTS,
  CENTRED,
  type CropBox,
  clampView,
  cropBox,
  MAX_ZOOM,
  panView,
  photoPlacement,
  type Size,
  zoomView,
} from './crop';

const landscapePhoto: Size = { width: 4000, height: 3000 };
const portraitPhoto: Size = { width: 3000, height: 4000 };
const panorama: Size = { width: 6000, height: 1000 };
const squarePhoto: Size = { width: 1080, height: 1080 };

/** The shape of the box in pixels of the photo, which is what the API checks (4:5 to 1.91:1). */
const pixelAspect = (box: CropBox, image: Size) => (box.width * image.width) / (box.height * image.height);

function expectInside(box: CropBox) {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1 + 1e-12);
  expect(box.y + box.height).toBeLessThanOrEqual(1 + 1e-12);
}

describe('cropBox at zoom 1, centred', () => {
  it('takes the centred square of a landscape photo at full height', () => {
    const box = cropBox(landscapePhoto, ASPECTS.square.ratio, CENTRED);
    expect(box.height).toBe(1);
    expect(box.width).toBeCloseTo(0.75);
    expect(box.x).toBeCloseTo(0.125);
    expect(box.y).toBe(0);
  });

  it('takes the centred square of a portrait photo at full width', () => {
    const box = cropBox(portraitPhoto, ASPECTS.square.ratio, CENTRED);
    expect(box).toEqual({ x: 0, y: 0.125, width: 1, height: 0.75 });
  });

  it('takes a 4:5 portrait out of a landscape photo', () => {
    const box = cropBox(landscapePhoto, ASPECTS.portrait.ratio, CENTRED);
    expect(box.height).toBe(1);
    expect(box.width).toBeCloseTo(0.6); // 3000 * 0.8 / 4000
    expect(pixelAspect(box, landscapePhoto)).toBeCloseTo(0.8);
  });

  it('takes a 1.91:1 landscape out of a portrait photo', () => {
    const box = cropBox(portraitPhoto, ASPECTS.landscape.ratio, CENTRED);
    expect(box.width).toBe(1);
    expect(box.height).toBeCloseTo(3000 / 1.91 / 4000);
    expect(box.y).toBeCloseTo((1 - box.height) / 2);
  });

  it('keeps the whole photo when it already has the frame’s shape', () => {
    expect(cropBox(squarePhoto, 1, CENTRED)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('gives every shape the right proportions in pixels, for photos of every shape', () => {
    for (const image of [landscapePhoto, portraitPhoto, panorama, squarePhoto]) {
      for (const { ratio } of Object.values(ASPECTS)) {
        const box = cropBox(image, ratio, CENTRED);
        expect(pixelAspect(box, image)).toBeCloseTo(ratio, 6);
        expectInside(box);
      }
    }
  });
});

describe('zoom', () => {
  it('shows half as much at zoom 2, about the centre', () => {
    const box = cropBox(portraitPhoto, 1, { ...CENTRED, zoom: 2 });
    expect(box.width).toBeCloseTo(0.5);
    expect(box.height).toBeCloseTo(0.375);
    expect(box.x + box.width / 2).toBeCloseTo(0.5);
    expect(box.y + box.height / 2).toBeCloseTo(0.5);
  });

  it('keeps the zoom between 1 and the maximum', () => {
    expect(zoomView(landscapePhoto, 1, CENTRED, 0.2).zoom).toBe(1);
    expect(zoomView(landscapePhoto, 1, CENTRED, 99).zoom).toBe(MAX_ZOOM);
  });

  it('pulls the box back inside when zooming out near an edge', () => {
    const zoomedAtCorner = clampView(landscapePhoto, 1, { zoom: 3, centerX: 0, centerY: 0 });
    const out = zoomView(landscapePhoto, 1, zoomedAtCorner, 1);
    expectInside(cropBox(landscapePhoto, 1, out));
    expect(cropBox(landscapePhoto, 1, out).x).toBe(0);
  });
});

describe('pan', () => {
  it('moves the box the opposite way to the drag, in proportion to what the frame shows', () => {
    // Dragging the photo right by a tenth of the frame shows what was to its left.
    const view = panView(landscapePhoto, 1, CENTRED, 0.1, 0);
    const box = cropBox(landscapePhoto, 1, view);
    expect(box.x).toBeCloseTo(0.125 - 0.1 * 0.75);
    expect(box.y).toBe(0);
  });

  it('cannot move a box that already spans the photo in that direction', () => {
    const view = panView(landscapePhoto, 1, CENTRED, 0, 0.3);
    expect(cropBox(landscapePhoto, 1, view).y).toBe(0);
  });

  it('stops at the edges of the photo', () => {
    const farLeft = panView(landscapePhoto, 1, CENTRED, 5, 0);
    expect(cropBox(landscapePhoto, 1, farLeft).x).toBe(0);
    const farRight = panView(landscapePhoto, 1, CENTRED, -5, 0);
    const box = cropBox(landscapePhoto, 1, farRight);
    expect(box.x + box.width).toBeCloseTo(1, 12);
  });

  it('pans further once zoomed in', () => {
    const zoomed = { ...CENTRED, zoom: 2 };
    const view = panView(portraitPhoto, ASPECTS.portrait.ratio, zoomed, 0, -0.5);
    const box = cropBox(portraitPhoto, ASPECTS.portrait.ratio, view);
    expect(box.y).toBeGreaterThan(cropBox(portraitPhoto, ASPECTS.portrait.ratio, zoomed).y);
    expectInside(box);
  });

  it('keeps any sequence of pans and zooms inside the photo and in shape', () => {
    let view = CENTRED;
    const image = panorama;
    const ratio = ASPECTS.portrait.ratio;
    const moves = [
      [0.3, -0.2, 1.7],
      [-2, 4, 3],
      [1.5, 1.5, 1.2],
      [-0.01, 0.9, 2.4],
      [9, -9, 1],
    ] as const;
    for (const [dx, dy, zoom] of moves) {
      view = zoomView(image, ratio, panView(image, ratio, view, dx, dy), zoom);
      const box = cropBox(image, ratio, view);
      expectInside(box);
      expect(pixelAspect(box, image)).toBeCloseTo(ratio, 6);
    }
  });
});

describe('a view made for another shape', () => {
  it('is clamped again when the shape changes', () => {
    const view = panView(portraitPhoto, ASPECTS.landscape.ratio, CENTRED, 0, -10);
    // Square needs a taller box than landscape: the same centre would fall off the bottom.
    const box = cropBox(portraitPhoto, ASPECTS.square.ratio, view);
    expectInside(box);
    expect(box.y + box.height).toBeCloseTo(1, 12);
  });
});

describe('photoPlacement', () => {
  it('scales and offsets the photo so exactly the box fills the frame', () => {
    const placement = photoPlacement({ x: 0.125, y: 0, width: 0.75, height: 1 });
    expect(Number.parseFloat(placement.width)).toBeCloseTo(133.333, 2);
    expect(placement.height).toBe('100%');
    expect(Number.parseFloat(placement.left)).toBeCloseTo(-16.667, 2);
    expect(placement.top).toBe('0%');
  });
});
