import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cropPixels, type Geometry, IDENTITY_RECIPE } from '@glimpse/edit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { POST_ASPECT } from '../src/platform/media';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededUser } from './support/seed';

/**
 * Photo edit recipes (@glimpse/edit) on posts: rendering a new post through its recipe, refusing bad
 * recipes with field errors and no writes, re-editing a published photo (same post, new render, old files
 * deleted), and the author-only original and recipe.
 */

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { id status media { id } } }`;
const EDIT = `mutation($postId: ID!, $media: [EditPostMediaInput!]!) {
  editPostMedia(postId: $postId, media: $media) { id editedAt media { id editPending } } }`;
const POST = `query($id: ID!) { post(id: $id) {
  id status editedAt
  media {
    id status recipe editPending original { url width height }
    image { width height sources { url width height format } }
  }
} }`;

interface MediaView {
  id: string;
  status: string;
  recipe: Record<string, unknown> | null;
  editPending: boolean;
  original: { url: string; width: number; height: number } | null;
  image: { width: number; height: number; sources: { url: string; width: number; format: string }[] } | null;
}
type PostView = { post: { id: string; status: string; editedAt: string | null; media: MediaView[] } | null };

const GREYSCALE = { version: 1, adjust: { saturation: -1 } };

/** A saturated photo: red on the left, blue on the right, so grey is unmistakable. */
async function colourful(width: number, height: number): Promise<Buffer> {
  const half = Math.floor(width / 2);
  const red = await sharp({ create: { width: half, height, channels: 3, background: '#e63946' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#1d4ed8' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

describe.skipIf(!(await modeAvailable()))(`photo edit recipes [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const db = () => server.glimpse.platform.db;
  const count = async (sql: string, params: string[] = []) =>
    Number((await db().query<{ n: string }>(sql, params))[0]?.n);
  const storedFiles = () => {
    if (server.glimpse.config.blobs.kind !== 'disk') return null;
    const walk = (dir: string): string[] => {
      try {
        return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
        );
      } catch {
        return [];
      }
    };
    return walk(server.glimpse.config.blobs.root).length;
  };

  const upload = async (user: SeededUser, data: Buffer) => {
    const res = await api.upload(data, user.token);
    if (!res.body.id) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const view = async (postId: string, token?: string) =>
    (await api.ok<PostView>(POST, { id: postId }, token)).post;
  /** The mean colour of a photo's largest served JPEG. */
  const meanColour = async (media: MediaView, token?: string) => {
    const jpeg = media
      .image!.sources.filter((s) => s.format === 'JPEG')
      .sort((a, b) => b.width - a.width)[0]!;
    const res = await api.get(new URL(jpeg.url, server.url).pathname, token);
    expect(res.status).toBe(200);
    const { channels } = await sharp(Buffer.from(await res.arrayBuffer())).stats();
    return { r: channels[0]!.mean, g: channels[1]!.mean, b: channels[2]!.mean };
  };
  const mediaRow = async (mediaId: string) =>
    (
      await db().query<{
        media_key: string;
        variants: { key: string }[];
        pending_media_key: string | null;
        recipe: unknown;
      }>('select media_key, variants, pending_media_key, recipe from post_media where id = $1', [mediaId])
    )[0]!;
  const createPost = async (user: SeededUser, media: Record<string, unknown>[]) => {
    const created = await api.ok<{ createPost: { id: string; media: { id: string }[] } }>(
      CREATE,
      { input: { caption: 'edited', media } },
      user.token,
    );
    await seed.waitForJobs();
    return { id: created.createPost.id, mediaIds: created.createPost.media.map((m) => m.id) };
  };

  it('renders a black-and-white recipe in grey, while the same photo without a recipe keeps its colour', async () => {
    const author = await seed.user();
    const photo = await colourful(600, 600);
    const post = await createPost(author, [
      { uploadId: await upload(author, photo), recipe: GREYSCALE },
      { uploadId: await upload(author, photo) },
    ]);
    const seen = await view(post.id, author.token);
    expect(seen?.status).toBe('READY');
    const [edited, plain] = seen!.media;
    const grey = await meanColour(edited!, author.token);
    expect(Math.abs(grey.r - grey.g)).toBeLessThan(4);
    expect(Math.abs(grey.g - grey.b)).toBeLessThan(4);
    const colour = await meanColour(plain!, author.token);
    expect(Math.max(Math.abs(colour.r - colour.g), Math.abs(colour.g - colour.b))).toBeGreaterThan(40);
    // The author sees the complete recipe (every field filled in), and the identity for the plain photo.
    expect(edited!.recipe).toMatchObject({
      version: 1,
      geometry: { rotate: 0, straighten: 0, crop: null },
      filter: { name: 'normal' },
      adjust: { ...IDENTITY_RECIPE.adjust, saturation: -1 },
    });
    expect(plain!.recipe).toMatchObject({
      ...IDENTITY_RECIPE,
      geometry: { ...IDENTITY_RECIPE.geometry, crop: { x: 0, y: 0, width: 1, height: 1 } },
    });
    expect(edited!.original).toMatchObject({ width: 600, height: 600 });
    expect(edited!.editPending).toBe(false);
    const [stored] = await db().query<{ recipe: unknown; crop: unknown }>(
      'select recipe, crop from post_media where id = $1',
      [edited!.id],
    );
    expect(stored?.recipe).toEqual(edited!.recipe);
    expect(stored?.crop).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('renders straightening and quarter turns with the shape the recipe gives', async () => {
    const author = await seed.user();
    const photo = await colourful(800, 600);
    const geometries: Geometry[] = [
      { rotate: 0, straighten: 10, crop: null },
      { rotate: 90, straighten: 0, crop: null },
      { rotate: 0, straighten: -6, crop: { x: 0.1, y: 0.05, width: 0.6, height: 0.9 } },
    ];
    const post = await createPost(
      author,
      await Promise.all(
        geometries.map(async (geometry) => ({
          uploadId: await upload(author, photo),
          recipe: { version: 1, geometry },
        })),
      ),
    );
    const seen = await view(post.id, author.token);
    expect(seen?.status).toBe('READY');
    for (const [i, geometry] of geometries.entries()) {
      const expected = cropPixels(800, 600, geometry, POST_ASPECT);
      if (!expected.ok) throw new Error(expected.message);
      const image = seen!.media[i]!.image!;
      expect({ width: image.width, height: image.height }, `geometry ${i}`).toEqual(expected.output);
    }
    // Straightened by 10°, the frame keeps the photo's 4:3 shape, smaller; a quarter turn makes it portrait.
    const first = seen!.media[0]!.image!;
    expect(first.width / first.height).toBeCloseTo(4 / 3, 1);
    expect(first.width).toBeLessThan(800);
    const turned = seen!.media[1]!.image!;
    expect(turned).toMatchObject({ width: 600, height: 750 });
    // The served file has the shape the API gives.
    const jpeg = turned.sources.find((s) => s.format === 'JPEG' && s.width === 600)!;
    const res = await api.get(new URL(jpeg.url, server.url).pathname, author.token);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 600, height: 750 });
  });

  describe('a bad recipe gets its field error and writes nothing', () => {
    const square = { x: 0, y: 0, width: 1, height: 1 };
    it.each([
      [
        'a value out of range',
        { recipe: { version: 1, adjust: { brightness: 2 } } },
        'media.0.recipe.adjust.brightness',
      ],
      [
        'an unknown filter',
        { recipe: { version: 1, filter: { name: 'no-such-filter', intensity: 1 } } },
        'media.0.recipe.filter.name',
      ],
      ['a newer version', { recipe: { version: 2 } }, 'media.0.recipe.version'],
      [
        'a rotation other than quarter turns',
        { recipe: { version: 1, geometry: { rotate: 45 } } },
        'media.0.recipe.geometry.rotate',
      ],
      [
        'a crop outside the frame',
        { recipe: { version: 1, geometry: { crop: { x: 0.5, y: 0, width: 0.9, height: 0.9 } } } },
        'media.0.recipe.geometry.crop',
      ],
      [
        'a crop too tall for the photo',
        { recipe: { version: 1, geometry: { crop: { x: 0, y: 0, width: 0.2, height: 1 } } } },
        'media.0.recipe.geometry.crop',
      ],
      [
        'a crop in both places',
        { crop: square, recipe: { version: 1, geometry: { crop: square } } },
        'media.0.crop',
      ],
      [
        'a value of the wrong type',
        { recipe: { version: 1, adjust: { contrast: 'high' } } },
        'media.0.recipe.adjust.contrast',
      ],
      ['a recipe that is not an object', { recipe: 'black and white' }, 'media.0.recipe'],
      ['a list for a recipe', { recipe: [1, 2, 3] }, 'media.0.recipe'],
    ])('%s', async (_name, media, field) => {
      const user = await seed.user();
      const uploadId = await upload(user, await colourful(400, 400));
      await seed.waitForJobs();
      const files = storedFiles();
      const outbox = await count('select count(*) as n from outbox');
      const err = await api.fails(CREATE, { input: { media: [{ uploadId, ...media }] } }, user.token);
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.fieldErrors?.map((e) => e.field)).toContain(field);
      expect(err.message.length).toBeGreaterThan(5);
      expect(await count('select count(*) as n from posts where author_id = $1', [user.id])).toBe(0);
      expect(
        await count(
          'select count(*) as n from post_media m join posts p on p.id = m.post_id where p.author_id = $1',
          [user.id],
        ),
      ).toBe(0);
      expect(await count('select count(*) as n from outbox')).toBe(outbox);
      expect(storedFiles()).toBe(files);
      // The upload was not consumed: it still makes a post.
      const ok = await api.gql(CREATE, { input: { media: [{ uploadId }] } }, { token: user.token });
      expect(ok.errors).toBeUndefined();
    });

    it('reports every problem of a recipe at once', async () => {
      const user = await seed.user();
      const uploadId = await upload(user, await colourful(100, 100));
      const err = await api.fails(
        CREATE,
        { input: { media: [{ uploadId, recipe: { version: 1, adjust: { fade: -1, vignette: 3 } } }] } },
        user.token,
      );
      expect(err.extensions?.fieldErrors?.map((e) => e.field).sort()).toEqual([
        'media.0.recipe.adjust.fade',
        'media.0.recipe.adjust.vignette',
      ]);
    });

    it('takes the crop given beside a recipe as the recipe’s crop', async () => {
      const user = await seed.user();
      const uploadId = await upload(user, await colourful(400, 400));
      const crop = { x: 0, y: 0.1, width: 1, height: 0.8 };
      const post = await createPost(user, [{ uploadId, crop, recipe: GREYSCALE }]);
      const seen = await view(post.id, user.token);
      expect(seen!.media[0]!.image).toMatchObject({ width: 400, height: 320 });
      expect(seen!.media[0]!.recipe).toMatchObject({ geometry: { crop } });
    });
  });

  describe('re-editing a published photo', () => {
    it('renders the new recipe into a new key, swaps it in and deletes the old files', async () => {
      const author = await seed.user();
      const post = await createPost(author, [
        { uploadId: await upload(author, await colourful(1600, 1200)) },
        { uploadId: await upload(author, await colourful(200, 200)) },
      ]);
      const [first, second] = post.mediaIds as [string, string];
      const before = await mediaRow(first);
      const untouched = await mediaRow(second);
      const oldKeys = before.variants.map((v) => v.key);
      expect(oldKeys.length).toBe(9);
      const counts = async () => ({
        posts: await count('select count(*) as n from posts where author_id = $1', [author.id]),
        media: await count('select count(*) as n from post_media where post_id = $1', [post.id]),
        postCount: await count('select post_count as n from users where id = $1', [author.id]),
      });
      const countsBefore = await counts();
      expect((await view(post.id, author.token))?.editedAt).toBeNull();

      const edited = await api.ok<{
        editPostMedia: { id: string; editedAt: string | null; media: { id: string; editPending: boolean }[] };
      }>(EDIT, { postId: post.id, media: [{ mediaId: first, recipe: GREYSCALE }] }, author.token);
      expect(edited.editPostMedia.id).toBe(post.id);
      expect(edited.editPostMedia.editedAt).toBeTruthy();
      expect(edited.editPostMedia.media.map((m) => m.editPending)).toEqual([true, false]);
      const staged = await mediaRow(first);
      expect(staged.pending_media_key).toMatch(/^[0-9a-f]{32}$/);
      // Until the new render is ready, the previous one is served.
      expect(staged.media_key).toBe(before.media_key);

      await seed.waitForJobs();
      const after = await mediaRow(first);
      expect(after.media_key).toBe(staged.pending_media_key);
      expect(after.pending_media_key).toBeNull();
      for (const key of oldKeys) expect(await server.glimpse.platform.blobs.exists(key), key).toBe(false);
      for (const v of after.variants)
        expect(await server.glimpse.platform.blobs.exists(v.key), v.key).toBe(true);
      expect(await mediaRow(second)).toEqual(untouched);

      const seen = await view(post.id, author.token);
      expect(seen?.id).toBe(post.id);
      expect(seen?.status).toBe('READY');
      expect(seen?.editedAt).toBeTruthy();
      const photo = seen!.media[0]!;
      expect(photo.editPending).toBe(false);
      expect(photo.recipe).toMatchObject({ adjust: { saturation: -1 } });
      expect(photo.image).toMatchObject({ width: 1080, height: 810 });
      const grey = await meanColour(photo, author.token);
      expect(Math.abs(grey.r - grey.b)).toBeLessThan(4);
      expect(await counts()).toEqual(countsBefore);
      // The old files are gone from the API too.
      const stale = await api.get(`/media/${oldKeys[0]}`, author.token);
      expect(stale.status).toBe(404);
    });

    it('lets a later re-edit win over one still rendering, leaving no orphan files', async () => {
      const author = await seed.user();
      const post = await createPost(author, [{ uploadId: await upload(author, await colourful(900, 900)) }]);
      const mediaId = post.mediaIds[0]!;
      const original = await mediaRow(mediaId);
      await api.ok(EDIT, { postId: post.id, media: [{ mediaId, recipe: GREYSCALE }] }, author.token);
      const firstKey = (await mediaRow(mediaId)).pending_media_key;
      const warm = { version: 1, adjust: { warmth: 0.8 }, geometry: { rotate: 90 } };
      await api.ok(EDIT, { postId: post.id, media: [{ mediaId, recipe: warm }] }, author.token);
      await seed.waitForJobs();
      const final = await mediaRow(mediaId);
      expect(final.pending_media_key).toBeNull();
      expect(final.media_key).not.toBe(firstKey);
      expect(final.media_key).not.toBe(original.media_key);
      expect(final.recipe).toMatchObject({ adjust: { warmth: 0.8 }, geometry: { rotate: 90 } });
      for (const key of [original.media_key, firstKey]) {
        for (const width of [1080, 900, 720, 640, 320]) {
          for (const ext of ['avif', 'webp', 'jpg']) {
            expect(await server.glimpse.platform.blobs.exists(`m/${key}/${width}.${ext}`)).toBe(false);
          }
        }
      }
    });

    it('re-edits a photo posted without a recipe, starting from the identity with its crop', async () => {
      const author = await seed.user();
      const crop = { x: 0, y: 0.1, width: 1, height: 0.8 };
      const post = await createPost(author, [
        { uploadId: await upload(author, await colourful(500, 500)), crop },
      ]);
      const before = (await view(post.id, author.token))!.media[0]!;
      expect(before.recipe).toEqual({ ...IDENTITY_RECIPE, geometry: { ...IDENTITY_RECIPE.geometry, crop } });
      await api.ok(
        EDIT,
        {
          postId: post.id,
          media: [
            {
              mediaId: before.id,
              recipe: {
                ...before.recipe,
                filter: { name: 'normal', intensity: 1 },
                adjust: { saturation: -1 },
              },
            },
          ],
        },
        author.token,
      );
      await seed.waitForJobs();
      const after = (await view(post.id, author.token))!.media[0]!;
      expect(after.image).toMatchObject({ width: 500, height: 400 });
      expect(after.recipe).toMatchObject({ geometry: { crop }, adjust: { saturation: -1 } });
    });

    it('re-edits a photo posted before recipes kept the original’s size (read from the original once)', async () => {
      const author = await seed.user();
      const post = await createPost(author, [{ uploadId: await upload(author, await colourful(640, 480)) }]);
      const mediaId = post.mediaIds[0]!;
      await db().query(
        'update post_media set original_width = null, original_height = null, original_format = null where id = $1',
        [mediaId],
      );
      await server.glimpse.services.posts.invalidateMedia([post.id]);
      const own = (await view(post.id, author.token))!.media[0]!;
      expect(own.original).toMatchObject({ width: 640, height: 480 });
      const [kept] = await db().query<{ original_width: number; original_format: string }>(
        'select original_width, original_format from post_media where id = $1',
        [mediaId],
      );
      expect(kept).toEqual({ original_width: 640, original_format: 'jpeg' });
      await api.ok(EDIT, { postId: post.id, media: [{ mediaId, recipe: GREYSCALE }] }, author.token);
      await seed.waitForJobs();
      expect((await view(post.id, author.token))!.media[0]!.recipe).toMatchObject({
        adjust: { saturation: -1 },
      });
    });

    it('refuses anyone but the author, as editPost does', async () => {
      const author = await seed.user();
      const follower = await seed.user();
      const stranger = await seed.user();
      await follower.follow(author);
      const post = await createPost(author, [{ uploadId: await upload(author, await colourful(120, 120)) }]);
      const media = [{ mediaId: post.mediaIds[0], recipe: GREYSCALE }];
      const row = await mediaRow(post.mediaIds[0]!);
      expect((await api.fails(EDIT, { postId: post.id, media }, follower.token)).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await api.fails(EDIT, { postId: post.id, media }, stranger.token)).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await api.fails(EDIT, { postId: post.id, media })).extensions?.code).toBe('UNAUTHENTICATED');
      await author.block(stranger);
      expect((await api.fails(EDIT, { postId: post.id, media }, stranger.token)).extensions?.code).toBe(
        'NOT_FOUND',
      );
      await author.goPrivate();
      const outsider = await seed.user();
      expect((await api.fails(EDIT, { postId: post.id, media }, outsider.token)).extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect(await mediaRow(post.mediaIds[0]!)).toEqual(row);
      expect((await view(post.id, author.token))?.editedAt).toBeNull();
    });

    it('refuses a post that is not published, foreign photos and bad recipes, writing nothing', async () => {
      const author = await seed.user();
      const post = await createPost(author, [
        { uploadId: await upload(author, await colourful(300, 300)) },
        { uploadId: await upload(author, await colourful(300, 300)) },
      ]);
      const other = await createPost(author, [{ uploadId: await upload(author, await colourful(300, 300)) }]);
      const [a, b] = post.mediaIds as [string, string];
      const before = [await mediaRow(a), await mediaRow(b)];
      const outbox = await count('select count(*) as n from outbox');
      const refused = async (media: unknown[], field: string, code = 'BAD_USER_INPUT') => {
        const err = await api.fails(EDIT, { postId: post.id, media }, author.token);
        expect(err.extensions?.code, field).toBe(code);
        if (code === 'BAD_USER_INPUT')
          expect(
            err.extensions?.fieldErrors?.map((e) => e.field),
            field,
          ).toContain(field);
      };
      await refused([{ mediaId: other.mediaIds[0], recipe: GREYSCALE }], 'media.0.mediaId');
      await refused(
        [
          { mediaId: a, recipe: GREYSCALE },
          { mediaId: '123', recipe: GREYSCALE },
        ],
        'media.1.mediaId',
      );
      await refused(
        [
          { mediaId: a, recipe: GREYSCALE },
          { mediaId: a, recipe: GREYSCALE },
        ],
        'media.1.mediaId',
      );
      await refused([], 'media');
      await refused(
        Array.from({ length: 11 }, () => ({ mediaId: a, recipe: GREYSCALE })),
        'media',
      );
      await refused(
        [{ mediaId: b, recipe: { version: 1, adjust: { sharpen: -0.5 } } }],
        'media.0.recipe.adjust.sharpen',
      );
      await refused([{ mediaId: b, recipe: { version: 3 } }], 'media.0.recipe.version');
      await refused([{ mediaId: b, recipe: 7 }], 'media.0.recipe');
      await refused(
        [{ mediaId: b, recipe: { version: 1, geometry: { crop: { x: 0, y: 0, width: 1, height: 0.3 } } } }],
        'media.0.recipe.geometry.crop',
      );
      // Processing (or failed) posts: nothing to re-edit yet.
      await db().query(`update posts set status = 'processing' where id = $1`, [post.id]);
      await server.glimpse.services.posts.invalidate([post.id]);
      await refused([{ mediaId: a, recipe: GREYSCALE }], '', 'CONFLICT');
      await db().query(`update posts set status = 'ready' where id = $1`, [post.id]);
      await server.glimpse.services.posts.invalidate([post.id]);

      expect([await mediaRow(a), await mediaRow(b)]).toEqual(before);
      expect(await count('select count(*) as n from outbox')).toBe(outbox);
      expect((await view(post.id, author.token))?.editedAt).toBeNull();
    });
  });

  describe('the original and the recipe are the author’s alone', () => {
    it('serves the original to its author only, uncached, and 404s for everyone else', async () => {
      const author = await seed.user();
      const follower = await seed.user();
      const stranger = await seed.user();
      await follower.follow(author);
      const post = await createPost(author, [
        { uploadId: await upload(author, await colourful(700, 500)), recipe: GREYSCALE },
      ]);
      const own = (await view(post.id, author.token))!.media[0]!;
      expect(own.original).toMatchObject({ width: 700, height: 500 });
      const pathname = new URL(own.original!.url, server.url).pathname;
      expect(pathname).toBe(`/media/original/${own.id}`);
      const res = await api.get(pathname, author.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({ width: 700, height: 500 });

      const missing = await api.get('/media/original/9000000000000000001', author.token);
      expect(missing.status).toBe(404);
      const missingBody = await missing.text();
      for (const token of [follower.token, stranger.token, undefined]) {
        const denied = await api.get(pathname, token);
        expect(denied.status).toBe(404);
        expect(await denied.text()).toBe(missingBody);
      }
      for (const token of [follower.token, stranger.token, undefined]) {
        const other = (await view(post.id, token))!.media[0]!;
        expect(other).toMatchObject({ recipe: null, original: null, editPending: false });
        expect(other.image).not.toBeNull();
      }
    });

    it('serves a HEIC original as an upright JPEG', async () => {
      const author = await seed.user();
      const heic = readFileSync(new URL('./fixtures/heic/rotated-exif6.heic', import.meta.url));
      const res = await api.upload(heic, author.token, 'IMG_0001.HEIC', 'image/heic');
      expect(res.body).toMatchObject({ format: 'heic', width: 64, height: 96 });
      const post = await createPost(author, [{ uploadId: res.body.id, recipe: GREYSCALE }]);
      const own = (await view(post.id, author.token))!.media[0]!;
      expect(own.status).toBe('READY');
      expect(own.image).toMatchObject({ width: 64, height: 80 });
      expect(own.original).toMatchObject({ width: 64, height: 96 });
      const original = await api.get(new URL(own.original!.url, server.url).pathname, author.token);
      expect(original.status).toBe(200);
      expect(original.headers.get('content-type')).toBe('image/jpeg');
      const meta = await sharp(Buffer.from(await original.arrayBuffer())).metadata();
      expect({ width: meta.width, height: meta.height, orientation: meta.orientation }).toEqual({
        width: 64,
        height: 96,
        orientation: undefined,
      });
      // Deleting the post deletes the rendition with the original.
      const [row] = await db().query<{ original_key: string }>(
        'select original_key from post_media where id = $1',
        [own.id],
      );
      expect(await server.glimpse.platform.blobs.exists(`${row!.original_key}.view.jpg`)).toBe(true);
      await api.ok('mutation($id: ID!) { deletePost(id: $id) { deletedId } }', { id: post.id }, author.token);
      await seed.waitForJobs();
      expect(await server.glimpse.platform.blobs.exists(`${row!.original_key}.view.jpg`)).toBe(false);
      expect(await server.glimpse.platform.blobs.exists(row!.original_key)).toBe(false);
    });
  });
});
