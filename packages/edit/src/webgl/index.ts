import { type RasterImage, renderCpu } from '../cpu.js';
import { LUT_SIZE } from '../curves.js';
import { type AspectRange, POST_ASPECT, renderGeometry } from '../geometry.js';
import { type BlurPlan, LUT_ROWS, MAX_BLUR_RADIUS, type PackedRecipe, packRecipe } from '../pipeline.js';
import type { Recipe } from '../recipe.js';
import { BASE_SHADER, BLUR_SHADER, COLOUR_SHADER, DOWNSAMPLE_SHADER, VERTEX_SHADER } from './shaders.js';

/**
 * The browser's live preview: the same recipe as renderCpu, drawn by WebGL2 (kind 'webgl2') fast enough for
 * sliders at 60 Hz, or by renderCpu onto a 2D canvas where WebGL2 with float render targets is missing
 * (kind 'canvas2d'). The parity test holds the two renderers within a just-noticeable difference.
 */

export type PreviewSource = ImageBitmap | HTMLImageElement | HTMLCanvasElement | ImageData;

export interface PreviewRenderOptions {
  /** Allowed crop shapes; default POST_ASPECT (4:5 to 1.91:1), as on the server. */
  aspect?: AspectRange;
}

export interface PreviewRenderer {
  readonly kind: 'webgl2' | 'canvas2d';
  /** The oriented photo (at most about 2048 px on its long side); kept until the next call. */
  setSource(source: PreviewSource): void;
  /** Sizes the canvas to the output (outputWidth wide, the crop's shape) and draws the recipe. */
  render(
    recipe: Recipe,
    outputWidth: number,
    options?: PreviewRenderOptions,
  ): { width: number; height: number };
  /** RGBA of the last render, top row first. */
  readPixels(): Uint8Array;
  dispose(): void;
}

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

const CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
  // The canvas only receives a blit of the finished image: no depth, no multisampling (blits into a
  // multisampled default framebuffer are not allowed), and colours are not premultiplied.
  alpha: true,
  antialias: false,
  depth: false,
  stencil: false,
  premultipliedAlpha: false,
  preserveDrawingBuffer: true,
};

function sourceSize(source: PreviewSource): { width: number; height: number } {
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) {
    return { width: source.naturalWidth, height: source.naturalHeight };
  }
  return { width: source.width, height: source.height };
}

function scratchCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Whether this browser can run the WebGL2 path: probed on a scratch canvas so the real one stays free for 2D. */
function supportsWebGl2(): boolean {
  const context = scratchCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (!context) return false;
  const supported = context.getExtension('EXT_color_buffer_float') !== null;
  context.getExtension('WEBGL_lose_context')?.loseContext();
  return supported;
}

export function createPreviewRenderer(canvas: AnyCanvas): PreviewRenderer {
  if (supportsWebGl2()) {
    const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES) as WebGL2RenderingContext | null;
    if (gl?.getExtension('EXT_color_buffer_float')) return new WebGlRenderer(canvas, gl);
  }
  return new CanvasRenderer(canvas);
}

// ---------------------------------------------------------------------------------------------------------
// Canvas 2D fallback: renderCpu, put on the canvas.

function isImageData(source: PreviewSource): source is ImageData {
  return typeof ImageData !== 'undefined' && source instanceof ImageData;
}

function toRaster(source: PreviewSource): RasterImage {
  if (isImageData(source)) {
    return { data: source.data, width: source.width, height: source.height, channels: 4 };
  }
  return drawnPixels(source);
}

/** Reads a drawable source's pixels through a scratch 2D canvas. */
function drawnPixels(source: Exclude<PreviewSource, ImageData>): RasterImage {
  const { width, height } = sourceSize(source);
  const context = scratchCanvas(width, height).getContext('2d') as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null;
  if (!context) throw new Error('No 2D canvas is available to read the photo.');
  context.drawImage(source, 0, 0);
  return { data: context.getImageData(0, 0, width, height).data, width, height, channels: 4 };
}

class CanvasRenderer implements PreviewRenderer {
  readonly kind = 'canvas2d';
  private source: RasterImage | null = null;
  private last = new Uint8Array(0);
  private readonly context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

  constructor(private readonly canvas: AnyCanvas) {
    const context = canvas.getContext('2d') as
      | CanvasRenderingContext2D
      | OffscreenCanvasRenderingContext2D
      | null;
    if (!context) throw new Error('This browser can draw neither WebGL2 nor a 2D canvas.');
    this.context = context;
  }

  setSource(source: PreviewSource): void {
    this.source = toRaster(source);
  }

  render(
    recipe: Recipe,
    outputWidth: number,
    options: PreviewRenderOptions = {},
  ): { width: number; height: number } {
    if (!this.source) throw new Error('Call setSource before render.');
    const out = renderCpu(this.source, recipe, { outputWidth, aspect: options.aspect ?? POST_ASPECT });
    const pixels = new Uint8ClampedArray(out.data);
    if (this.canvas.width !== out.width) this.canvas.width = out.width;
    if (this.canvas.height !== out.height) this.canvas.height = out.height;
    this.context.putImageData(new ImageData(pixels, out.width, out.height), 0, 0);
    this.last = new Uint8Array(pixels);
    return { width: out.width, height: out.height };
  }

  readPixels(): Uint8Array {
    return this.last.slice();
  }

  dispose(): void {
    this.source = null;
    this.last = new Uint8Array(0);
  }
}

// ---------------------------------------------------------------------------------------------------------
// WebGL2.

interface Program {
  program: WebGLProgram;
  uniforms: Map<string, WebGLUniformLocation | null>;
}

interface Target {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
  width: number;
  height: number;
}

type TargetFormat = 'rgba8' | 'rgba32f';

/** Texture units of the colour pass. */
const UNIT = { base: 0, lut: 1, sharpen: 2, structure: 3, tilt: 4 } as const;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('Could not create a shader.');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`Shader did not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  }
  return shader;
}

function link(gl: WebGL2RenderingContext, vertex: WebGLShader, fragmentSource: string): Program {
  const program = gl.createProgram();
  const fragment = compile(gl, gl.FRAGMENT_SHADER, fragmentSource);
  gl.attachShader(program, vertex);
  gl.attachShader(program, fragment);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`Shader program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
  }
  gl.deleteShader(fragment);
  return { program, uniforms: new Map() };
}

function setTextureParameters(gl: WebGL2RenderingContext, filter: number): void {
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

/** Which detail layers a render uses, by name, with their plans. */
type LayerName = 'sharpen' | 'structure' | 'tilt';

class WebGlRenderer implements PreviewRenderer {
  readonly kind = 'webgl2';
  private readonly vertex: WebGLShader;
  private readonly programs: Record<'base' | 'downsample' | 'blur' | 'colour', Program>;
  private readonly vao: WebGLVertexArrayObject;
  private readonly targets = new Map<string, Target>();
  private readonly lutTexture: WebGLTexture;
  private readonly emptyTexture: WebGLTexture;
  private source: { texture: WebGLTexture; width: number; height: number } | null = null;
  private output = { width: 0, height: 0 };
  private lastLut: Float32Array | null = null;
  private readonly weights = new Float32Array(MAX_BLUR_RADIUS + 1);

  constructor(
    private readonly canvas: AnyCanvas,
    private readonly gl: WebGL2RenderingContext,
  ) {
    this.vertex = compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
    this.programs = {
      base: link(gl, this.vertex, BASE_SHADER),
      downsample: link(gl, this.vertex, DOWNSAMPLE_SHADER),
      blur: link(gl, this.vertex, BLUR_SHADER),
      colour: link(gl, this.vertex, COLOUR_SHADER),
    };
    this.vao = gl.createVertexArray();
    this.lutTexture = this.createTexture(gl.NEAREST);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, LUT_SIZE, LUT_ROWS, 0, gl.RGBA, gl.FLOAT, null);
    // Bound to the units of layers a render does not use, so no unit ever points at the render target.
    this.emptyTexture = this.createTexture(gl.NEAREST);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, 1, 1, 0, gl.RGBA, gl.FLOAT, new Float32Array(4));
  }

  setSource(source: PreviewSource): void {
    const gl = this.gl;
    if (!this.source) {
      this.source = { texture: this.createTexture(gl.LINEAR), width: 0, height: 0 };
    }
    gl.bindTexture(gl.TEXTURE_2D, this.source.texture);
    // Raw pixels, as the server decodes them: no flip, no premultiplication, no colour conversion.
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, source);
    const size = sourceSize(source);
    this.source.width = size.width;
    this.source.height = size.height;
  }

  render(
    recipe: Recipe,
    outputWidth: number,
    options: PreviewRenderOptions = {},
  ): { width: number; height: number } {
    if (!this.source) throw new Error('Call setSource before render.');
    const geometry = renderGeometry(
      this.source.width,
      this.source.height,
      recipe.geometry,
      options.aspect ?? POST_ASPECT,
      outputWidth,
    );
    const { width, height } = geometry;
    const packed = packRecipe(recipe, width, height);
    const gl = this.gl;
    gl.bindVertexArray(this.vao);
    gl.disable(gl.BLEND);

    const base = this.target('base', width, height, 'rgba8');
    this.drawBase(base, geometry.transform);
    const layers = {
      sharpen: packed.sharpen ? this.drawLayer('sharpen', base, packed.sharpen.plan, true) : null,
      structure: packed.structure ? this.drawLayer('structure', base, packed.structure.plan, true) : null,
      tilt: packed.tiltShift ? this.drawLayer('tilt', base, packed.tiltShift.plan, false) : null,
    };
    const out = this.target('out', width, height, 'rgba8');
    this.drawColour(out, base, layers, packed);
    this.present(out);
    this.output = { width, height };
    return { width, height };
  }

  readPixels(): Uint8Array {
    const { width, height } = this.output;
    const pixels = new Uint8Array(width * height * 4);
    const out = this.targets.get('out');
    if (!out || width === 0) return pixels;
    const gl = this.gl;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, out.framebuffer);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
    return pixels;
  }

  dispose(): void {
    const gl = this.gl;
    for (const target of this.targets.values()) {
      gl.deleteFramebuffer(target.framebuffer);
      gl.deleteTexture(target.texture);
    }
    this.targets.clear();
    if (this.source) gl.deleteTexture(this.source.texture);
    this.source = null;
    gl.deleteTexture(this.lutTexture);
    gl.deleteTexture(this.emptyTexture);
    for (const { program } of Object.values(this.programs)) gl.deleteProgram(program);
    gl.deleteShader(this.vertex);
    gl.deleteVertexArray(this.vao);
  }

  // --- passes ---

  /** Geometry: source -> base at the output size (cpu.ts `resample`). */
  private drawBase(
    base: Target,
    t: { a: number; b: number; c: number; d: number; e: number; f: number },
  ): void {
    const gl = this.gl;
    const source = this.source!;
    this.use('base', base);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, source.texture);
    gl.uniform1i(this.uniform('base', 'uSource'), 0);
    gl.uniform2f(this.uniform('base', 'uSourceSize'), source.width, source.height);
    gl.uniform3f(this.uniform('base', 'uRowX'), t.a, t.b, t.c);
    gl.uniform3f(this.uniform('base', 'uRowY'), t.d, t.e, t.f);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** A detail layer: downsample, horizontal blur, vertical blur (cpu.ts `buildLayer`). */
  private drawLayer(name: LayerName, base: Target, plan: BlurPlan, luma: boolean): Target {
    const gl = this.gl;
    const layer = this.target(name, plan.cellsWide, plan.cellsHigh, 'rgba32f');
    const temp = this.target(`${name}-temp`, plan.cellsWide, plan.cellsHigh, 'rgba32f');

    this.use('downsample', layer);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, base.texture);
    gl.uniform1i(this.uniform('downsample', 'uBase'), 0);
    gl.uniform2i(this.uniform('downsample', 'uBaseSize'), base.width, base.height);
    gl.uniform1i(this.uniform('downsample', 'uK'), plan.k);
    gl.uniform1i(this.uniform('downsample', 'uLuma'), luma ? 1 : 0);
    gl.drawArrays(gl.TRIANGLES, 0, 3);

    this.weights.fill(0);
    this.weights.set(plan.weights);
    this.blurPass(layer, temp, plan, 1, 0);
    this.blurPass(temp, layer, plan, 0, 1);
    return layer;
  }

  private blurPass(input: Target, output: Target, plan: BlurPlan, stepX: number, stepY: number): void {
    const gl = this.gl;
    this.use('blur', output);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, input.texture);
    gl.uniform1i(this.uniform('blur', 'uInput'), 0);
    gl.uniform2i(this.uniform('blur', 'uSize'), plan.cellsWide, plan.cellsHigh);
    gl.uniform2i(this.uniform('blur', 'uStep'), stepX, stepY);
    gl.uniform1i(this.uniform('blur', 'uRadius'), plan.radius);
    gl.uniform1fv(this.uniform('blur', 'uWeights[0]'), this.weights);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** Steps 1-11 (cpu.ts `shade`). */
  private drawColour(
    out: Target,
    base: Target,
    layers: Record<LayerName, Target | null>,
    p: PackedRecipe,
  ): void {
    const gl = this.gl;
    this.use('colour', out);
    this.bindUnit(UNIT.base, base.texture, 'uBase');
    this.uploadLut(p.lut);
    this.bindUnit(UNIT.lut, this.lutTexture, 'uLut');
    const set1f = (name: string, value: number) => gl.uniform1f(this.uniform('colour', name), value);
    const set3f = (name: string, v: ArrayLike<number>) =>
      gl.uniform3f(this.uniform('colour', name), v[0] ?? 0, v[1] ?? 0, v[2] ?? 0);
    gl.uniform2f(this.uniform('colour', 'uSize'), p.width, p.height);

    this.bindLayer('Sharpen', UNIT.sharpen, layers.sharpen, p.sharpen?.plan);
    set1f('uSharpenAmount', p.sharpen?.amount ?? 0);
    this.bindLayer('Structure', UNIT.structure, layers.structure, p.structure?.plan);
    set1f('uStructureAmount', p.structure?.amount ?? 0);
    this.bindLayer('Tilt', UNIT.tilt, layers.tilt, p.tiltShift?.plan);
    const tilt = p.tiltShift;
    gl.uniform1i(this.uniform('colour', 'uTiltMode'), tilt?.mode ?? 0);
    gl.uniform2f(this.uniform('colour', 'uTiltCentre'), tilt?.centreX ?? 0, tilt?.centreY ?? 0);
    gl.uniform2f(this.uniform('colour', 'uTiltNormal'), tilt?.normalX ?? 0, tilt?.normalY ?? 1);
    set1f('uTiltSize', tilt?.size ?? 0);
    set1f('uTiltFeather', tilt?.feather ?? 1);

    const filter = p.filter;
    gl.uniform1i(this.uniform('colour', 'uFilter'), filter ? 1 : 0);
    if (filter) {
      const m = filter.mix;
      // GLSL matrices are column-major; mix is row-major, so transpose while uploading.
      gl.uniformMatrix3fv(this.uniform('colour', 'uFilterMix'), true, m.subarray(0, 9));
      set3f('uFilterOffset', m.subarray(9, 12));
      set1f('uFilterIntensity', filter.intensity);
      set1f('uFilterSaturation', filter.saturation);
      set3f('uFilterShadowTint', filter.shadowTint);
      set3f('uFilterHighlightTint', filter.highlightTint);
      set1f('uFilterFade', filter.fade);
      set1f('uFilterVignette', filter.vignette);
    }

    gl.uniform1i(this.uniform('colour', 'uTone'), p.tone ? 1 : 0);
    set1f('uShadows', p.shadows);
    set1f('uHighlights', p.highlights);
    set3f('uWarmth', p.warmth);
    set1f('uSaturation', p.saturation);
    set3f('uShadowTint', p.shadowTint);
    set3f('uHighlightTint', p.highlightTint);
    set1f('uFade', p.fade);
    set1f('uVignette', p.vignette);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** Shows the result on the canvas: a blit that flips rows, since the canvas counts rows from the bottom. */
  private present(out: Target): void {
    const gl = this.gl;
    if (this.canvas.width !== out.width) this.canvas.width = out.width;
    if (this.canvas.height !== out.height) this.canvas.height = out.height;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, out.framebuffer);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    gl.blitFramebuffer(
      0,
      0,
      out.width,
      out.height,
      0,
      out.height,
      out.width,
      0,
      gl.COLOR_BUFFER_BIT,
      gl.NEAREST,
    );
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
  }

  // --- resources ---

  private createTexture(filter: number): WebGLTexture {
    const gl = this.gl;
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    setTextureParameters(gl, filter);
    return texture;
  }

  /** A render target, reused between renders and reallocated only when its size changes. */
  private target(name: string, width: number, height: number, format: TargetFormat): Target {
    const gl = this.gl;
    const existing = this.targets.get(name);
    if (existing && existing.width === width && existing.height === height) return existing;
    const texture = existing?.texture ?? this.createTexture(gl.NEAREST);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    if (format === 'rgba8')
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    else gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, width, height, 0, gl.RGBA, gl.FLOAT, null);
    const framebuffer = existing?.framebuffer ?? gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
    if (status !== gl.FRAMEBUFFER_COMPLETE)
      throw new Error(`Render target ${name} is incomplete (${status}).`);
    const target = { texture, framebuffer, width, height };
    this.targets.set(name, target);
    return target;
  }

  private use(name: keyof WebGlRenderer['programs'], output: Target): void {
    const gl = this.gl;
    // Unbind every texture unit the passes use first: a texture must never be read while it is the target.
    for (const unit of Object.values(UNIT)) {
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, this.emptyTexture);
    }
    gl.useProgram(this.programs[name].program);
    gl.bindFramebuffer(gl.FRAMEBUFFER, output.framebuffer);
    gl.viewport(0, 0, output.width, output.height);
  }

  private uniform(program: keyof WebGlRenderer['programs'], name: string): WebGLUniformLocation | null {
    const { uniforms, program: handle } = this.programs[program];
    if (!uniforms.has(name)) uniforms.set(name, this.gl.getUniformLocation(handle, name));
    return uniforms.get(name) ?? null;
  }

  private bindUnit(unit: number, texture: WebGLTexture, uniform: string): void {
    const gl = this.gl;
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.uniform1i(this.uniform('colour', uniform), unit);
  }

  private bindLayer(suffix: string, unit: number, layer: Target | null, plan: BlurPlan | undefined): void {
    const gl = this.gl;
    this.bindUnit(unit, layer?.texture ?? this.emptyTexture, `u${suffix}`);
    gl.uniform1f(this.uniform('colour', `u${suffix}K`), plan?.k ?? 1);
    gl.uniform2i(this.uniform('colour', `u${suffix}Cells`), plan?.cellsWide ?? 1, plan?.cellsHigh ?? 1);
  }

  /** Uploads the lookup table only when it changed (sliders mostly move other values). */
  private uploadLut(lut: Float32Array): void {
    const previous = this.lastLut;
    if (previous && previous.length === lut.length && previous.every((value, i) => value === lut[i])) return;
    const gl = this.gl;
    gl.activeTexture(gl.TEXTURE0 + UNIT.lut);
    gl.bindTexture(gl.TEXTURE_2D, this.lutTexture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, LUT_SIZE, LUT_ROWS, gl.RGBA, gl.FLOAT, lut);
    this.lastLut = lut;
  }
}
