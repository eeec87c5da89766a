import {
  hex,
  hsl,
  mix,
  n,
  type Random,
  type Rgb,
  ridgePath,
  softDisc,
  verticalGradient,
  wavePath,
} from './demo-svg.js';

/**
 * Abstract "photographs" for demo data, drawn as SVG. Each scene takes its palette and layout from the
 * seeded random source and returns the SVG body (defs and shapes) for a width × height canvas. No
 * filters: blur in librsvg is slow, so softness comes from radial gradients.
 */
export type Scene = (random: Random, width: number, height: number) => string;

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

function stars(random: Random, width: number, count: number, maxY: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = random.between(0.4, 1.6) * (width / 1080);
    out += `<circle cx="${n(random.next() * width)}" cy="${n(random.next() ** 1.5 * maxY)}" r="${n(r)}" fill="#fff" fill-opacity="${n(random.between(0.3, 0.95))}"/>`;
  }
  return out;
}

/** Sky going down into warm light, a sun with its glow, and ridges paling with distance. */
const sunsetMountains: Scene = (random, width, height) => {
  const hue = random.pick([265, 285, 320, 200, 345]);
  const top = hsl(hue, 0.55, 0.22);
  const middle = hsl(hue + random.between(50, 80), 0.75, 0.58);
  const horizon = hsl(random.between(28, 48), 0.95, 0.68);
  const sunX = random.between(0.25, 0.75) * width;
  const sunY = random.between(0.42, 0.55) * height;
  const sunR = random.between(0.06, 0.1) * width;
  const layers = random.int(4, 5);
  const shade = hsl(hue + 10, 0.35, 0.1);
  let ridges = '';
  for (let i = 0; i < layers; i++) {
    const depth = i / (layers - 1);
    const colour = mix(mix(horizon, middle, 0.45), shade, 0.25 + depth * 0.75);
    const baseY = height * (0.5 + depth * 0.32);
    // Far ridges are smoother and lower, as distance flattens them.
    const path = ridgePath(random, width, height, baseY, height * (0.12 - depth * 0.05), 0.15 + depth * 0.25);
    ridges += `<path d="${path}" fill="${hex(colour)}"/>`;
    // Haze pooling in the valleys behind the next, nearer ridge.
    if (i < layers - 1)
      ridges += `<rect y="${n(baseY - height * 0.08)}" width="${width}" height="${n(height * 0.2)}" fill="url(#mist)"/>`;
  }
  let birds = '';
  const flock = random.int(0, 5);
  for (let i = 0; i < flock; i++) {
    const x = sunX + random.between(-0.25, 0.25) * width;
    const y = sunY - random.between(0.06, 0.2) * height;
    const s = random.between(6, 12) * (width / 1080);
    birds += `<path d="M${n(x - s)},${n(y - s * 0.4)} Q${n(x - s / 2)},${n(y - s * 0.7)} ${n(x)},${n(y)} Q${n(x + s / 2)},${n(y - s * 0.7)} ${n(x + s)},${n(y - s * 0.4)}" stroke="${hex(shade)}" stroke-width="${n(s / 5)}" fill="none"/>`;
  }
  return (
    `<defs>${verticalGradient('sky', [
      [0, top],
      [0.35, middle],
      [0.58, horizon],
    ])}${softDisc('glow', mix(horizon, WHITE, 0.3), 0.15, 0.7)}${softDisc('sun', mix(horizon, WHITE, 0.75), 0.9)}` +
    `${verticalGradient('mist', [
      [0, mix(horizon, WHITE, 0.2), 0],
      [1, mix(horizon, WHITE, 0.2), 0.45],
    ])}</defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR * 5)}" fill="url(#glow)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR)}" fill="url(#sun)"/>${birds}${ridges}`
  );
};

/** A flat sea under a low sun, its light broken into a column of ripples. */
const oceanHorizon: Scene = (random, width, height) => {
  const dusk = random.chance(0.5);
  const skyTop = dusk ? hsl(random.between(220, 250), 0.5, 0.3) : hsl(random.between(195, 210), 0.65, 0.5);
  const skyLow = dusk ? hsl(random.between(15, 35), 0.9, 0.7) : hsl(random.between(35, 50), 0.7, 0.85);
  const horizonY = random.between(0.5, 0.62) * height;
  const sea = hsl(random.between(195, 215), 0.6, dusk ? 0.22 : 0.35);
  const sunX = random.between(0.3, 0.7) * width;
  const sunR = random.between(0.035, 0.06) * width;
  const sunY = horizonY - sunR * random.between(0.2, 2.5);
  const light = mix(skyLow, WHITE, 0.6);
  let clouds = '';
  for (let i = random.int(2, 6); i > 0; i--) {
    const cy = random.between(0.1, 0.8) * horizonY;
    const rx = random.between(0.15, 0.35) * width;
    clouds += `<ellipse cx="${n(random.next() * width)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(rx * random.between(0.08, 0.16))}" fill="url(#cloud)"/>`;
  }
  let ripples = '';
  for (let y = horizonY + 4; y < height; y += random.between(6, 14) * (height / 1350)) {
    const t = (y - horizonY) / (height - horizonY);
    const w = (random.between(0.2, 1) * sunR * 2.5 + t * width * 0.25) * random.between(0.3, 1);
    const x = sunX + random.between(-1, 1) * sunR * (0.5 + t * 2);
    ripples += `<rect x="${n(x - w / 2)}" y="${n(y)}" width="${n(w)}" height="${n(1.5 + t * 4)}" rx="2" fill="${hex(light)}" fill-opacity="${n(0.75 - t * 0.55)}"/>`;
  }
  let island = '';
  if (random.chance(0.5)) {
    const islandW = random.between(0.2, 0.45) * width;
    const islandX = random.chance(0.5) ? -islandW * 0.2 : width - islandW * 0.8;
    island = `<g transform="translate(${n(islandX)},0)"><path d="${ridgePath(random, islandW, horizonY + 1, horizonY - height * 0.03, height * 0.03, 0.4)}" fill="${hex(mix(sea, skyTop, 0.5))}"/></g>`;
  }
  return (
    `<defs>${verticalGradient('sky', [
      [0, skyTop],
      [1, skyLow],
    ])}${verticalGradient('sea', [
      [0, mix(sea, skyLow, 0.45)],
      [1, mix(sea, BLACK, 0.3)],
    ])}${softDisc('sun', light, 0.85)}${softDisc('glow', skyLow, 0.2, 0.8)}${softDisc('cloud', mix(skyLow, WHITE, 0.5), 0.3, 0.55)}</defs>` +
    `<rect width="${width}" height="${n(horizonY)}" fill="url(#sky)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR * 6)}" fill="url(#glow)"/>${clouds}` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR)}" fill="url(#sun)"/>` +
    `<rect y="${n(horizonY)}" width="${width}" height="${n(height - horizonY)}" fill="url(#sea)"/>${island}${ripples}`
  );
};

function skyline(
  random: Random,
  width: number,
  height: number,
  baseY: number,
  scale: number,
  body: Rgb,
  window: Rgb,
  litShare: number,
): string {
  let out = '';
  // Lit windows go into a few paths by brightness: thousands of separate rects would make librsvg slow.
  const windows = ['', '', '', ''];
  let x = -random.between(0, 40) * scale;
  while (x < width) {
    const w = random.between(50, 130) * scale;
    const h = random.between(0.12, 0.45) * height * (scale > 1 ? 1.1 : 0.85);
    const top = baseY - h;
    out += `<rect x="${n(x)}" y="${n(top)}" width="${n(w + 1)}" height="${n(height - top)}" fill="${hex(body)}"/>`;
    if (random.chance(0.25)) {
      out += `<rect x="${n(x + w / 2 - scale)}" y="${n(top - 30 * scale)}" width="${n(2 * scale)}" height="${n(30 * scale)}" fill="${hex(body)}"/>`;
      out += `<circle cx="${n(x + w / 2)}" cy="${n(top - 30 * scale)}" r="${n(2.5 * scale)}" fill="#ff5a4a"/>`;
    }
    const cell = 16 * scale;
    const columns = Math.floor((w - 8 * scale) / cell);
    const offset = (w - columns * cell) / 2;
    const lit = litShare * random.between(0.5, 1.4);
    for (let wy = top + 10 * scale; wy < baseY - 10 * scale; wy += cell * 1.4) {
      for (let c = 0; c < columns; c++) {
        if (!random.chance(lit)) continue;
        const wx = x + offset + c * cell + 3 * scale;
        windows[random.int(0, windows.length - 1)] +=
          `M${n(wx)},${n(wy)}h${n(cell - 6 * scale)}v${n(cell * 0.8)}h${n(-(cell - 6 * scale))}z`;
      }
    }
    x += w + random.between(0, 12) * scale;
  }
  windows.forEach((d, i) => {
    if (d)
      out += `<path d="${d}" fill="${hex(mix(window, WHITE, i * 0.12))}" fill-opacity="${n(0.6 + i * 0.13)}"/>`;
  });
  return out;
}

/** Towers against a night sky, a low glow of city light on the horizon. */
const citySkyline: Scene = (random, width, height) => {
  const hue = random.between(215, 275);
  const top = hsl(hue, 0.6, 0.07);
  const low = hsl(hue + random.between(40, 90), 0.55, 0.3);
  const glow = hsl(random.between(20, 40), 0.8, 0.55);
  const baseY = height * random.between(0.86, 0.95);
  const scale = width / 1080;
  const windowColour = random.pick<Rgb>([hsl(45, 1, 0.7), hsl(35, 0.95, 0.65), hsl(190, 0.6, 0.8)]);
  const moonX = random.between(0.15, 0.85) * width;
  const moonY = random.between(0.08, 0.25) * height;
  return (
    `<defs>${verticalGradient('sky', [
      [0, top],
      [0.6, low],
      [1, mix(low, glow, 0.6)],
    ])}${softDisc('moonGlow', hsl(hue, 0.4, 0.8), 0.1, 0.35)}</defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>${stars(random, width, 140, height * 0.55)}` +
    `<circle cx="${n(moonX)}" cy="${n(moonY)}" r="${n(width * 0.16)}" fill="url(#moonGlow)"/>` +
    `<circle cx="${n(moonX)}" cy="${n(moonY)}" r="${n(width * 0.035)}" fill="#f4f1e6"/>` +
    skyline(
      random,
      width,
      height,
      baseY - height * 0.05,
      scale * 0.7,
      mix(top, low, 0.55),
      windowColour,
      0.18,
    ) +
    skyline(random, width, height, baseY, scale * 1.1, mix(top, BLACK, 0.4), windowColour, 0.32) +
    `<rect y="${n(baseY)}" width="${width}" height="${n(height - baseY)}" fill="${hex(mix(top, BLACK, 0.5))}"/>`
  );
};

/** Out-of-focus lights on a dark ground, like a night street shot wide open. */
const bokeh: Scene = (random, width, height) => {
  const hue = random.next() * 360;
  const ground = hsl(hue, 0.5, 0.08);
  const lights = [0, 1, 2, 3].map((i) =>
    hsl(hue + random.between(-40, 40) + i * random.pick([25, 60, 120]), 0.85, random.between(0.55, 0.72)),
  );
  let defs = verticalGradient('ground', [
    [0, mix(ground, lights[0] ?? WHITE, 0.15)],
    [1, ground],
  ]);
  lights.forEach((colour, i) => {
    defs += softDisc(`light${i}`, colour, random.between(0.6, 0.85));
  });
  let discs = '';
  const count = random.int(45, 80);
  for (let i = 0; i < count; i++) {
    const depth = random.next();
    const r = (20 + depth ** 2 * 130) * (width / 1080);
    const y = (0.15 + random.next() ** 0.8 * 0.8) * height;
    discs += `<circle cx="${n(random.next() * width)}" cy="${n(y)}" r="${n(r)}" fill="url(#light${random.int(0, lights.length - 1)})" fill-opacity="${n(0.2 + (1 - depth) * 0.55)}"/>`;
  }
  return `<defs>${defs}</defs><rect width="${width}" height="${height}" fill="url(#ground)"/>${discs}`;
};

/** A grid of quarter circles, half discs and bars in a print palette: a Bauhaus poster. */
const geometric: Scene = (random, width, height) => {
  const palette = random.pick<readonly string[]>([
    ['#f2e8d5', '#e07a5f', '#3d405b', '#81b29a', '#f2cc8f'],
    ['#fdf0d5', '#c1121f', '#003049', '#669bbc', '#780000'],
    ['#f1faee', '#e63946', '#1d3557', '#457b9d', '#a8dadc'],
    ['#fefae0', '#bc6c25', '#283618', '#606c38', '#dda15e'],
    ['#f8f1ff', '#6a4c93', '#1982c4', '#8ac926', '#ffca3a'],
  ]);
  const [paper = '#fff', ...inks] = palette;
  const columns = random.int(3, 4);
  const cell = width / columns;
  const rows = Math.ceil(height / cell);
  let shapes = '';
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = column * cell;
      const y = row * cell;
      const [a, b] = [random.pick(inks), random.pick(inks)];
      if (random.chance(0.35))
        shapes += `<rect x="${n(x)}" y="${n(y)}" width="${n(cell + 1)}" height="${n(cell + 1)}" fill="${b}"/>`;
      const rotate = `rotate(${random.int(0, 3) * 90} ${n(x + cell / 2)} ${n(y + cell / 2)})`;
      switch (random.int(0, 4)) {
        case 0:
          shapes += `<path d="M${n(x)},${n(y)} L${n(x + cell)},${n(y)} A${n(cell)},${n(cell)} 0 0 1 ${n(x)},${n(y + cell)} Z" fill="${a}" transform="${rotate}"/>`;
          break;
        case 1:
          shapes += `<circle cx="${n(x + cell / 2)}" cy="${n(y + cell / 2)}" r="${n(cell * random.between(0.25, 0.45))}" fill="${a}"/>`;
          break;
        case 2:
          shapes += `<path d="M${n(x)},${n(y + cell / 2)} A${n(cell / 2)},${n(cell / 2)} 0 0 1 ${n(x + cell)},${n(y + cell / 2)} Z" fill="${a}" transform="${rotate}"/>`;
          break;
        case 3:
          for (let i = 0; i < 4; i++) {
            shapes += `<rect x="${n(x + (i * cell) / 4 + cell / 16)}" y="${n(y)}" width="${n(cell / 8)}" height="${n(cell)}" fill="${a}" transform="${rotate}"/>`;
          }
          break;
        default:
          shapes += `<path d="M${n(x)},${n(y + cell)} L${n(x + cell / 2)},${n(y)} L${n(x + cell)},${n(y + cell)} Z" fill="${a}" transform="${rotate}"/>`;
      }
    }
  }
  return `<rect width="${width}" height="${height}" fill="${paper}"/>${shapes}`;
};

/** Sand dunes in low light: each crest catching the sun, its face falling into shadow. */
const dunes: Scene = (random, width, height) => {
  const sand = hsl(random.between(18, 34), random.between(0.6, 0.8), 0.55);
  const skyTop = hsl(random.between(195, 225), 0.6, random.between(0.42, 0.6));
  const skyLow = mix(sand, WHITE, 0.6);
  const sunX = random.between(0.2, 0.8) * width;
  const sunY = random.between(0.1, 0.26) * height;
  const count = random.int(3, 5);
  let defs = '';
  let body = '';
  for (let i = 0; i < count; i++) {
    const depth = i / (count - 1);
    // Alternate bright and dark faces so neighbouring dunes separate; nearer ones are more saturated.
    const lit = mix(mix(sand, WHITE, 0.3), skyLow, 0.5 - depth * 0.5);
    const shadow = mix(sand, hsl(12, 0.65, 0.18), (i % 2 === 0 ? 0.25 : 0.5) + depth * 0.25);
    defs += verticalGradient(`dune${i}`, [
      [0, lit],
      [0.18, mix(lit, shadow, 0.55)],
      [1, shadow],
    ]);
    const path = wavePath(
      random,
      width,
      height,
      height * (0.5 + depth * 0.36),
      height * (0.045 + depth * 0.03),
    );
    body += `<path d="${path}" fill="url(#dune${i})" stroke="${hex(mix(lit, WHITE, 0.35))}" stroke-width="${n(1 + depth * 2)}" stroke-opacity="0.6"/>`;
  }
  return (
    `<defs>${verticalGradient('sky', [
      [0, skyTop],
      [0.55, skyLow],
    ])}${softDisc('glow', mix(skyLow, WHITE, 0.6), 0.12, 0.7)}${softDisc('sun', [255, 250, 235], 0.85)}${defs}</defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(width * 0.22)}" fill="url(#glow)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(width * 0.035)}" fill="url(#sun)"/>${body}`
  );
};

export const SCENES: readonly Scene[] = [sunsetMountains, oceanHorizon, citySkyline, bokeh, geometric, dunes];
