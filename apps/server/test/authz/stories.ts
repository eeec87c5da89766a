import type { SeededUser } from '../support/seed';
import { uploadAs, type World } from './world';

/** The owners' stories in the matrix's world: posting one, expiring one, and where its photo is served. */

/** The stickers of the world's story for everyone: a poll, an emoji slider and a question. */
const STICKERS = (question: string) => [
  { kind: 'POLL', x: 0.5, y: 0.3, question, options: ['yes', 'no'] },
  { kind: 'SLIDER', x: 0.5, y: 0.55, question, emoji: '🔥' },
  { kind: 'QUESTION', x: 0.5, y: 0.78, question },
];

/** Posts a story without waiting for its photo (call seed.waitForJobs() once for a batch). */
export async function draftStory(
  world: World,
  owner: SeededUser,
  options: { text: string; audience?: 'EVERYONE' | 'CLOSE_FRIENDS'; stickers?: boolean },
): Promise<string> {
  const uploadId = await uploadAs(world, owner, '#d5a33a');
  const overlays = [
    { kind: 'TEXT', x: 0.5, y: 0.08, text: options.text },
    ...(options.stickers ? STICKERS(`${options.text}?`) : []),
  ];
  const data = await world.api.ok<{ createStory: { id: string } }>(
    'mutation($input: CreateStoryInput!) { createStory(input: $input) { id } }',
    { input: { uploadId, audience: options.audience ?? 'EVERYONE', overlays } },
    owner.token,
  );
  return data.createStory.id;
}

/**
 * Moves a story past its 24 hours and into its owner's archive, as the expiry job leaves it. Done in the
 * database rather than with the application's clock, which every test of the process shares.
 */
export async function expireStory(world: World, storyId: string): Promise<void> {
  const now = Date.now();
  await world.server.glimpse.platform.db.query(
    'update stories set created_at = $2, expires_at = $3, archived_at = $3 where id = $1',
    [storyId, new Date(now - 25 * 3_600_000), new Date(now - 3_600_000)],
  );
}

export async function storyPathOf(world: World, owner: SeededUser, storyId: string): Promise<string> {
  const view = await world.api.ok<{ story: { image: { sources: { url: string }[] } | null } | null }>(
    'query($id: ID!) { story(id: $id) { image { sources { url } } } }',
    { id: storyId },
    owner.token,
  );
  const url = view.story?.image?.sources[0]?.url;
  if (!url) throw new Error(`story ${storyId} has no photo`);
  return new URL(url, world.api.url).pathname;
}

/**
 * A READY copy of a story with no files of its own (rendering a story per cell would take minutes):
 * something to delete without touching the world's stories or their files.
 */
export async function copyStory(world: World, storyId: string): Promise<string> {
  const [row] = await world.server.glimpse.platform.db.query<{ id: string }>(
    `insert into stories (id, owner_id, audience, status, original_key, media_key, width, height, overlays,
       created_at, expires_at)
     select next_id(shard_of(owner_id)), owner_id, audience, status, 'missing/' || md5(random()::text),
       md5(random()::text), width, height, overlays, created_at, expires_at
     from stories where id = $1 returning id::text as id`,
    [storyId],
  );
  if (!row) throw new Error(`no story ${storyId} to copy`);
  return row.id;
}
