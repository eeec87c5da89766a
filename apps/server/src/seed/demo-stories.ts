import type { Glimpse } from '../app';
import type { OverlayInput } from '../modules/stories/overlays';
import { generateDemoPhoto } from '../platform/media';

/**
 * Live stories of the demo community, so the first sign-in (maya.okafor) finds a full story tray: one
 * with a poll others already voted in, one for close friends (Maya is on Lena's list: a green ring),
 * and her own. Created through the stories service, as the API does.
 */
interface DemoStory {
  by: string;
  scene: number;
  audience?: 'everyone' | 'close_friends';
  overlays: OverlayInput[];
  /** Poll votes already cast: [username, option]. */
  votes?: readonly (readonly [string, number])[];
}

const DEMO_STORIES: readonly DemoStory[] = [
  {
    by: 'kenji.nights',
    scene: 2,
    overlays: [
      {
        kind: 'TEXT',
        x: 0.5,
        y: 0.15,
        text: '3 a.m. and the city is still awake',
        style: 'NEON',
        color: 'PURPLE',
      },
      { kind: 'HASHTAG', x: 0.5, y: 0.85, hashtag: 'nightphotography' },
    ],
  },
  {
    by: 'sofia.draws',
    scene: 4,
    overlays: [
      {
        kind: 'POLL',
        x: 0.5,
        y: 0.7,
        question: 'Which sketch should I paint next?',
        options: ['The harbour', 'The old tram'],
      },
    ],
    votes: [
      ['kenji.nights', 0],
      ['noor.lines', 1],
      ['zoe.reads', 0],
    ],
  },
  {
    by: 'lena.climbs',
    scene: 0,
    audience: 'close_friends',
    overlays: [
      { kind: 'TEXT', x: 0.5, y: 0.2, text: 'Secret crag, do not tell anyone', style: 'STRONG' },
      { kind: 'SLIDER', x: 0.5, y: 0.75, question: 'Scared of heights?', emoji: '😱' },
    ],
  },
  {
    by: 'maya.okafor',
    scene: 1,
    overlays: [{ kind: 'QUESTION', x: 0.5, y: 0.7, question: 'Where should my next workshop be?' }],
  },
];

/** Lena's close friends (who see her close friends story). */
const CLOSE_FRIENDS: readonly (readonly [string, string])[] = [['lena.climbs', 'maya.okafor']];

export async function seedDemoStories(glimpse: Glimpse, ids: ReadonlyMap<string, string>): Promise<number> {
  const { stories, storyInteractions, uploads } = glimpse.services;
  const idOf = (username: string) => {
    const id = ids.get(username);
    if (!id) throw new Error(`demo stories name an unknown person: ${username}`);
    return id;
  };
  for (const [owner, friend] of CLOSE_FRIENDS) await stories.addCloseFriend(idOf(owner), idOf(friend));
  const created = [];
  for (const [i, story] of DEMO_STORIES.entries()) {
    const ownerId = idOf(story.by);
    const upload = await uploads.accept(
      ownerId,
      await generateDemoPhoto(story.scene + 6 * (i + 40), 1080, 1350),
    );
    const row = await stories.create(ownerId, {
      uploadId: upload.id,
      audience: story.audience ?? 'everyone',
      overlays: story.overlays,
    });
    created.push({ id: row.id, votes: story.votes ?? [] });
  }
  // Votes go to ready stories: wait for the canvases to render.
  await glimpse.jobsIdle();
  const rows = new Map((await stories.byIds(created.map((c) => c.id))).map((r) => [r.id, r]));
  for (const { id, votes } of created) {
    const row = rows.get(id);
    if (!row) continue;
    for (const [username, option] of votes) await storyInteractions.vote(row, idOf(username), option);
  }
  return created.length;
}
