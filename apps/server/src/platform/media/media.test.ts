import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDENTITY_RECIPE } from '@glimpse/edit';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio, thumbHashToRGBA } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { pngPixelBomb } from '../../../test/support/corpus';
import {
  AVATAR_ASPECT,
  generateDemoAvatar,
  generateDemoPhoto,
  inspectImage,
  MAX_UPLOAD_BYTES,
  MediaError,
  type MediaErrorCode,
  POST_ASPECT,
  type RenderedImage,
  renderImage,
  validateCrop,
} from './index.js';
import { variantWidths } from './render.js';
import { sniffImageFormat } from './sniff.js';

// The hostile corpus is generated here with sharp and by hand; the one committed file is a real
// HEVC HEIC, which nothing installed can encode (see test/fixtures/heic/make-fixture.py).
const HEIC_FIXTURE = readFileSync(
  fileURLToPath(new URL('../../../test/fixtures/heic/rotated-exif6.heic', import.meta.url)),
);

type Colour = readonly [number, number, number];
const RED: Colour = [220, 30, 30];
const BLUE: Colour = [30, 60, 220];

/** Two flat halves: 'sides' puts `first` on the left, 'stacked' on top. Orientation and crops show in it. */
function twoTone(width: number, height: number, layout: 'sides' | 'stacked', first = RED, second = BLUE) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = (layout === 'sides' ? x < width / 2 : y < height / 2) ? first : second;
      data.set(colour, (y * width + x) * 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

async function expectMediaError(promise: Promise<unknown>, code: MediaErrorCode): Promise<MediaError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
  return error as MediaError;
}

async function pixelAt(image: Buffer, x: number, y: number): Promise<Colour> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [data[offset] ?? -1, data[offset + 1] ?? -1, data[offset + 2] ?? -1];
}

function expectNear(actual: Colour, expected: Colour, tolerance = 40): void {
  for (const [i, channel] of actual.entries()) {
    expect(Math.abs(channel - (expected[i] ?? 0))).toBeLessThanOrEqual(tolerance);
  }
}

function allVariantsOf(rendered: RenderedImage) {
  return rendered.variants.map((v) => `${v.format}:${v.width}x${v.height}`);
}

describe('inspectImage refuses before decoding', () => {
  it('refuses empty input', async () => {
    await expectMediaError(inspectImage(Buffer.alloc(0)), 'empty');
  });

  it('refuses more than 50 MB without looking at the content', async () => {
    await expectMediaError(inspectImage(Buffer.alloc(MAX_UPLOAD_BYTES + 1)), 'too_large');
  });

  it.each([
    [
      'SVG',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    ],
    ['bare SVG', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'],
    ['HTML', '<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'],
    ['XML', '<?xml version="1.0"?><root/>'],
    ['PDF', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'],
    ['BMP', `BM${'\0'.repeat(60)}`],
    ['text', 'just some words, nothing to see'],
    ['MP4 video', `\0\0\0\x18ftypmp42\0\0\0\0mp42isom${'\0'.repeat(32)}`],
  ])('refuses %s as unsupported_type, naming the accepted types', async (_label, content) => {
    const error = await expectMediaError(inspectImage(Buffer.from(content, 'latin1')), 'unsupported_type');
    expect(error.message).toContain('JPEG, PNG, WebP, AVIF, HEIC or GIF');
  });

  it('refuses TIFF, which libvips could read', async () => {
    const tiff = await twoTone(20, 20, 'sides').tiff().toBuffer();
    await expectMediaError(inspectImage(tiff), 'unsupported_type');
  });

  it('refuses random bytes', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    bytes[0] = 0x42; // no accepted signature starts with 'B'
    await expectMediaError(inspectImage(bytes), 'unsupported_type');
  });

  it('refuses a polyglot that opens as HTML and carries a JPEG after it', async () => {
    const jpeg = await twoTone(40, 40, 'sides').jpeg().toBuffer();
    const polyglot = Buffer.concat([Buffer.from('<html><script>alert(document.cookie)</script>'), jpeg]);
    await expectMediaError(inspectImage(polyglot), 'unsupported_type');
  });

  it('refuses a GIF header followed by script as corrupt', async () => {
    const polyglot = Buffer.from('GIF89a/*\x01\x01\x00\x00*/=1;alert(document.cookie);//', 'latin1');
    await expectMediaError(inspectImage(polyglot), 'corrupt');
  });

  it('serves no trace of a script appended to a valid image', async () => {
    // Trailing bytes after the image end are legal (cameras append gain maps and videos), so the
    // file is accepted; what is served is re-encoded from pixels and the original stays private.
    const png = await twoTone(300, 300, 'sides').png().toBuffer();
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(document.cookie)</script>')]);
    await expect(inspectImage(polyglot)).resolves.toMatchObject({ format: 'png' });
    const rendered = await renderImage(polyglot, { mode: 'post' });
    for (const variant of rendered.variants) expect(variant.data.includes('<script>')).toBe(false);
  });

  it('refuses a PNG pixel bomb from its header, without allocating its pixels', async () => {
    const bomb = pngPixelBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const error = await expectMediaError(inspectImage(bomb), 'too_many_pixels');
    expect(error.message).toContain('20000×20000');
    // Decoding would need at least 400 MB; a header read needs next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a JPEG whose header claims 60000×60000', async () => {
    const jpeg = Buffer.from(await twoTone(64, 64, 'sides').jpeg().toBuffer());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    jpeg.writeUInt16BE(60_000, sof + 5); // height
    jpeg.writeUInt16BE(60_000, sof + 7); // width
    await expectMediaError(inspectImage(jpeg), 'too_many_pixels');
  });
});

describe('inspectImage verifies the file decodes', () => {
  it('refuses a JPEG cut in half', async () => {
    const jpeg = await generateDemoPhoto(1, 800, 600);
    await expectMediaError(inspectImage(jpeg.subarray(0, jpeg.length >> 1)), 'corrupt');
  });

  it.each(['png', 'webp', 'avif', 'gif'] as const)('refuses a truncated %s', async (format) => {
    const image = await sharp(await generateDemoPhoto(2, 400, 300))
      .toFormat(format)
      .toBuffer();
    await expectMediaError(inspectImage(image.subarray(0, Math.floor(image.length * 0.6))), 'corrupt');
  });

  it('refuses a truncated HEIC', async () => {
    await expectMediaError(inspectImage(HEIC_FIXTURE.subarray(0, HEIC_FIXTURE.length - 100)), 'corrupt');
  });
});

describe('inspectImage accepts what it should, by content alone', () => {
  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['gif', 'image/gif'],
    ['jpeg', 'image/jpeg'],
  ] as const)('accepts %s with its dimensions', async (format, mimeType) => {
    const image = await twoTone(300, 200, 'sides').toFormat(format).toBuffer();
    await expect(inspectImage(image)).resolves.toEqual({ format, width: 300, height: 200, mimeType });
  });

  it('reads an animated GIF as its first frame', async () => {
    const [width, height] = [30, 20];
    const frames = Buffer.concat(
      [RED, [0, 200, 0], BLUE].map((c) => Buffer.alloc(width * height * 3, Buffer.from(c))),
    );
    const gif = await sharp(frames, { raw: { width, height: height * 3, channels: 3, pageHeight: height } })
      .gif({ delay: [100, 100, 100] })
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(3);
    await expect(inspectImage(gif)).resolves.toMatchObject({ format: 'gif', width, height });
    const rendered = await renderImage(gif, { mode: 'post' });
    expect(allVariantsOf(rendered)).toEqual(['avif:30x20', 'webp:30x20', 'jpeg:30x20']);
    const jpeg = rendered.variants.find((v) => v.format === 'jpeg');
    expectNear(await pixelAt(jpeg?.data ?? Buffer.alloc(0), 12, 10), RED, 60);
  });

  it('reports dimensions after EXIF orientation', async () => {
    const jpeg = await twoTone(600, 400, 'sides').withMetadata({ orientation: 6 }).jpeg().toBuffer();
    await expect(inspectImage(jpeg)).resolves.toMatchObject({ format: 'jpeg', width: 400, height: 600 });
  });

  it('reads a real HEVC HEIC, with its rotation applied and the EXIF orientation ignored', async () => {
    await expect(inspectImage(HEIC_FIXTURE)).resolves.toEqual({
      format: 'heic',
      width: 64,
      height: 96,
      mimeType: 'image/heic',
    });
  });

  it('reads a HEIC whose major brand heic-decode does not list', async () => {
    const heim = Buffer.from(HEIC_FIXTURE);
    heim.write('heim', 8, 'latin1');
    await expect(inspectImage(heim)).resolves.toMatchObject({ format: 'heic', width: 64, height: 96 });
  });

  it('tells AVIF from HEIC by the ftyp brands', () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const box = Buffer.alloc(16 + compatible.length * 4);
      box.writeUInt32BE(box.length, 0);
      box.write(`ftyp${major}`, 4, 'latin1');
      for (const [i, brand] of compatible.entries()) box.write(brand, 16 + i * 4, 'latin1');
      return Buffer.concat([box, Buffer.alloc(16)]);
    };
    expect(sniffImageFormat(ftyp('avif', 'mif1'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'miaf', 'avif'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'heic'))).toBe('heic');
    expect(sniffImageFormat(ftyp('heix', 'mif1'))).toBe('heic');
    expect(sniffImageFormat(ftyp('hevc'))).toBe('heic');
    expect(sniffImageFormat(ftyp('isom', 'mif1'))).toBeNull();
  });
});

describe('validateCrop', () => {
  it('converts a valid crop to pixels', () => {
    expect(validateCrop({ x: 0.125, y: 0, width: 0.75, height: 1 }, 4000, 3000, POST_ASPECT)).toEqual({
      ok: true,
      box: { left: 500, top: 0, width: 3000, height: 3000 },
    });
  });

  it.each([
    [{ x: 0, y: 0, width: 0, height: 1 }, 'must not be empty'],
    [{ x: 0.5, y: 0, width: 0.6, height: 1 }, 'inside the photo'],
    [{ x: -0.1, y: 0, width: 0.5, height: 1 }, 'inside the photo'],
    [{ x: 0, y: 0, width: Number.NaN, height: 1 }, 'numbers'],
    [{ x: 0, y: 0, width: 0.3, height: 1 }, 'too tall: the tallest allowed shape is 4:5'],
    [{ x: 0, y: 0, width: 1, height: 0.3 }, 'too wide: the widest allowed shape is 1.91:1'],
    [{ x: 0, y: 0, width: 0.0001, height: 0.0001 }, 'smaller than one pixel'],
  ])('refuses %j for a post', (crop, message) => {
    const checked = validateCrop(crop, 3000, 3000, POST_ASPECT);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(message);
  });

  it('wants avatars square, forgiving rounding and snapping to exact squares', () => {
    const refused = validateCrop({ x: 0, y: 0, width: 1, height: 1 }, 4000, 3000, AVATAR_ASPECT);
    expect(refused).toEqual({ ok: false, message: 'The crop must be square.' });
    const nearlySquare = validateCrop({ x: 0.1, y: 0, width: 0.7503, height: 1 }, 4000, 3000, AVATAR_ASPECT);
    expect(nearlySquare.ok && nearlySquare.box.width === nearlySquare.box.height).toBe(true);
  });

  it('refuses a bad crop in renderImage with invalid_crop', async () => {
    const jpeg = await twoTone(400, 400, 'sides').jpeg().toBuffer();
    const crop = { x: 0, y: 0, width: 1, height: 0.5 };
    const error = await expectMediaError(renderImage(jpeg, { mode: 'avatar', crop }), 'invalid_crop');
    expect(error.message).toBe('The crop must be square.');
  });

  it('refuses an edit recipe whose crop shape the post does not allow, permanently (invalid_crop)', async () => {
    const jpeg = await twoTone(400, 400, 'sides').jpeg().toBuffer();
    const recipe = {
      ...IDENTITY_RECIPE,
      geometry: { rotate: 0 as const, straighten: 5, crop: { x: 0, y: 0, width: 0.2, height: 1 } },
    };
    await expectMediaError(renderImage(jpeg, { mode: 'post', recipe }), 'invalid_crop');
  });
});

describe('renderImage with an edit recipe', () => {
  it('renders a non-identity recipe through it, and an identity recipe like its crop alone', async () => {
    const jpeg = await twoTone(400, 300, 'sides').jpeg({ quality: 95 }).toBuffer();
    const grey = await renderImage(jpeg, {
      mode: 'post',
      recipe: { ...IDENTITY_RECIPE, adjust: { ...IDENTITY_RECIPE.adjust, saturation: -1 } },
    });
    expect(grey).toMatchObject({ width: 400, height: 300 });
    const { channels } = await sharp(grey.variants.find((v) => v.format === 'jpeg')!.data).stats();
    expect(Math.abs(channels[0]!.mean - channels[2]!.mean)).toBeLessThan(3);
    const crop = { x: 0, y: 0, width: 0.5, height: 0.5 };
    const identity = await renderImage(jpeg, {
      mode: 'post',
      recipe: { ...IDENTITY_RECIPE, geometry: { ...IDENTITY_RECIPE.geometry, crop } },
    });
    const plain = await renderImage(jpeg, { mode: 'post', crop });
    expect(identity.thumbhash).toBe(plain.thumbhash);
    expect(identity).toMatchObject({ width: 200, height: 150 });
  });

  it('turns the photo a quarter and keeps the placeholder and sizes coming from the rendered master', async () => {
    const jpeg = await twoTone(800, 600, 'sides').jpeg().toBuffer();
    const rendered = await renderImage(jpeg, {
      mode: 'post',
      recipe: { ...IDENTITY_RECIPE, geometry: { rotate: 90, straighten: 0, crop: null } },
    });
    expect(rendered).toMatchObject({ width: 600, height: 750 });
    // ThumbHash keeps the shape only roughly: portrait, not the 4:3 of the original.
    expect(thumbHashToApproximateAspectRatio(Buffer.from(rendered.thumbhash, 'base64'))).toBeLessThan(0.9);
    expect(allVariantsOf(rendered)).toContain('jpeg:320x400');
  });

  it('returns a JPEG rendition of a HEIC original when asked, upright, and none for a JPEG', async () => {
    const heic = await renderImage(HEIC_FIXTURE, { mode: 'post', viewableOriginal: true });
    expect(heic.viewableOriginal).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 96 });
    const meta = await sharp(heic.viewableOriginal!.data).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'jpeg',
      width: 64,
      height: 96,
    });
    const jpeg = await twoTone(100, 100, 'sides').jpeg().toBuffer();
    expect(
      (await renderImage(jpeg, { mode: 'post', viewableOriginal: true })).viewableOriginal,
    ).toBeUndefined();
  });
});

describe('renderImage', () => {
  it('produces every width in AVIF, WebP and progressive JPEG, largest first', async () => {
    const rendered = await renderImage(await generateDemoPhoto(3, 2000, 1500), { mode: 'post' });
    expect(allVariantsOf(rendered)).toEqual([
      'avif:1080x810',
      'webp:1080x810',
      'jpeg:1080x810',
      'avif:640x480',
      'webp:640x480',
      'jpeg:640x480',
      'avif:320x240',
      'webp:320x240',
      'jpeg:320x240',
    ]);
    expect({ width: rendered.width, height: rendered.height }).toEqual({ width: 1080, height: 810 });
    for (const variant of rendered.variants) {
      const metadata = await sharp(variant.data).metadata();
      expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
      expect(metadata.mediaType ?? variant.mimeType).toBe(variant.mimeType);
      expect({ width: metadata.width, height: metadata.height }).toEqual({
        width: variant.width,
        height: variant.height,
      });
      if (variant.format === 'jpeg') expect(metadata.isProgressive).toBe(true);
    }
  });

  it('renders avatars square at 320 and 150', async () => {
    const rendered = await renderImage(await generateDemoPhoto(4, 1200, 900), { mode: 'avatar' });
    expect(new Set(allVariantsOf(rendered).map((v) => v.split(':')[1]))).toEqual(
      new Set(['320x320', '150x150']),
    );
  });

  it('never upscales, and keeps a narrow crop at its own width', async () => {
    expect(variantWidths(4000, [1080, 640, 320])).toEqual([1080, 640, 320]);
    expect(variantWidths(900, [1080, 640, 320])).toEqual([900, 640, 320]);
    expect(variantWidths(200, [1080, 640, 320])).toEqual([200]);
    const rendered = await renderImage(await twoTone(200, 200, 'sides').png().toBuffer(), { mode: 'post' });
    expect(new Set(rendered.variants.map((v) => v.width))).toEqual(new Set([200]));
  });

  it('applies the crop in the oriented image', async () => {
    const jpeg = await twoTone(800, 400, 'sides').jpeg({ quality: 95 }).toBuffer();
    const rightHalf = { x: 0.5, y: 0, width: 0.5, height: 1 };
    const rendered = await renderImage(jpeg, { mode: 'post', crop: rightHalf });
    const variant = rendered.variants.find((v) => v.format === 'jpeg');
    expect(variant).toMatchObject({ width: 400, height: 400 });
    expectNear(await pixelAt(variant?.data ?? Buffer.alloc(0), 5, 200), BLUE);
  });

  it('rotates by EXIF and strips EXIF, GPS, XMP and ICC from every variant', async () => {
    const original = await twoTone(600, 400, 'sides')
      .withExif({
        IFD0: { Make: 'GlimpseTestCam' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 1234/100', GPSMapDatum: 'WGS-84' },
      })
      .withMetadata({ orientation: 6 })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><secret>XMP-SECRET</secret></x:xmpmeta>')
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    const input = await sharp(original).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif?.includes('WGS-84')).toBe(true); // the GPS IFD really is there
    expect(input.xmp?.includes('XMP-SECRET')).toBe(true);

    const rendered = await renderImage(original, { mode: 'post' });
    // Displayed 400×600 is taller than 4:5, so the default crop is the centred 400×500.
    expect(rendered).toMatchObject({ width: 400, height: 500 });
    for (const variant of rendered.variants) {
      const metadata = await sharp(variant.data).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      for (const secret of ['GlimpseTestCam', 'WGS-84', 'XMP-SECRET'])
        expect(variant.data.includes(secret)).toBe(false);
    }
    // Orientation 6 turns the stored left half (red) to the top.
    const jpeg = rendered.variants.find((v) => v.format === 'jpeg')?.data ?? Buffer.alloc(0);
    expectNear(await pixelAt(jpeg, 200, 20), RED);
    expectNear(await pixelAt(jpeg, 200, 480), BLUE);
  });

  it('renders a real HEVC HEIC with its rotation, and without its EXIF', async () => {
    const rendered = await renderImage(HEIC_FIXTURE, { mode: 'post' });
    expect(rendered).toMatchObject({ width: 64, height: 80 });
    const jpeg = rendered.variants.find((v) => v.format === 'jpeg')?.data ?? Buffer.alloc(0);
    expect((await sharp(jpeg).metadata()).exif).toBeUndefined();
    const top = await pixelAt(jpeg, 32, 4);
    const bottom = await pixelAt(jpeg, 32, 76);
    expect(top[0]).toBeGreaterThan(180); // orange
    expect(top[2]).toBeLessThan(100);
    expect(bottom[2]).toBeGreaterThan(180); // blue
    expect(bottom[0]).toBeLessThan(100);
  });

  it('flattens transparency onto white and reads CMYK, 16-bit and greyscale input as sRGB', async () => {
    const transparent = await sharp({
      create: { width: 100, height: 100, channels: 4, background: '#00000000' },
    })
      .png()
      .toBuffer();
    const white = await renderImage(transparent, { mode: 'post' });
    expectNear(
      await pixelAt(white.variants.find((v) => v.format === 'jpeg')?.data ?? Buffer.alloc(0), 50, 50),
      [255, 255, 255],
      5,
    );
    const inputs = [
      await twoTone(100, 100, 'sides').toColourspace('cmyk').jpeg().toBuffer(),
      await twoTone(100, 100, 'sides').toColourspace('rgb16').png().toBuffer(),
      await twoTone(100, 100, 'sides').greyscale().png().toBuffer(),
    ];
    for (const input of inputs) {
      const rendered = await renderImage(input, { mode: 'post' });
      for (const variant of rendered.variants) {
        const metadata = await sharp(variant.data).metadata();
        expect(metadata.space).toBe('srgb');
        expect(metadata.depth).toBe('uchar');
      }
    }
  });

  it('computes a ThumbHash that decodes and a dominant colour', async () => {
    const mostlyGreen = await twoTone(500, 400, 'stacked', [40, 180, 60], [40, 180, 60]).jpeg().toBuffer();
    const rendered = await renderImage(mostlyGreen, { mode: 'post' });
    const hash = Buffer.from(rendered.thumbhash, 'base64');
    const placeholder = thumbHashToRGBA(hash);
    expect(placeholder.w * placeholder.h * 4).toBe(placeholder.rgba.length);
    expect(thumbHashToApproximateAspectRatio(hash)).toBeCloseTo(500 / 400, 0);
    expect(rendered.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(rendered.dominantColor.slice(i, i + 2), 16));
    expect(g).toBeGreaterThan(150);
    expect(r).toBeLessThan(80);
    expect(b).toBeLessThan(100);
  });

  it('renders a 12-megapixel photo end to end', async () => {
    // Grain over a demo scene, so the encoders work about as hard as on a camera photo.
    const [width, height] = [4000, 3000];
    const grain = await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 16 },
      },
    })
      .raw()
      .toBuffer();
    const photo = await sharp(await generateDemoPhoto(7, width, height))
      .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }])
      .jpeg({ quality: 90 })
      .toBuffer();
    let started = performance.now();
    await inspectImage(photo);
    const inspectMs = performance.now() - started;
    started = performance.now();
    const rendered = await renderImage(photo, { mode: 'post' });
    const renderMs = performance.now() - started;
    console.log(
      `12 MP JPEG (${(photo.length / 1e6).toFixed(1)} MB): inspect ${inspectMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms;`,
      rendered.variants.map((v) => `${v.format}@${v.width}=${(v.data.length / 1024).toFixed(0)}KB`).join(' '),
    );
    expect(rendered.variants).toHaveLength(9);
  });
});

describe('demo images', () => {
  it('draws the same photo for the same seed and different ones for different seeds', async () => {
    const [a, b, c] = await Promise.all([
      generateDemoPhoto(42, 540, 675),
      generateDemoPhoto(42, 540, 675),
      generateDemoPhoto(43, 540, 675),
    ]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('produces JPEGs of the requested size that the pipeline accepts, for every scene', async () => {
    for (let seed = 0; seed < 6; seed++) {
      const photo = await generateDemoPhoto(seed, 1080, 1350);
      await expect(inspectImage(photo)).resolves.toEqual({
        format: 'jpeg',
        width: 1080,
        height: 1350,
        mimeType: 'image/jpeg',
      });
    }
  });

  it('draws square avatars, escaping the initials', async () => {
    const avatar = await generateDemoAvatar(7, '<&>"');
    await expect(inspectImage(avatar)).resolves.toMatchObject({ format: 'jpeg', width: 512, height: 512 });
    expect((await generateDemoAvatar(7, 'AB')).equals(await generateDemoAvatar(7, 'AB'))).toBe(true);
  });
});
