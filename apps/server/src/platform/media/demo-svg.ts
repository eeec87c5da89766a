/** Small helpers for the demo scenes: a seeded random source, colours, and SVG number formatting. */

export type Rgb = readonly [number, number, number];

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  between(min: number, max: number): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: tiny, fast and good enough for pictures; the same seed always draws the same scene. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

/** Hue in degrees, saturation and lightness in 0..1. */
export function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const h = (((hue % 360) + 360) % 360) / 60;
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = lightness - c / 2;
  const [r, g, b] =
    h < 1
      ? [c, x, 0]
      : h < 2
        ? [x, c, 0]
        : h < 3
          ? [0, c, x]
          : h < 4
            ? [0, x, c]
            : h < 5
              ? [x, 0, c]
              : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function hex(colour: Rgb): string {
  return `#${colour
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** One decimal is plenty at photo sizes and keeps the SVG (and librsvg's parse) small. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A vertical gradient definition from (offset, colour, opacity = 1) stops. */
export function verticalGradient(id: string, stops: ReadonlyArray<readonly [number, Rgb, number?]>): string {
  const body = stops
    .map(
      ([offset, colour, opacity = 1]) =>
        `<stop offset="${n(offset)}" stop-color="${hex(colour)}" stop-opacity="${n(opacity)}"/>`,
    )
    .join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${body}</linearGradient>`;
}

/** A soft disc: solid in the middle, fading to nothing at the edge (a glow or an out-of-focus light). */
export function softDisc(id: string, colour: Rgb, solidUntil = 0.55, opacity = 1): string {
  const c = hex(colour);
  return (
    `<radialGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="${opacity}"/>` +
    `<stop offset="${solidUntil}" stop-color="${c}" stop-opacity="${opacity * 0.85}"/>` +
    `<stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`
  );
}

/**
 * A ridge line across the width by midpoint displacement, closed down to the bottom edge: mountains,
 * or with low roughness, dunes and islands.
 */
export function ridgePath(
  random: Random,
  width: number,
  height: number,
  baseY: number,
  amplitude: number,
  roughness: number,
): string {
  const segments = 64;
  const ys = new Array<number>(segments + 1).fill(baseY);
  ys[0] = baseY + random.between(-amplitude, amplitude) / 2;
  ys[segments] = baseY + random.between(-amplitude, amplitude) / 2;
  for (let step = segments; step > 1; step /= 2) {
    const spread = amplitude * (step / segments) ** (1 - roughness);
    for (let i = step / 2; i < segments; i += step) {
      const left = ys[i - step / 2] ?? baseY;
      const right = ys[i + step / 2] ?? baseY;
      ys[i] = (left + right) / 2 + random.between(-spread, spread);
    }
  }
  const points = ys.map((y, i) => `${n((i / segments) * width)},${n(y)}`).join(' L');
  return `M0,${n(height)} L${points} L${n(width)},${n(height)} Z`;
}

/** A smooth rolling line (a few long sine waves), closed down to the bottom edge: dunes, swells. */
export function wavePath(
  random: Random,
  width: number,
  height: number,
  baseY: number,
  amplitude: number,
): string {
  const waves = [1, 2, 3].map((i) => ({
    length: width * random.between(0.5, 1.4) * (1.6 / i),
    phase: random.next() * Math.PI * 2,
    weight: 1 / i,
  }));
  const segments = 48;
  const points: string[] = [];
  for (let i = 0; i <= segments; i++) {
    const x = (i / segments) * width;
    const y = waves.reduce((sum, w) => sum + Math.sin((x / w.length) * Math.PI * 2 + w.phase) * w.weight, 0);
    points.push(`${n(x)},${n(baseY + (y / 1.83) * amplitude)}`);
  }
  return `M0,${n(height)} L${points.join(' L')} L${n(width)},${n(height)} Z`;
}
