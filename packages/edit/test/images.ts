/**
 * Deterministic, photo-like test images for the parity test: smooth gradients, hard edges, fine texture,
 * skin tones, saturated colours, deep shadows and clipped highlights. RGBA, rows top first.
 */

export interface TestImage {
  name: string;
  width: number;
  height: number;
  rgba: Uint8Array;
}

type Shader = (x: number, y: number, noise: number) => [number, number, number];

/** A repeatable hash noise in -1..1 (integer arithmetic, the same on every machine). */
function noise(x: number, y: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(seed, 2147483647);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function smooth(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

function paint(name: string, width: number, height: number, seed: number, shader: Shader): TestImage {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = shader(x / width, y / height, noise(x, y, seed));
      const i = (y * width + x) * 4;
      rgba[i] = Math.round(Math.min(255, Math.max(0, r)));
      rgba[i + 1] = Math.round(Math.min(255, Math.max(0, g)));
      rgba[i + 2] = Math.round(Math.min(255, Math.max(0, b)));
      rgba[i + 3] = 255;
    }
  }
  return { name, width, height, rgba };
}

/** A face-like skin ellipse with shading and dark hair, over a blue sky, above a red shirt. */
const portrait: Shader = (u, v, n) => {
  const sky: [number, number, number] = [mix(70, 190, v * 1.5), mix(130, 215, v * 1.5), mix(220, 245, v)];
  const dx = (u - 0.5) / 0.22;
  const dy = (v - 0.42) / 0.28;
  const face = dx * dx + dy * dy;
  if (v > 0.78) {
    const fold = 0.85 + 0.15 * Math.sin(u * 40 + v * 8);
    return [205 * fold + 6 * n, 25 * fold + 4 * n, 38 * fold + 4 * n];
  }
  if (face < 1) {
    const shade = 1 - 0.35 * smooth(0.2, 1, face) - 0.15 * Math.max(0, u - 0.5);
    const hair = v < 0.24 + 0.05 * Math.sin(u * 30) ? 1 : 0;
    const skin: [number, number, number] = [232 * shade + 3 * n, 176 * shade + 3 * n, 142 * shade + 3 * n];
    return hair ? [40 + 12 * n, 28 + 10 * n, 22 + 8 * n] : skin;
  }
  return [sky[0] + 2 * n, sky[1] + 2 * n, sky[2] + 2 * n];
};

/** Hills with textured grass, a bright sun, water with ripples: edges, texture, highlights. */
const landscape: Shader = (u, v, n) => {
  const sunDistance = Math.hypot(u - 0.72, v - 0.18);
  if (sunDistance < 0.07) return [255, 250, 215];
  const horizon = 0.45 + 0.06 * Math.sin(u * 9) + 0.03 * Math.sin(u * 23 + 1);
  if (v < horizon) {
    const glow = Math.exp(-sunDistance * 6);
    return [mix(120, 255, glow) + 2 * n, mix(160, 220, glow) + 2 * n, mix(230, 170, glow) + 2 * n];
  }
  if (v < 0.75) {
    const grass = 0.75 + 0.25 * Math.sin(u * 160 + v * 90) * n;
    const depth = (v - horizon) / (0.75 - horizon);
    return [mix(70, 30, depth) * grass + 20 * n, mix(140, 90, depth) * grass + 20 * n, 40 * grass + 10 * n];
  }
  const ripple = 0.5 + 0.5 * Math.sin(v * 220 + Math.sin(u * 12) * 3);
  return [20 + 40 * ripple + 5 * n, 60 + 50 * ripple + 5 * n, 110 + 70 * ripple + 5 * n];
};

/** Saturated patches of every hue, thin lines, near-black and near-white areas. */
const stillLife: Shader = (u, v, n) => {
  if (v < 0.15) return [mix(0, 255, u) + 3 * n, mix(0, 255, u) + 3 * n, mix(0, 255, u) + 3 * n];
  if (v > 0.9) return u < 0.5 ? [4 + 3 * n, 4 + 3 * n, 6 + 3 * n] : [252 + 3 * n, 252 + 3 * n, 250 + 3 * n];
  const column = Math.floor(u * 6);
  const row = Math.floor((v - 0.15) * 8);
  const hue = ((column + row * 0.5) / 6) * 360;
  const c = hue / 60;
  const x = 1 - Math.abs((c % 2) - 1);
  const sector = Math.floor(c) % 6;
  const rgb = [
    [1, x, 0],
    [x, 1, 0],
    [0, 1, x],
    [0, x, 1],
    [x, 0, 1],
    [1, 0, x],
  ][sector]!;
  const value = 0.45 + 0.5 * smooth(0.15, 0.9, v);
  const line = Math.abs(Math.sin(u * 100)) < 0.06 ? 0.3 : 1;
  return [
    rgb[0]! * 255 * value * line + 8 * n,
    rgb[1]! * 255 * value * line + 8 * n,
    rgb[2]! * 255 * value * line + 8 * n,
  ];
};

export function testImages(): TestImage[] {
  return [
    paint('portrait', 320, 400, 1, portrait),
    paint('landscape', 320, 400, 2, landscape),
    paint('still-life', 320, 400, 3, stillLife),
  ];
}
