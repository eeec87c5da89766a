import { LUT_SIZE } from '../curves.js';
import {
  FADE_DROP,
  FADE_LIFT,
  LUMA_B,
  LUMA_G,
  LUMA_R,
  LUT_ROW_FILTER,
  LUT_ROW_TONE,
  MAX_BLUR_RADIUS,
  VIGNETTE_END,
  VIGNETTE_START,
  VIGNETTE_STRENGTH,
} from '../pipeline.js';

/**
 * GLSL ES 3.00 for the WebGL2 preview. Each pass mirrors a function of cpu.ts (named in the comments), and
 * every constant is interpolated from pipeline.ts so there is one definition of each number.
 *
 * Coordinates: in every render target, row 0 is the image's top row, so gl_FragCoord.xy is the pixel centre
 * (x + 0.5, y + 0.5) exactly as cpu.ts counts. Only the final blit to the canvas flips.
 */

/** GLSL float literal (always with a decimal point). */
function f(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const HEADER = `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
`;

/** A triangle covering the viewport; no vertex buffers needed. */
export const VERTEX_SHADER = `#version 300 es
void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
`;

/**
 * Geometry (cpu.ts `resample`): the affine maps the output pixel centre to a source point in pixels; GL's
 * LINEAR filter with CLAMP_TO_EDGE at point / size is the CPU's bilinear sample with centres at i + 0.5.
 */
export const BASE_SHADER = `${HEADER}
uniform sampler2D uSource;
uniform vec2 uSourceSize;
uniform vec3 uRowX;
uniform vec3 uRowY;
out vec4 outColour;
void main() {
  vec3 p = vec3(gl_FragCoord.xy, 1.0);
  vec2 point = vec2(dot(uRowX, p), dot(uRowY, p));
  outColour = texture(uSource, point / uSourceSize);
}
`;

const LUMA = `const vec3 LUMA = vec3(${f(LUMA_R)}, ${f(LUMA_G)}, ${f(LUMA_B)});`;

/** Box average into k x k cells, edge cells averaging what they cover (cpu.ts `downsample`). */
export const DOWNSAMPLE_SHADER = `${HEADER}
${LUMA}
uniform sampler2D uBase;
uniform ivec2 uBaseSize;
uniform int uK;
uniform bool uLuma;
out vec4 outColour;
void main() {
  ivec2 start = ivec2(gl_FragCoord.xy) * uK;
  ivec2 end = min(start + uK, uBaseSize);
  vec3 sum = vec3(0.0);
  for (int y = start.y; y < end.y; y++) {
    for (int x = start.x; x < end.x; x++) sum += texelFetch(uBase, ivec2(x, y), 0).rgb;
  }
  vec3 mean = sum / float((end.x - start.x) * (end.y - start.y));
  outColour = uLuma ? vec4(dot(mean, LUMA), 0.0, 0.0, 1.0) : vec4(mean, 1.0);
}
`;

/** One direction of the separable Gaussian, clamp-to-edge (cpu.ts `blurRows` / `blurColumns`). */
export const BLUR_SHADER = `${HEADER}
uniform sampler2D uInput;
uniform ivec2 uSize;
uniform ivec2 uStep;
uniform int uRadius;
uniform float uWeights[${MAX_BLUR_RADIUS + 1}];
out vec4 outColour;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec2 last = uSize - 1;
  vec4 sum = texelFetch(uInput, p, 0) * uWeights[0];
  for (int i = 1; i <= uRadius; i++) {
    vec4 before = texelFetch(uInput, clamp(p - uStep * i, ivec2(0), last), 0);
    vec4 after = texelFetch(uInput, clamp(p + uStep * i, ivec2(0), last), 0);
    sum += (before + after) * uWeights[i];
  }
  outColour = sum;
}
`;

/** The per-pixel steps 1-11 (cpu.ts `shadeStrip` and the functions it calls), in the same order. */
export const COLOUR_SHADER = `${HEADER}
${LUMA}
const int LUT_SIZE = ${LUT_SIZE};
const int FILTER_ROW = ${LUT_ROW_FILTER};
const int TONE_ROW = ${LUT_ROW_TONE};

uniform sampler2D uBase;
uniform sampler2D uLut;
uniform vec2 uSize;

uniform float uSharpenAmount;
uniform sampler2D uSharpen;
uniform float uSharpenK;
uniform ivec2 uSharpenCells;
uniform float uStructureAmount;
uniform sampler2D uStructure;
uniform float uStructureK;
uniform ivec2 uStructureCells;
uniform int uTiltMode;
uniform sampler2D uTilt;
uniform float uTiltK;
uniform ivec2 uTiltCells;
uniform vec2 uTiltCentre;
uniform vec2 uTiltNormal;
uniform float uTiltSize;
uniform float uTiltFeather;

uniform bool uFilter;
uniform float uFilterIntensity;
uniform mat3 uFilterMix;
uniform vec3 uFilterOffset;
uniform float uFilterSaturation;
uniform vec3 uFilterShadowTint;
uniform vec3 uFilterHighlightTint;
uniform float uFilterFade;
uniform float uFilterVignette;

uniform bool uTone;
uniform float uShadows;
uniform float uHighlights;
uniform vec3 uWarmth;
uniform float uSaturation;
uniform vec3 uShadowTint;
uniform vec3 uHighlightTint;
uniform float uFade;
uniform float uVignette;

out vec4 outColour;

// curves.ts lookupLut / cpu.ts readTable: linear interpolation between entries, read with texelFetch.
float lut(int row, int channel, float x) {
  float position = clamp(x, 0.0, 1.0) * float(LUT_SIZE - 1);
  int index = min(int(position), LUT_SIZE - 2);
  float low = texelFetch(uLut, ivec2(index, row), 0)[channel];
  float high = texelFetch(uLut, ivec2(index + 1, row), 0)[channel];
  return low + (high - low) * (position - float(index));
}

// cpu.ts axisTaps + selectRow + readLayer: bilinear at u = (p + 0.5) / k - 0.5, clamped to the cells.
vec4 upsample(sampler2D layer, float k, ivec2 cells, vec2 pixel) {
  vec2 u = clamp((pixel + 0.5) / k - 0.5, vec2(0.0), vec2(cells - 1));
  ivec2 i0 = ivec2(floor(u));
  ivec2 i1 = min(i0 + 1, cells - 1);
  vec2 w = u - vec2(i0);
  vec4 top = texelFetch(layer, i0, 0);
  vec4 bottom = texelFetch(layer, ivec2(i0.x, i1.y), 0);
  vec4 left = top + (bottom - top) * w.y;
  vec4 topRight = texelFetch(layer, ivec2(i1.x, i0.y), 0);
  vec4 bottomRight = texelFetch(layer, i1, 0);
  vec4 right = topRight + (bottomRight - topRight) * w.y;
  return left + (right - left) * w.x;
}

// cpu.ts tiltMask.
float tiltMask(vec2 point) {
  vec2 d = point - uTiltCentre;
  float distance = uTiltMode == 1 ? length(d) : abs(dot(d, uTiltNormal));
  return smoothstep(uTiltSize, uTiltSize + uTiltFeather, distance);
}

// cpu.ts centreDistance: 0 at the centre, 1 at the corners.
float centreDistance(vec2 pixel) {
  vec2 d = pixel + 0.5 - uSize * 0.5;
  return sqrt(dot(d, d) / (0.25 * dot(uSize, uSize)));
}

// cpu.ts vignetteFactor.
float vignette(float amount, float distance) {
  return 1.0 - amount * ${f(VIGNETTE_STRENGTH)} * smoothstep(${f(VIGNETTE_START)}, ${f(VIGNETTE_END)}, distance);
}

// cpu.ts applyAdjustments step 8 and applyFilter's saturation.
vec3 saturate(vec3 c, float factor) {
  float l = dot(c, LUMA);
  return l + (c - l) * factor;
}

// cpu.ts applyAdjustments step 9 and applyFilter's tints.
vec3 tints(vec3 c, vec3 shadow, vec3 highlight) {
  float l = clamp(dot(c, LUMA), 0.0, 1.0);
  return c + shadow * ((1.0 - l) * (1.0 - l)) + highlight * (l * l);
}

// cpu.ts applyAdjustments step 10 and applyFilter's fade.
vec3 fade(vec3 c, float amount) {
  float lift = ${f(FADE_LIFT)} * amount;
  return c * (1.0 - lift - ${f(FADE_DROP)} * amount) + lift;
}

// pipeline.ts shadowWeight / highlightWeight.
float shadowWeight(float l) {
  float x = clamp(l, 0.0, 1.0);
  return 6.75 * x * (1.0 - x) * (1.0 - x);
}
float highlightWeight(float l) {
  float x = clamp(l, 0.0, 1.0);
  return 6.75 * x * x * (1.0 - x);
}

// cpu.ts applyFilter: curves, mix, saturation, tints, fade, vignette, then mixed by intensity.
vec3 applyFilter(vec3 c, float distance) {
  vec3 curved = vec3(lut(FILTER_ROW, 0, c.r), lut(FILTER_ROW, 1, c.g), lut(FILTER_ROW, 2, c.b));
  vec3 filtered = uFilterMix * curved + uFilterOffset;
  filtered = saturate(filtered, uFilterSaturation);
  filtered = tints(filtered, uFilterShadowTint, uFilterHighlightTint);
  filtered = fade(filtered, uFilterFade);
  float v = uFilterVignette > 0.0 ? vignette(uFilterVignette, distance) : 1.0;
  return c + (filtered * v - c) * uFilterIntensity;
}

void main() {
  ivec2 texel = ivec2(gl_FragCoord.xy);
  vec2 pixel = vec2(texel);
  vec4 base = texelFetch(uBase, texel, 0);
  vec3 c = base.rgb;
  // Steps 1-3 (cpu.ts addLumaDetail, mixTiltShift, clampStrip).
  float l0 = dot(c, LUMA);
  if (uSharpenAmount != 0.0) c += uSharpenAmount * (l0 - upsample(uSharpen, uSharpenK, uSharpenCells, pixel).r);
  if (uStructureAmount != 0.0) {
    c += uStructureAmount * (l0 - upsample(uStructure, uStructureK, uStructureCells, pixel).r);
  }
  if (uTiltMode != 0) {
    float m = tiltMask(pixel + 0.5);
    c += (upsample(uTilt, uTiltK, uTiltCells, pixel).rgb - c) * m;
  }
  c = clamp(c, 0.0, 1.0);
  float distance = centreDistance(pixel);
  // Step 4 (cpu.ts applyFilter).
  if (uFilter) c = applyFilter(c, distance);
  // Steps 5-10 (cpu.ts applyAdjustments).
  if (uTone) c = vec3(lut(TONE_ROW, 0, c.r), lut(TONE_ROW, 0, c.g), lut(TONE_ROW, 0, c.b));
  float l = dot(c, LUMA);
  c += uShadows * shadowWeight(l) + uHighlights * highlightWeight(l);
  c *= uWarmth;
  c = saturate(c, uSaturation);
  c = tints(c, uShadowTint, uHighlightTint);
  c = fade(c, uFade);
  // Step 11 (cpu.ts applyVignette).
  if (uVignette > 0.0) c *= vignette(uVignette, distance);
  outColour = vec4(clamp(c, 0.0, 1.0), base.a);
}
`;
