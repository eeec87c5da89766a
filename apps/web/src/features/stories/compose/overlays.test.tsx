import { describe, expect, it } from 'vitest';
import {
  BOX,
  clampPlacement,
  type DraftOverlay,
  newOverlay,
  type OverlayKind,
  toOverlayInput,
  validateOverlays,
} from './overlays';

const poll = (options: string[], question = 'Beach or mountains?'): DraftOverlay => ({
  ...newOverlay('POLL', 0),
  kind: 'POLL',
  question,
  options,
});

const text = (value: string): DraftOverlay => ({
  ...newOverlay('TEXT', 0),
  kind: 'TEXT',
  text: value,
  style: 'CLASSIC',
  color: 'WHITE',
});

/** The corners of the rotated, scaled box stay within the canvas (in 1080x1920 pixels, as the API checks). */
function inside(kind: OverlayKind, p: { x: number; y: number; scale: number; rotation: number }) {
  const w = BOX[kind].w * 1080 * p.scale;
  const h = BOX[kind].h * 1920 * p.scale;
  const t = (p.rotation * Math.PI) / 180;
  const rw = Math.abs(w * Math.cos(t)) + Math.abs(h * Math.sin(t));
  const rh = Math.abs(w * Math.sin(t)) + Math.abs(h * Math.cos(t));
  const cx = p.x * 1080;
  const cy = p.y * 1920;
  return cx - rw / 2 >= -0.5 && cx + rw / 2 <= 1080.5 && cy - rh / 2 >= -0.5 && cy + rh / 2 <= 1920.5;
}

describe('validateOverlays', () => {
  it('wants 2 to 4 poll options of at most 25 characters, and a question', () => {
    expect(validateOverlays([poll(['Only one'])])).toEqual({
      'overlays.0.options': 'A poll needs 2 to 4 options.',
    });
    expect(validateOverlays([poll(['a', 'b', 'c', 'd', 'e'])])['overlays.0.options']).toBe(
      'A poll needs 2 to 4 options.',
    );
    expect(validateOverlays([poll(['Yes', 'x'.repeat(26)], '')])).toEqual({
      'overlays.0.question': 'Question is required.',
      'overlays.0.options.1': 'Option 2 can be at most 25 characters.',
    });
    expect(validateOverlays([poll(['Yes', 'No'])])).toEqual({});
  });

  it('allows one poll and ten overlays at most', () => {
    expect(validateOverlays([poll(['a', 'b']), poll(['c', 'd'])]).overlays).toBe(
      'A story can have only one poll.',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => text(`line ${i}`));
    expect(validateOverlays(eleven).overlays).toBe('A story can have at most 10 stickers.');
    expect(validateOverlays(eleven.slice(0, 10))).toEqual({});
  });

  it('checks text length as the API counts it (characters, not UTF-16 units)', () => {
    expect(validateOverlays([text('😀'.repeat(200))])).toEqual({});
    expect(validateOverlays([text('a'.repeat(201))])['overlays.0.text']).toBe(
      'Text can be at most 200 characters.',
    );
    expect(validateOverlays([text('   ')])['overlays.0.text']).toBe('Text is required.');
  });
});

describe('clampPlacement', () => {
  it('keeps the rotated, scaled box inside the canvas', () => {
    const cases = [
      { kind: 'POLL', x: 0, y: 0, scale: 1, rotation: 0 },
      { kind: 'POLL', x: 1, y: 1, scale: 1.2, rotation: 30 },
      { kind: 'TEXT', x: -0.4, y: 1.5, scale: 3, rotation: 90 },
      { kind: 'MENTION', x: 0.99, y: 0.01, scale: 0.2, rotation: -170 },
      { kind: 'QUESTION', x: 0.5, y: 0.5, scale: 5, rotation: 45 },
    ] as const;
    for (const { kind, ...placement } of cases) {
      const placed = clampPlacement(kind, placement);
      expect(inside(kind, placed), `${kind} ${JSON.stringify(placed)}`).toBe(true);
      expect(placed.scale).toBeGreaterThanOrEqual(0.2);
    }
  });

  it('leaves a placement that already fits alone', () => {
    expect(clampPlacement('TEXT', { x: 0.5, y: 0.5, scale: 1, rotation: 10 })).toEqual({
      x: 0.5,
      y: 0.5,
      scale: 1,
      rotation: 10,
    });
  });

  it('pushes a poll at the left edge in by half its width', () => {
    expect(clampPlacement('POLL', { x: 0, y: 0.5, scale: 1, rotation: 0 }).x).toBeCloseTo(0.35);
  });
});

describe('toOverlayInput', () => {
  it("sends only the kind's fields, trimmed, with the position as fractions", () => {
    expect(
      toOverlayInput({
        ...poll([' Beach ', 'Mountains']),
        x: 0.123456,
        y: 0.5,
        scale: 1.5,
        rotation: -12.34567,
      }),
    ).toEqual({
      kind: 'POLL',
      x: 0.1235,
      y: 0.5,
      scale: 1.5,
      rotation: -12.3457,
      question: 'Beach or mountains?',
      options: ['Beach', 'Mountains'],
    });
    expect(
      toOverlayInput({ ...newOverlay('MENTION', 0), kind: 'MENTION', username: '@kenji.nights ' }),
    ).toMatchObject({
      kind: 'MENTION',
      username: 'kenji.nights',
    });
  });
});
