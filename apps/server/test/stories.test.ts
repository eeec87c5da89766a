import { afterEach, describe, expect, it, vi } from 'vitest';
import { expireStories } from '../src/jobs';
import type { Db, SqlParam } from '../src/platform/db';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { photo, type Seed, type SeededUser } from './support/seed';
import { connect } from './support/subscriptions';

/** Stories: creation and processing, stickers, audiences, the 24 hours by the clock, the tray, responses. */
const DAY_MS = 24 * 60 * 60 * 1000;

const STORY_FIELDS = `id status audience closeFriendsOnly expired viewerHasSeen viewerIsOwner createdAt expiresAt
  owner { id username }
  image { width height sources { url width format } }
  overlays { index kind text color question options emoji hashtag user { id username } position { x y scale rotation } }
  poll { counts total viewerVote }
  slider { average responseCount viewerValue }`;

type Story = {
  id: string;
  status: string;
  audience: string;
  closeFriendsOnly: boolean;
  expired: boolean;
  viewerHasSeen: boolean;
  viewerIsOwner: boolean;
  image: { width: number; height: number; sources: { url: string; width: number; format: string }[] } | null;
  overlays: { kind: string; user: { username: string } | null; options: string[] | null }[];
  poll: { counts: number[] | null; total: number | null; viewerVote: number | null } | null;
  slider: { average: number | null; responseCount: number | null; viewerValue: number | null } | null;
};

type Overlay = Record<string, unknown>;
type TrayEntry = {
  user: { username: string };
  hasUnseen: boolean;
  closeFriendsOnly: boolean;
  stories: { id: string }[];
};

const TRAY = `{ storyTray { user { username } hasUnseen closeFriendsOnly stories { id } } }`;
const CREATE = `mutation($input: CreateStoryInput!) { createStory(input: $input) { ${STORY_FIELDS} } }`;
const READ = `query($id: ID!) { story(id: $id) { ${STORY_FIELDS} } }`;
const POLL = { kind: 'POLL', x: 0.5, y: 0.5, question: 'Tea or coffee?', options: ['Tea', 'Coffee'] };
const SLIDER = { kind: 'SLIDER', x: 0.5, y: 0.2, question: 'How hot?', emoji: '🔥' };
const QUESTION = { kind: 'QUESTION', x: 0.5, y: 0.8, question: 'Ask me anything' };

describe.skipIf(!(await modeAvailable()))(`stories [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));
  // Each story renders a 1080x1920 canvas (AVIF, WebP, JPEG): a few seconds each on a busy machine.
  vi.setConfig({ testTimeout: 120_000 });
  afterEach(() => server.glimpse.clock.reset());

  const db = () => server.glimpse.platform.db;
  const count = async (sql: string, params: SqlParam[] = []) =>
    Number((await db().query<{ n: string }>(sql, params))[0]?.n);
  const upload = async (user: SeededUser) => {
    const res = await api.upload(await photo(120, 90, '#2a9d8f'), user.token);
    if (!res.body.id) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const read = async (id: string, viewer?: SeededUser) =>
    (await api.ok<{ story: Story | null }>(READ, { id }, viewer?.token)).story;
  /** Posts a story and waits for it to be processed. */
  const story = async (
    user: SeededUser,
    options: { audience?: 'EVERYONE' | 'CLOSE_FRIENDS'; overlays?: Overlay[] } = {},
  ): Promise<Story> => {
    const data = await api.ok<{ createStory: Story }>(
      CREATE,
      { input: { uploadId: await upload(user), ...options } },
      user.token,
    );
    await seed.waitForJobs();
    return (await read(data.createStory.id, user))!;
  };
  const tray = async (viewer: SeededUser) =>
    (await api.ok<{ storyTray: TrayEntry[] }>(TRAY, {}, viewer.token)).storyTray;
  const userStories = async (owner: SeededUser, viewer?: SeededUser) =>
    (
      await api.ok<{ user: { stories: { id: string }[] } | null }>(
        'query($u: String!) { user(username: $u) { stories { id } } }',
        { u: owner.username },
        viewer?.token,
      )
    ).user?.stories.map((s) => s.id) ?? null;
  const mediaPath = (s: Story) => new URL(s.image!.sources[0]!.url, server.url).pathname;
  const addCloseFriend = (owner: SeededUser, friend: SeededUser) =>
    api.ok('mutation($id: ID!) { addCloseFriend(userId: $id) { id } }', { id: friend.id }, owner.token);
  const markSeen = (viewer: SeededUser, ids: string[]) =>
    api.ok<{ markStoriesSeen: { id: string; viewerHasSeen: boolean }[] }>(
      'mutation($ids: [ID!]!) { markStoriesSeen(ids: $ids) { id viewerHasSeen } }',
      { ids },
      viewer.token,
    );
  const notifications = async (user: SeededUser) => {
    await seed.waitForJobs();
    const data = await api.ok<{
      viewer: { notifications: { edges: { node: { kind: string; subjectId: string } }[] } };
    }>('{ viewer { notifications(first: 50) { edges { node { kind subjectId } } } } }', {}, user.token);
    return data.viewer.notifications.edges.map((e) => e.node);
  };
  const createFails = async (user: SeededUser, input: Record<string, unknown>) =>
    api.fails(CREATE, { input }, user.token);
  const fieldsOf = (err: { extensions?: { fieldErrors?: { field: string }[]; field?: string } }) =>
    err.extensions?.fieldErrors?.map((f) => f.field) ?? [err.extensions?.field];

  describe('creating a story', () => {
    it('claims the upload, processes it into a 9:16 canvas and shows it for 24 hours', async () => {
      const ana = await seed.user();
      const uploadId = await upload(ana);
      const data = await api.ok<{ createStory: Story }>(CREATE, { input: { uploadId } }, ana.token);
      expect(data.createStory).toMatchObject({ status: 'PROCESSING', image: null, audience: 'EVERYONE' });
      await seed.waitForJobs();
      const ready = (await read(data.createStory.id, ana))!;
      expect(ready.status).toBe('READY');
      expect(ready.image).toMatchObject({ width: 1080, height: 1920 });
      expect([...new Set(ready.image!.sources.map((s) => s.width))].sort()).toEqual([1080, 540]);
      const file = await api.get(mediaPath(ready), ana.token);
      expect(file.status).toBe(200);
      // The upload is gone: it can't make a second story.
      const again = await createFails(ana, { uploadId });
      expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uploadId' });
    });

    it("refuses someone else's upload and writes nothing", async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      const bobs = await upload(bob);
      const err = await createFails(ana, { uploadId: bobs });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uploadId' });
      expect(await count('select count(*) as n from stories where owner_id = $1', [ana.id])).toBe(0);
      // Bob can still use it.
      await api.ok(CREATE, { input: { uploadId: bobs } }, bob.token);
      await seed.waitForJobs();
    });

    it('refuses what is not a photo, or too large, at the upload, as for posts', async () => {
      const ana = await seed.user();
      const html = await api.upload(Buffer.from('<html><script>alert(1)</script></html>'), ana.token);
      expect(html.status).toBe(400);
      expect(html.body.errors?.[0]?.extensions).toMatchObject({ field: 'file', reason: 'unsupported_type' });
      const huge = await api.upload(Buffer.alloc(50 * 1024 * 1024 + 1, 0xff), ana.token);
      expect(huge.body.errors?.[0]?.extensions).toMatchObject({ field: 'file', reason: 'too_large' });
      expect(await count('select count(*) as n from uploads where owner_id = $1', [ana.id])).toBe(0);
      expect(await count('select count(*) as n from stories where owner_id = $1', [ana.id])).toBe(0);
    });

    it('can be deleted by its owner only, with its files', async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      const s = await story(ana);
      const [row] = await db().query<{ variants: { key: string }[]; original_key: string }>(
        'select variants, original_key from stories where id = $1',
        [s.id],
      );
      const err = await api.fails(
        'mutation($id: ID!) { deleteStory(id: $id) { deletedId } }',
        { id: s.id },
        bob.token,
      );
      expect(err.extensions?.code).toBe('FORBIDDEN');
      await api.ok('mutation($id: ID!) { deleteStory(id: $id) { deletedId } }', { id: s.id }, ana.token);
      await seed.waitForJobs();
      expect(await read(s.id, ana)).toBeNull();
      for (const key of [row!.original_key, ...row!.variants.map((v) => v.key)])
        expect(await server.glimpse.platform.blobs.exists(key), key).toBe(false);
    });
  });

  describe('overlays are validated into field errors, and nothing is written', () => {
    const text = (extra: Overlay = {}) => ({ kind: 'TEXT', x: 0.5, y: 0.5, text: 'hello', ...extra });
    it.each<[string, Overlay[], string]>([
      ['x beyond the canvas', [text({ x: 1.2 })], 'overlays.0.x'],
      ['a poll reaching beyond the edge', [{ ...POLL, x: 0.2 }], 'overlays.0.position'],
      ['a sticker scaled past the edge', [text({ scale: 2.5 })], 'overlays.0.position'],
      ['a rotated sticker past the edge', [{ ...POLL, y: 0.1, rotation: 90 }], 'overlays.0.position'],
      ['a poll with no options', [{ ...POLL, options: [] }], 'overlays.0.options'],
      ['a poll with one option', [{ ...POLL, options: ['Tea'] }], 'overlays.0.options'],
      ['a poll with five options', [{ ...POLL, options: ['a', 'b', 'c', 'd', 'e'] }], 'overlays.0.options'],
      ['two polls', [POLL, { ...POLL, y: 0.2 }], 'overlays'],
      ['eleven overlays', Array.from({ length: 11 }, () => text()), 'overlays'],
      ['text too long', [text({ text: 'x'.repeat(201) })], 'overlays.0.text'],
      ['an unknown colour', [text({ color: 'MAUVE' })], 'overlays.0.color'],
      ['a slider with a letter for an emoji', [{ ...SLIDER, emoji: 'a' }], 'overlays.0.emoji'],
      ['a slider with two emoji', [{ ...SLIDER, emoji: '🔥🔥' }], 'overlays.0.emoji'],
      [
        'a mention of no one',
        [{ kind: 'MENTION', x: 0.5, y: 0.5, username: 'nobody_here_at_all' }],
        'overlays.0.username',
      ],
    ])('%s', async (_name, overlays, field) => {
      const ana = await seed.user();
      const uploadId = await upload(ana);
      const err = await createFails(ana, { uploadId, overlays });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(err)).toContain(field);
      expect(await count('select count(*) as n from stories where owner_id = $1', [ana.id])).toBe(0);
      // The upload was not used up.
      expect(await count('select count(*) as n from uploads where id = $1', [uploadId])).toBe(1);
    });

    it('refuses a mention of an account that blocked the owner, or that the owner blocked', async () => {
      const [ana, blocker, blocked] = [await seed.user(), await seed.user(), await seed.user()];
      await blocker.block(ana);
      await ana.block(blocked);
      for (const who of [blocker, blocked]) {
        const err = await createFails(ana, {
          uploadId: await upload(ana),
          overlays: [{ kind: 'MENTION', x: 0.5, y: 0.5, username: who.username }],
        });
        expect(fieldsOf(err)).toContain('overlays.0.username');
      }
    });

    it('keeps valid stickers, and a mention notifies the account once the story is ready', async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      const s = await story(ana, {
        overlays: [
          { kind: 'TEXT', x: 0.5, y: 0.1, text: 'Morning', color: '#FFAA00' },
          { kind: 'MENTION', x: 0.5, y: 0.3, username: `@${bob.username}` },
          { kind: 'HASHTAG', x: 0.5, y: 0.4, hashtag: '#Sunrise' },
          { ...POLL, y: 0.6, rotation: -15 },
          SLIDER,
          QUESTION,
        ],
      });
      const seen = (await read(s.id, ana))!;
      expect(seen.overlays.map((o) => o.kind)).toEqual([
        'TEXT',
        'MENTION',
        'HASHTAG',
        'POLL',
        'SLIDER',
        'QUESTION',
      ]);
      expect(seen.overlays[1]!.user?.username).toBe(bob.username);
      expect(seen.overlays[0]).toMatchObject({ color: '#ffaa00' });
      expect(seen.overlays[2]).toMatchObject({ hashtag: 'sunrise' });
      const mentions = (await notifications(bob)).filter((n) => n.kind === 'STORY_MENTION');
      expect(mentions).toEqual([{ kind: 'STORY_MENTION', subjectId: s.id }]);
    });

    it('does not notify a mentioned account that may not see the story', async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      await story(ana, {
        audience: 'CLOSE_FRIENDS',
        overlays: [{ kind: 'MENTION', x: 0.5, y: 0.3, username: bob.username }],
      });
      expect((await notifications(bob)).filter((n) => n.kind === 'STORY_MENTION')).toEqual([]);
    });
  });

  describe('audience', () => {
    it("follows the account's privacy: a private account's stories are for its followers", async () => {
      const [ana, follower, stranger] = [
        await seed.user(undefined, { private: true }),
        await seed.user(),
        await seed.user(),
      ];
      await follower.follow(ana);
      await ana.approve(follower);
      const s = await story(ana);
      expect((await read(s.id, follower))?.id).toBe(s.id);
      expect(await read(s.id, stranger)).toBeNull();
      expect(await read(s.id)).toBeNull();
      expect(await userStories(ana, follower)).toEqual([s.id]);
      expect(await userStories(ana, stranger)).toEqual([]);
      expect((await api.get(mediaPath(s))).status).toBe(404);
      expect((await api.get(mediaPath(s), stranger.token)).status).toBe(404);
      expect((await api.get(mediaPath(s), follower.token)).status).toBe(200);
    });

    it('shows a public account’s stories to anyone, logged out included, but nothing to a blocked user', async () => {
      const [ana, blocked] = [await seed.user(), await seed.user()];
      const s = await story(ana);
      expect((await read(s.id))?.id).toBe(s.id);
      await ana.block(blocked);
      expect(await read(s.id, blocked)).toBeNull();
      expect((await api.get(mediaPath(s), blocked.token)).status).toBe(404);
      const err = await api.fails(
        'mutation($id: ID!) { reactToStory(storyId: $id, emoji: "🔥") { id } }',
        { id: s.id },
        blocked.token,
      );
      expect(err.extensions?.code).toBe('NOT_FOUND');
    });

    it('keeps close friends stories to the list, which its owner manages', async () => {
      const [ana, friend, other] = [await seed.user(), await seed.user(), await seed.user()];
      await friend.follow(ana);
      await other.follow(ana);
      await addCloseFriend(ana, friend);
      const s = await story(ana, { audience: 'CLOSE_FRIENDS' });
      expect(s.closeFriendsOnly).toBe(true);
      expect((await read(s.id, friend))?.audience).toBe('CLOSE_FRIENDS');
      expect(await read(s.id, other)).toBeNull();
      expect(await read(s.id)).toBeNull();
      expect((await api.get(mediaPath(s), other.token)).status).toBe(404);
      expect((await tray(friend)).find((e) => e.user.username === ana.username)?.closeFriendsOnly).toBe(true);
      expect((await tray(other)).find((e) => e.user.username === ana.username)).toBeUndefined();
      const list = await api.ok<{
        viewer: { closeFriends: { edges: { node: { username: string; viewerCloseFriend: boolean } }[] } };
      }>('{ viewer { closeFriends { edges { node { username viewerCloseFriend } } } } }', {}, ana.token);
      expect(list.viewer.closeFriends.edges.map((e) => e.node)).toEqual([
        { username: friend.username, viewerCloseFriend: true },
      ]);
      await api.ok(
        'mutation($id: ID!) { removeCloseFriend(userId: $id) { id } }',
        { id: friend.id },
        ana.token,
      );
      expect(await read(s.id, friend)).toBeNull();
      const err = await api.fails(
        'mutation($id: ID!) { addCloseFriend(userId: $id) { id } }',
        { id: ana.id },
        ana.token,
      );
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('24 hours by the clock, on every read path', () => {
    it('hides an expired story from others at once, before the expiry job, and archives it for its owner', async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      await bob.follow(ana);
      const s = await story(ana, { overlays: [POLL, SLIDER, QUESTION] });
      const socket = await connect(server.url, { token: bob.token });
      try {
        expect((await read(s.id, bob))?.id).toBe(s.id);
        expect((await api.get(mediaPath(s), bob.token)).headers.get('cache-control')).toMatch(
          /^private, max-age=(\d+)$/,
        );
        const live = Number(
          /max-age=(\d+)/.exec((await api.get(mediaPath(s), bob.token)).headers.get('cache-control')!)![1],
        );
        expect(live).toBeLessThanOrEqual(DAY_MS / 1000);
        server.glimpse.clock.advance(DAY_MS - 60_000);
        const late = (await api.get(mediaPath(s), bob.token)).headers.get('cache-control');
        expect(Number(/max-age=(\d+)/.exec(late!)![1])).toBeLessThanOrEqual(60);
        server.glimpse.clock.advance(61_000);

        expect(await read(s.id, bob)).toBeNull();
        expect(await userStories(ana, bob)).toEqual([]);
        expect((await tray(bob)).map((e) => e.user.username)).not.toContain(ana.username);
        expect((await api.get(mediaPath(s), bob.token)).status).toBe(404);
        for (const mutation of [
          `voteInStoryPoll(storyId: $id, option: 0)`,
          `slideStorySlider(storyId: $id, value: 0.5)`,
          `answerStoryQuestion(storyId: $id, text: "hi")`,
          `reactToStory(storyId: $id, emoji: "🔥")`,
          `replyToStory(storyId: $id, text: "hi")`,
        ]) {
          const err = await api.fails(`mutation($id: ID!) { ${mutation} { id } }`, { id: s.id }, bob.token);
          expect(err.extensions?.code, mutation).toBe('NOT_FOUND');
        }
        expect((await markSeen(bob, [s.id])).markStoriesSeen).toEqual([]);
        socket.subscribe('1', `subscription { storyActivity(storyId: "${s.id}") { id } }`);
        await socket.waitFor((m) =>
          m.some((x) => x.id === '1' && (x.type === 'error' || !!x.payload?.errors)),
        );

        // Its owner still sees it, as expired, and the expiry job moves it into the archive.
        const own = (await read(s.id, ana))!;
        expect(own.expired).toBe(true);
        expect((await api.get(mediaPath(s), ana.token)).status).toBe(200);
        const archive = async () =>
          (
            await api.ok<{ viewer: { storyArchive: { edges: { node: { id: string } }[] } } }>(
              '{ viewer { storyArchive { edges { node { id } } } } }',
              {},
              ana.token,
            )
          ).viewer.storyArchive.edges.map((e) => e.node.id);
        expect(await archive()).toEqual([]);
        await server.glimpse.platform.queue.enqueue(expireStories, {});
        await seed.waitForJobs();
        expect(await archive()).toEqual([s.id]);
        expect(await read(s.id, bob)).toBeNull();
      } finally {
        await socket.close();
      }
    });
  });

  describe('the tray', () => {
    it('holds followed accounts with live stories: own first, unseen first, then affinity', async () => {
      const me = await seed.user();
      const [a, b, c, stranger, muted] = [
        await seed.user(),
        await seed.user(),
        await seed.user(),
        await seed.user(),
        await seed.user(),
      ];
      for (const u of [a, b, c, muted]) await me.follow(u);
      const sa = await story(a);
      await story(b);
      await story(c);
      await story(stranger);
      await story(muted);
      await api.ok(
        'mutation($id: ID!) { mute(userId: $id, posts: false, stories: true) { id } }',
        { id: muted.id },
        me.token,
      );
      // Affinity: me likes c's posts.
      const post = await c.post();
      await me.like(post);
      await me.comment(post, 'lovely');
      await seed.waitForJobs();
      let entries = await tray(me);
      expect(entries.map((e) => e.user.username)).not.toContain(stranger.username);
      expect(entries.map((e) => e.user.username)).not.toContain(muted.username);
      expect(entries.every((e) => e.hasUnseen)).toBe(true);
      expect(entries[0]!.user.username).toBe(c.username);
      await story(me);
      await markSeen(me, [sa.id]);
      await markSeen(me, [sa.id]);
      entries = await tray(me);
      expect(entries.map((e) => [e.user.username, e.hasUnseen])).toEqual([
        [me.username, false],
        [c.username, true],
        [b.username, true],
        [a.username, false],
      ]);
    }, 90_000);

    it('costs the same number of SQL statements for 5 accounts with stories as for 15', async () => {
      const me = await seed.user();
      const owners: SeededUser[] = [];
      for (let i = 0; i < 15; i++) {
        const owner = await seed.user();
        await me.follow(owner);
        owners.push(owner);
      }
      const cost = async () => {
        await api.ok(TRAY, {}, me.token);
        const names: string[] = [];
        const database = db();
        const query = database.query;
        database.query = <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
          names.push(/\/\* (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
          return query.call<Db, [string, (readonly SqlParam[])?], Promise<Row[]>>(database, sql, params);
        };
        try {
          const entries = await tray(me);
          return { statements: names.length, names, size: entries.length };
        } finally {
          database.query = query;
        }
      };
      // One story is rendered; the others are copies of its row (rendering fifteen canvases is slow, and
      // what is measured here is the tray's reads).
      const template = await story(owners[0]!);
      const post = async (from: number, to: number) => {
        for (const [i, owner] of owners.slice(from, to).entries()) {
          if (from + i === 0) continue;
          const audience = i % 3 === 0 ? 'close_friends' : 'everyone';
          await db().query(
            `insert into stories (id, owner_id, audience, status, original_key, media_key, width, height, thumbhash,
               dominant_color, variants, overlays, created_at, expires_at)
             select next_id(shard_of($1)), $1, $2, 'ready', original_key, md5(random()::text), width, height,
               thumbhash, dominant_color, variants, overlays, created_at, expires_at from stories where id = $3`,
            [owner.id, audience, template.id],
          );
          if (audience === 'close_friends') await addCloseFriend(owner, me);
        }
      };
      await post(0, 5);
      const small = await cost();
      await post(5, 15);
      const large = await cost();
      expect(small.size).toBe(5);
      expect(large.size).toBe(15);
      expect(large.statements, large.names.join(', ')).toBe(small.statements);
      expect(large.statements, large.names.join(', ')).toBeLessThanOrEqual(10);
    }, 120_000);
  });

  describe('seen state and viewers', () => {
    it('marks stories seen once and shows the owner who saw them, newest first; others get null', async () => {
      const [ana, bob, cy] = [await seed.user(), await seed.user(), await seed.user()];
      const s = await story(ana);
      expect((await markSeen(bob, [s.id])).markStoriesSeen).toEqual([{ id: s.id, viewerHasSeen: true }]);
      server.glimpse.clock.advance(1000);
      await markSeen(cy, [s.id]);
      await markSeen(bob, [s.id]);
      const VIEWERS = `query($id: ID!) { story(id: $id) { viewers { edges { seenAt node { username } } }
        responses(kind: REPLY) { edges { node { text } } } } }`;
      const own = await api.ok<{
        story: { viewers: { edges: { seenAt: string; node: { username: string } }[] } };
      }>(VIEWERS, { id: s.id }, ana.token);
      expect(own.story.viewers.edges.map((e) => e.node.username)).toEqual([cy.username, bob.username]);
      expect(new Date(own.story.viewers.edges[0]!.seenAt).getTime()).toBeGreaterThan(
        new Date(own.story.viewers.edges[1]!.seenAt).getTime(),
      );
      const theirs = await api.ok<{ story: { viewers: null; responses: null } }>(
        VIEWERS,
        { id: s.id },
        bob.token,
      );
      expect(theirs.story).toEqual({ viewers: null, responses: null });
    });
  });

  describe('stickers and responses', () => {
    const VOTE =
      'mutation($id: ID!, $o: Int!) { voteInStoryPoll(storyId: $id, option: $o) { poll { counts total viewerVote } } }';
    const SLIDE =
      'mutation($id: ID!, $v: Float!) { slideStorySlider(storyId: $id, value: $v) { slider { average responseCount viewerValue } } }';

    it('counts a poll vote once; results are for the owner and voters', async () => {
      const [ana, bob, cy, dee] = [
        await seed.user(),
        await seed.user(),
        await seed.user(),
        await seed.user(),
      ];
      const s = await story(ana, { overlays: [POLL] });
      // The owner watches the results; answering is for the people watching.
      const own = await api.fails(VOTE, { id: s.id, o: 0 }, ana.token);
      expect([own.extensions?.code, own.extensions?.field]).toEqual(['BAD_USER_INPUT', 'storyId']);
      const voted = await api.ok<{ voteInStoryPoll: Story }>(VOTE, { id: s.id, o: 1 }, bob.token);
      expect(voted.voteInStoryPoll.poll).toEqual({ counts: [0, 1], total: 1, viewerVote: 1 });
      await api.ok(VOTE, { id: s.id, o: 1 }, bob.token);
      const again = await api.fails(VOTE, { id: s.id, o: 0 }, bob.token);
      expect(again.extensions?.code).toBe('CONFLICT');
      const range = await api.fails(VOTE, { id: s.id, o: 2 }, cy.token);
      expect(range.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'option' });
      await api.ok(VOTE, { id: s.id, o: 0 }, cy.token);
      expect((await read(s.id, dee))!.poll).toEqual({ counts: null, total: null, viewerVote: null });
      expect((await read(s.id))!.poll).toEqual({ counts: null, total: null, viewerVote: null });
      expect((await read(s.id, ana))!.poll).toEqual({ counts: [1, 1], total: 2, viewerVote: null });
      expect((await read(s.id, cy))!.poll).toEqual({ counts: [1, 1], total: 2, viewerVote: 0 });
    });

    it('takes a slider position from 0 to 1, once', async () => {
      const [ana, bob, cy] = [await seed.user(), await seed.user(), await seed.user()];
      const s = await story(ana, { overlays: [SLIDER] });
      const out = await api.fails(SLIDE, { id: s.id, v: 1.5 }, bob.token);
      expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
      const first = await api.ok<{ slideStorySlider: Story }>(SLIDE, { id: s.id, v: 0.25 }, bob.token);
      expect(first.slideStorySlider.slider).toEqual({ average: 0.25, responseCount: 1, viewerValue: 0.25 });
      expect((await api.fails(SLIDE, { id: s.id, v: 0.3 }, bob.token)).extensions?.code).toBe('CONFLICT');
      expect((await read(s.id, cy))!.slider).toEqual({
        average: null,
        responseCount: null,
        viewerValue: null,
      });
      await api.ok(SLIDE, { id: s.id, v: 0.75 }, cy.token);
      expect((await read(s.id, ana))!.slider).toEqual({ average: 0.5, responseCount: 2, viewerValue: null });
      const none = await story(ana);
      expect((await api.fails(SLIDE, { id: none.id, v: 0.5 }, bob.token)).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('takes answers, reactions from the set and replies within limits, notifies and streams them to the owner', async () => {
      const [ana, bob] = [await seed.user(), await seed.user()];
      const s = await story(ana, { overlays: [QUESTION] });
      const socket = await connect(server.url, { token: ana.token });
      try {
        socket.subscribe(
          'a',
          `subscription { storyActivity(storyId: "${s.id}") { id viewers { edges { node { username } } } } }`,
        );
        await new Promise((r) => setTimeout(r, 200));
        const act = (m: string, vars: Record<string, unknown>) =>
          api.gql(
            `mutation($id: ID!, $t: String!) { ${m} { id } }`,
            { id: s.id, ...vars },
            { token: bob.token },
          );
        expect(
          (await act('answerStoryQuestion(storyId: $id, text: $t)', { t: 'Pizza' })).errors,
        ).toBeUndefined();
        expect(
          (await act('answerStoryQuestion(storyId: $id, text: $t)', { t: 'x'.repeat(201) })).errors?.[0]
            ?.extensions?.field,
        ).toBe('text');
        expect((await act('reactToStory(storyId: $id, emoji: $t)', { t: '🔥' })).errors).toBeUndefined();
        expect(
          (await act('reactToStory(storyId: $id, emoji: $t)', { t: '🐙' })).errors?.[0]?.extensions?.field,
        ).toBe('emoji');
        expect((await act('replyToStory(storyId: $id, text: $t)', { t: 'So good!' })).errors).toBeUndefined();
        expect(
          (await act('replyToStory(storyId: $id, text: $t)', { t: 'x'.repeat(1001) })).errors?.[0]?.extensions
            ?.field,
        ).toBe('text');
        expect(
          (await act('replyToStory(storyId: $id, text: $t)', { t: '   ' })).errors?.[0]?.extensions?.field,
        ).toBe('text');
        await markSeen(bob, [s.id]);
        await socket.waitFor(() => socket.data('a').length >= 4);
        const RESPONSES = `query($id: ID!) { story(id: $id) {
          answers: responses(kind: ANSWER) { edges { node { text user { username } } } }
          reactions: responses(kind: REACTION) { edges { node { text } } }
          replies: responses(kind: REPLY) { edges { node { text } } } } }`;
        const own = await api.ok<{ story: Record<string, { edges: { node: { text: string } }[] }> }>(
          RESPONSES,
          { id: s.id },
          ana.token,
        );
        expect(own.story.answers!.edges.map((e) => e.node.text)).toEqual(['Pizza']);
        expect(own.story.reactions!.edges.map((e) => e.node.text)).toEqual(['🔥']);
        expect(own.story.replies!.edges.map((e) => e.node.text)).toEqual(['So good!']);
        const kinds = (await notifications(ana)).map((n) => n.kind).sort();
        expect(kinds).toEqual(['STORY_REACTION', 'STORY_REPLY']);
      } finally {
        await socket.close();
      }
    });
  });
});
