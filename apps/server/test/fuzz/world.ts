import type { Api } from '../support/client';
import type { TestServer } from '../support/harness';
import { createSeed, PASSWORD, photo, type Seed, type SeededUser } from '../support/seed';
import type { Pools } from './values';

/**
 * The fuzz world: a public and a private account with posts, a comment and a story each (the public
 * one's with stickers, in a highlight), a moderator, a warning the public account appealed. Each mutation is fuzzed by a fresh actor (a member or a moderator) that
 * follows the public account and holds an upload, so one mutation's damage (a block, a changed
 * password, a suspension) does not blunt the next one's.
 */
export interface FuzzWorld {
  server: TestServer;
  api: Api;
  seed: Seed;
  pub: SeededUser;
  priv: SeededUser;
  moderator: SeededUser;
  /** IDs (by kind) and strings shared by every actor's pools. */
  ids: Record<string, string[]>;
  strings: string[];
}

export interface Actor {
  user: SeededUser;
  pools: Pools;
}

export async function makeModerator(world: { server: TestServer }, user: SeededUser): Promise<void> {
  await world.server.glimpse.platform.db.query(`update users set role = 'moderator' where id = $1`, [
    user.id,
  ]);
}

export async function buildFuzzWorld(server: TestServer, api: Api): Promise<FuzzWorld> {
  const seed = createSeed(server, api);
  const pub = await seed.user();
  const priv = await seed.user(undefined, { private: true });
  const moderator = await seed.user();
  await makeModerator({ server }, moderator);
  const post = await pub.post({ caption: 'sunset #fuzz @nobody' });
  const privPost = await priv.post({ caption: 'private #fuzz' });
  const commentId = await pub.comment(post, 'first!');
  const warned = await api.ok<{ moderate: { id: string } }>(
    'mutation($input: ModerateInput!) { moderate(input: $input) { id } }',
    { input: { subject: 'POST', id: post.id, action: 'WARN', note: 'a warning' } },
    moderator.token,
  );
  const appeal = await api.ok<{ appeal: { id: string } }>(
    'mutation($id: ID!) { appeal(actionId: $id, text: "please") { id } }',
    { id: warned.moderate.id },
    pub.token,
  );
  await moderator.follow(pub);
  const story = await postStory(api, pub, true);
  const privStory = await postStory(api, priv, false);
  await seed.waitForJobs();
  const highlight = await api.ok<{ createHighlight: { id: string } }>(
    'mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { id } }',
    { input: { title: 'summer', storyIds: [story] } },
    pub.token,
  );
  const notifications = await server.glimpse.platform.db.query<{ id: string }>(
    'select id::text as id from notifications where recipient_id = $1',
    [pub.id],
  );
  // Kinds in the order an argument's name is matched against them (`actionId` before `appeal`).
  const ids: Record<string, string[]> = {
    upload: [],
    media: post.mediaIds,
    comment: [commentId],
    action: [warned.moderate.id],
    appeal: [appeal.appeal.id],
    post: [post.id, privPost.id],
    user: [pub.id, priv.id, moderator.id],
    story: [story, privStory],
    highlight: [highlight.createHighlight.id],
    notification: notifications.map((n) => n.id),
  };
  const strings = [
    PASSWORD,
    pub.username,
    priv.username,
    `${pub.username}@example.test`,
    'a fresh passphrase 42',
    '🔥',
  ];
  return { server, api, seed, pub, priv, moderator, ids, strings };
}

/** A story of the user's (with a poll, a slider and a question when `stickers`), not yet processed. */
async function postStory(api: Api, user: SeededUser, stickers: boolean): Promise<string> {
  const upload = await api.upload(await photo(32, 32), user.token);
  if (!upload.body.id) throw new Error(`upload failed: ${JSON.stringify(upload.body)}`);
  const overlays = stickers
    ? [
        { kind: 'POLL', x: 0.5, y: 0.3, question: 'which?', options: ['this', 'that'] },
        { kind: 'SLIDER', x: 0.5, y: 0.55, question: 'how much?', emoji: '🔥' },
        { kind: 'QUESTION', x: 0.5, y: 0.78, question: 'ask me' },
      ]
    : [];
  const data = await api.ok<{ createStory: { id: string } }>(
    'mutation($input: CreateStoryInput!) { createStory(input: $input) { id } }',
    { input: { uploadId: upload.body.id, overlays } },
    user.token,
  );
  return data.createStory.id;
}

/** A fresh actor with an upload of its own, following the public account. */
export async function newActor(world: FuzzWorld, role: 'member' | 'moderator'): Promise<Actor> {
  const user = await world.seed.user();
  if (role === 'moderator') await makeModerator(world, user);
  await user.follow(world.pub);
  const upload = await world.api.upload(await photo(32, 32), user.token);
  if (!upload.body.id) throw new Error(`upload failed: ${JSON.stringify(upload.body)}`);
  return {
    user,
    pools: {
      ids: { ...world.ids, upload: [upload.body.id], user: [user.id, ...(world.ids.user ?? [])] },
      strings: [user.username, ...world.strings],
    },
  };
}

/**
 * Gives the actor a live session again if the last call ended it (logOut, a password change...);
 * true when it had to.
 */
export async function keepSignedIn(world: FuzzWorld, actor: Actor): Promise<boolean> {
  const { sessions } = world.server.glimpse.services;
  if (await sessions.resolve(actor.user.token)) return false;
  actor.user.token = (await sessions.create(actor.user.id, { userAgent: 'fuzz', ip: '127.0.0.1' })).token;
  return true;
}
