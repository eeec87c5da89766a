import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import {
  htmlJpegPolyglot,
  jpeg,
  jpegWithGps,
  png,
  pngPixelBomb,
  randomBytes,
  svg,
  truncatedJpeg,
} from './support/corpus';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) {
  id status caption captionEntities { kind value } media { id altText status } } }`;
const POST = `query($id: ID!) { post(id: $id) {
  id status caption archived likeCount commentCount viewerCanEdit
  author { username postCount }
  captionEntities { kind start end value }
  media { id altText status image { width height thumbhash dominantColor sources { url width height format } } }
} }`;

type PostView = {
  post: {
    id: string;
    status: string;
    caption: string;
    archived: boolean;
    author: { username: string; postCount: number };
    captionEntities: { kind: string; value: string }[];
    media: {
      id: string;
      altText: string;
      status: string;
      image: {
        width: number;
        height: number;
        thumbhash: string;
        dominantColor: string;
        sources: { url: string; width: number; format: string }[];
      } | null;
    }[];
  } | null;
};

describe.skipIf(!(await modeAvailable()))(`posts and media [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const uploadsCount = async () =>
    Number(
      (await server.glimpse.platform.db.query<{ n: string }>('select count(*) as n from uploads'))[0]?.n,
    );
  const storedFiles = () => {
    if (server.glimpse.config.blobs.kind !== 'disk') return null;
    const root = server.glimpse.config.blobs.root;
    const walk = (dir: string): string[] => {
      try {
        return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
        );
      } catch {
        return [];
      }
    };
    return walk(root).length;
  };

  it('refuses uploads without a session', async () => {
    const res = await api.upload(await jpeg(), undefined);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('a hostile upload corpus gets a clear error and leaves nothing stored', () => {
    it.each([
      ['a truncated JPEG', truncatedJpeg, 'corrupt'],
      ['a PNG pixel bomb (400 MP)', async () => pngPixelBomb(), 'too_many_pixels'],
      ['an SVG with a script', async () => svg, 'unsupported_type'],
      ['an HTML/JPEG polyglot', htmlJpegPolyglot, 'unsupported_type'],
      ['zero bytes', async () => Buffer.alloc(0), 'empty'],
      ['random bytes', async () => randomBytes, 'unsupported_type'],
    ])('%s', async (_name, make, reason) => {
      const user = await seed.user();
      const before = { uploads: await uploadsCount(), files: storedFiles() };
      const res = await api.upload(await make(), user.token, 'photo.jpg', 'image/jpeg');
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'file',
        reason,
      });
      expect(res.body.errors?.[0]?.message.length).toBeGreaterThan(10);
      expect(await uploadsCount()).toBe(before.uploads);
      expect(storedFiles()).toBe(before.files);
    });

    it('refuses a file over 50 MB', async () => {
      const user = await seed.user();
      const res = await api.upload(Buffer.alloc(50 * 1024 * 1024 + 1, 0xff), user.token);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ field: 'file', reason: 'too_large' });
    });
  });

  it('detects the type from content, not from the name or declared type', async () => {
    const user = await seed.user();
    const res = await api.upload(await png(), user.token, 'not-really.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'png', width: 300, height: 300 });
  });

  it('accepts an iPhone HEIC (HEVC) photo and renders it upright', async () => {
    const user = await seed.user();
    const heic = readFileSync(new URL('./fixtures/heic/rotated-exif6.heic', import.meta.url));
    const upload = await api.upload(heic, user.token, 'IMG_0001.HEIC', 'image/heic');
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ format: 'heic', width: 64, height: 96 });
    const created = await api.ok<{ createPost: { id: string } }>(
      CREATE,
      { input: { media: [{ uploadId: upload.body.id }] } },
      user.token,
    );
    await seed.waitForJobs();
    const { post } = await api.ok<PostView>(POST, { id: created.createPost.id }, user.token);
    expect(post?.status).toBe('READY');
    expect(post?.media[0]?.image).toMatchObject({ width: 64, height: 80 });
  });

  it('publishes a carousel once processed: every size and format, a placeholder, no metadata', async () => {
    const author = await seed.user();
    const mentioned = await seed.user();
    const a = await api.upload(await jpegWithGps(), author.token);
    const b = await api.upload(await jpeg(1200, 1500, '#e76f51'), author.token);
    const created = await api.ok<{ createPost: { id: string; status: string; captionEntities: unknown[] } }>(
      CREATE,
      {
        input: {
          caption: `Golden hour #sunset with @${mentioned.username} <img src=x onerror=alert(1)>`,
          media: [
            { uploadId: a.body.id, altText: 'A teal wall' },
            { uploadId: b.body.id, altText: 'An orange sky', crop: { x: 0, y: 0.1, width: 1, height: 0.8 } },
          ],
        },
      },
      author.token,
    );
    expect(created.createPost.status).toBe('PROCESSING');
    // Others cannot see it until its media is ready.
    expect((await api.ok<PostView>(POST, { id: created.createPost.id }, mentioned.token)).post).toBeNull();
    await seed.waitForJobs();

    const { post } = await api.ok<PostView>(POST, { id: created.createPost.id }, mentioned.token);
    expect(post?.status).toBe('READY');
    expect(post?.caption).toContain('<img src=x onerror=alert(1)>'); // kept as text
    expect(post?.captionEntities).toEqual([
      expect.objectContaining({ kind: 'HASHTAG', value: 'sunset' }),
      expect.objectContaining({ kind: 'MENTION', value: mentioned.username }),
    ]);
    expect(post?.media.map((m) => m.altText)).toEqual(['A teal wall', 'An orange sky']);
    const first = post!.media[0]!.image!;
    // 600×400 rotated by EXIF is 400×600, taller than 4:5: the default crop is the centred 400×500.
    expect(first).toMatchObject({ width: 400, height: 500 });
    expect(first.thumbhash.length).toBeGreaterThan(10);
    expect(first.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    const second = post!.media[1]!.image!;
    expect(second).toMatchObject({ width: 1080, height: 1080 });
    expect(second.sources.map((s) => `${s.format}@${s.width}`).sort()).toEqual([
      'AVIF@1080',
      'AVIF@320',
      'AVIF@640',
      'JPEG@1080',
      'JPEG@320',
      'JPEG@640',
      'WEBP@1080',
      'WEBP@320',
      'WEBP@640',
    ]);
    for (const source of first.sources) {
      const res = await fetch(`${server.url}${new URL(source.url, server.url).pathname}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe(`image/${source.format.toLowerCase()}`);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    // Keys are unguessable.
    expect(first.sources[0]!.url).toMatch(/\/media\/m\/[0-9a-f]{32}\//);
  });

  describe('bad post input gets a field error and writes nothing', () => {
    it.each([
      ['no photos', () => ({ media: [] }), 'media', 'at least one photo'],
      [
        'a caption over 2,200 characters',
        (id: string) => ({ caption: 'x'.repeat(2201), media: [{ uploadId: id }] }),
        'caption',
        '2200',
      ],
      [
        'more than 30 hashtags',
        (id: string) => ({
          caption: Array.from({ length: 31 }, (_, i) => `#tag${i}x`).join(' '),
          media: [{ uploadId: id }],
        }),
        'caption',
        'at most 30 hashtags',
      ],
      [
        'a crop outside Instagram shapes',
        (id: string) => ({ media: [{ uploadId: id, crop: { x: 0, y: 0, width: 0.2, height: 1 } }] }),
        'media.0.crop',
        '',
      ],
      [
        'a crop outside the photo',
        (id: string) => ({ media: [{ uploadId: id, crop: { x: 0.5, y: 0, width: 0.9, height: 0.9 } }] }),
        'media.0.crop',
        'inside',
      ],
      [
        'an unknown upload',
        () => ({ media: [{ uploadId: '123456789' }] }),
        'media.0.uploadId',
        'does not exist',
      ],
      ['a malformed upload id', () => ({ media: [{ uploadId: 'abc' }] }), 'media.0.uploadId', 'Invalid'],
      [
        'the same upload twice',
        (id: string) => ({ media: [{ uploadId: id }, { uploadId: id }] }),
        'media.1.uploadId',
        'twice',
      ],
      [
        'eleven photos',
        (id: string) => ({ media: Array.from({ length: 11 }, () => ({ uploadId: id })) }),
        'media',
        'at most 10',
      ],
      [
        'alt text with a NUL',
        (id: string) => ({ media: [{ uploadId: id, altText: 'a\u0000b' }] }),
        'media.0.altText',
        'control',
      ],
    ])('%s', async (_name, input, field, message) => {
      const user = await seed.user();
      const upload = await api.upload(await jpeg(), user.token);
      const err = await api.fails(CREATE, { input: input(upload.body.id!) }, user.token);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(err.message).toContain(message);
      const posts = await server.glimpse.platform.db.query('select 1 from posts where author_id = $1', [
        user.id,
      ]);
      expect(posts).toHaveLength(0);
      // The upload was not consumed by the failed attempt: it still makes a post.
      const ok = await api.gql(
        CREATE,
        { input: { media: [{ uploadId: upload.body.id }] } },
        { token: user.token },
      );
      expect(ok.errors).toBeUndefined();
    });

    it("refuses someone else's upload", async () => {
      const owner = await seed.user();
      const thief = await seed.user();
      const upload = await api.upload(await jpeg(), owner.token);
      const err = await api.fails(CREATE, { input: { media: [{ uploadId: upload.body.id }] } }, thief.token);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media.0.uploadId' });
    });
  });

  it('edits caption and alt text; only the author may', async () => {
    const author = await seed.user();
    const other = await seed.user();
    const post = await author.post({ caption: 'first #draft' });
    const edited = await api.ok<{
      editPost: { caption: string; editedAt: string; captionEntities: { value: string }[] };
    }>(
      `mutation($input: EditPostInput!) { editPost(input: $input) { caption editedAt captionEntities { value } } }`,
      {
        input: {
          postId: post.id,
          caption: 'final #done',
          altTexts: [{ mediaId: post.mediaIds[0], altText: 'new alt' }],
        },
      },
      author.token,
    );
    expect(edited.editPost).toMatchObject({ caption: 'final #done', captionEntities: [{ value: 'done' }] });
    expect(edited.editPost.editedAt).toBeTruthy();
    const tags = await server.glimpse.platform.db.query<{ name: string; post_count: number }>(
      `select name, post_count from hashtags where name in ('draft', 'done') order by name`,
    );
    expect(tags).toEqual([
      { name: 'done', post_count: 1 },
      { name: 'draft', post_count: 0 },
    ]);
    const err = await api.fails(
      `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
      { input: { postId: post.id, caption: 'hijack' } },
      other.token,
    );
    expect(err.extensions?.code).toBe('FORBIDDEN');
  });

  it('archives (hidden from others and the grid, kept for the owner) and unarchives', async () => {
    const author = await seed.user();
    const other = await seed.user();
    const post = await author.post();
    await api.ok('mutation($id: ID!) { archivePost(id: $id) { archived } }', { id: post.id }, author.token);
    expect((await api.ok<PostView>(POST, { id: post.id }, other.token)).post).toBeNull();
    const own = await api.ok<{
      viewer: { user: { postCount: number }; archivedPosts: { edges: { node: { id: string } }[] } };
    }>('{ viewer { user { postCount } archivedPosts { edges { node { id } } } } }', {}, author.token);
    expect(own.viewer.archivedPosts.edges.map((e) => e.node.id)).toEqual([post.id]);
    expect(own.viewer.user.postCount).toBe(0);
    await api.ok('mutation($id: ID!) { unarchivePost(id: $id) { archived } }', { id: post.id }, author.token);
    expect((await api.ok<PostView>(POST, { id: post.id }, other.token)).post?.author.postCount).toBe(1);
  });

  it('deletes a post with its rows and its files', async () => {
    const author = await seed.user();
    const fan = await seed.user();
    const post = await author.post({ caption: 'bye #gone', photos: 2 });
    await fan.like(post);
    await fan.comment(post, 'nice');
    await fan.save(post);
    const { post: view } = await api.ok<PostView>(POST, { id: post.id }, author.token);
    const url = view!.media[0]!.image!.sources[0]!.url;
    const keys = (
      await server.glimpse.platform.db.query<{ original_key: string; variants: { key: string }[] }>(
        'select original_key, variants from post_media where post_id = $1',
        [post.id],
      )
    ).flatMap((m) => [m.original_key, ...m.variants.map((v) => v.key)]);
    expect(keys.length).toBe(2 * 4); // an 80 px photo: the original plus one width in three formats, twice

    const other = await api.fails(
      'mutation($id: ID!) { deletePost(id: $id) { deletedId } }',
      { id: post.id },
      fan.token,
    );
    expect(other.extensions?.code).toBe('FORBIDDEN');
    await api.ok('mutation($id: ID!) { deletePost(id: $id) { deletedId } }', { id: post.id }, author.token);
    await seed.waitForJobs();

    expect((await api.ok<PostView>(POST, { id: post.id }, author.token)).post).toBeNull();
    for (const table of ['posts', 'post_media', 'likes', 'comments', 'saves', 'post_hashtags']) {
      const column = table === 'posts' ? 'id' : 'post_id';
      const rows = await server.glimpse.platform.db.query(`select 1 from ${table} where ${column} = $1`, [
        post.id,
      ]);
      expect(rows, table).toHaveLength(0);
    }
    for (const key of keys) expect(await server.glimpse.platform.blobs.exists(key), key).toBe(false);
    expect((await fetch(`${server.url}${new URL(url, server.url).pathname}`)).status).toBe(404);
    const [author_] = await server.glimpse.platform.db.query<{ post_count: number }>(
      'select post_count from users where id = $1',
      [author.id],
    );
    expect(author_?.post_count).toBe(0);
  });

  it("does not serve a private account's photos to those who may not see them", async () => {
    const priv = await seed.user(undefined, { private: true });
    const follower = await seed.user();
    const stranger = await seed.user();
    await follower.follow(priv);
    await priv.approve(follower);
    const post = await priv.post();
    const { post: view } = await api.ok<PostView>(POST, { id: post.id }, follower.token);
    const pathname = new URL(view!.media[0]!.image!.sources[0]!.url, server.url).pathname;
    const allowed = await api.get(pathname, follower.token);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await api.get(pathname, stranger.token)).status).toBe(404);
    expect((await api.get(pathname)).status).toBe(404);
    expect((await api.get('/media/o/whatever')).status).toBe(404);
  });

  it('sets an avatar from an upload (processed off the request), square-cropped, and removes it', async () => {
    const user = await seed.user();
    const upload = await api.upload(await jpeg(800, 600), user.token);
    const bad = await api.fails(
      'mutation($input: SetAvatarInput!) { setAvatar(input: $input) { id } }',
      { input: { uploadId: upload.body.id, crop: { x: 0, y: 0, width: 1, height: 1 } } },
      user.token,
    );
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'crop' });
    await api.ok(
      'mutation($input: SetAvatarInput!) { setAvatar(input: $input) { id } }',
      { input: { uploadId: upload.body.id } },
      user.token,
    );
    await seed.waitForJobs();
    const data = await api.ok<{
      viewer: {
        user: { avatar: { width: number; height: number; sources: { url: string; width: number }[] } };
      };
    }>('{ viewer { user { avatar { width height sources { url width } } } } }', {}, user.token);
    expect(data.viewer.user.avatar).toMatchObject({ width: 320, height: 320 });
    const url = data.viewer.user.avatar.sources[0]!.url;
    expect((await api.get(new URL(url, server.url).pathname)).status).toBe(200);
    expect(await uploadsCount()).toBeGreaterThanOrEqual(0);
    await api.ok('mutation { removeAvatar { id } }', {}, user.token);
    await seed.waitForJobs();
    expect((await api.get(new URL(url, server.url).pathname)).status).toBe(404);
  });
});
