import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { photo, type Seed, type SeededUser } from './support/seed';

/** Highlights: named collections of an owner's stories, on the profile after the stories' 24 hours. */
const DAY_MS = 24 * 60 * 60 * 1000;

const HIGHLIGHT = 'id title cover { width } stories { id expired }';
type Highlight = { id: string; title: string; cover: { width: number } | null; stories: { id: string }[] };

describe.skipIf(!(await modeAvailable()))(`story highlights [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));
  afterEach(() => server.glimpse.clock.reset());

  const story = async (user: SeededUser, audience: 'EVERYONE' | 'CLOSE_FRIENDS' = 'EVERYONE') => {
    const res = await api.upload(await photo(90, 160, '#e76f51'), user.token);
    const data = await api.ok<{ createStory: { id: string } }>(
      'mutation($input: CreateStoryInput!) { createStory(input: $input) { id } }',
      { input: { uploadId: res.body.id, audience } },
      user.token,
    );
    await seed.waitForJobs();
    return data.createStory.id;
  };
  const create = (user: SeededUser, input: Record<string, unknown>) =>
    api.gql<{ createHighlight: Highlight }>(
      `mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { ${HIGHLIGHT} } }`,
      { input },
      { token: user.token },
    );
  const update = (user: SeededUser, input: Record<string, unknown>) =>
    api.gql<{ updateHighlight: Highlight }>(
      `mutation($input: UpdateHighlightInput!) { updateHighlight(input: $input) { ${HIGHLIGHT} } }`,
      { input },
      { token: user.token },
    );
  const profile = async (owner: SeededUser, viewer?: SeededUser) =>
    (
      await api.ok<{ user: { highlights: Highlight[] } }>(
        `query($u: String!) { user(username: $u) { highlights { ${HIGHLIGHT} } } }`,
        { u: owner.username },
        viewer?.token,
      )
    ).user.highlights;
  const mediaOf = async (storyId: string, viewer: SeededUser) => {
    const data = await api.ok<{ story: { image: { sources: { url: string }[] } } | null }>(
      'query($id: ID!) { story(id: $id) { image { sources { url } } } }',
      { id: storyId },
      viewer.token,
    );
    return new URL(data.story!.image.sources[0]!.url, server.url).pathname;
  };

  it('is made of the owner’s own stories, with a valid title and a cover among them', async () => {
    const [ana, bob] = [await seed.user(), await seed.user()];
    const [s1, s2] = [await story(ana), await story(ana)];
    const bobs = await story(bob);
    const field = async (input: Record<string, unknown>) =>
      (await create(ana, input)).errors?.[0]?.extensions;
    expect(await field({ title: '  ', storyIds: [s1] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await field({ title: 'x'.repeat(31), storyIds: [s1] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await field({ title: 'Trips', storyIds: [] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await field({ title: 'Trips', storyIds: [s1, bobs] })).toMatchObject({ field: 'storyIds.1' });
    expect(await field({ title: 'Trips', storyIds: [s1], coverStoryId: s2 })).toMatchObject({
      field: 'coverStoryId',
    });
    const made = await create(ana, { title: 'Trips', storyIds: [s1, s2], coverStoryId: s2 });
    expect(made.errors).toBeUndefined();
    expect(made.data!.createHighlight).toMatchObject({
      title: 'Trips',
      cover: { width: 1080 },
      stories: [{ id: s1 }, { id: s2 }],
    });
    const id = made.data!.createHighlight.id;
    const s3 = await story(ana);
    const edited = await update(ana, {
      id,
      title: 'Summer',
      addStoryIds: [s3],
      removeStoryIds: [s1],
      coverStoryId: s3,
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateHighlight.title).toBe('Summer');
    expect(edited.data!.updateHighlight.stories.map((s) => s.id)).toEqual([s2, s3]);
    expect((await update(ana, { id, coverStoryId: s1 })).errors?.[0]?.extensions?.field).toBe('coverStoryId');
    expect((await update(ana, { id, addStoryIds: [bobs] })).errors?.[0]?.extensions?.field).toBe(
      'addStoryIds.0',
    );
    expect((await update(ana, { id, removeStoryIds: [s2, s3] })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await update(bob, { id, title: 'Mine' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const DELETE = 'mutation($id: ID!) { deleteHighlight(id: $id) { deletedId } }';
    expect((await api.fails(DELETE, { id }, bob.token)).extensions?.code).toBe('NOT_FOUND');
    await api.ok(DELETE, { id }, ana.token);
    expect(await profile(ana, ana)).toEqual([]);
  }, 120_000);

  it('stays on the profile after 24 hours under the account’s privacy, with its media served', async () => {
    const [ana, follower, stranger] = [
      await seed.user(undefined, { private: true }),
      await seed.user(),
      await seed.user(),
    ];
    await follower.follow(ana);
    await ana.approve(follower);
    const s = await story(ana);
    const path = await mediaOf(s, ana);
    await create(ana, { title: 'Best of', storyIds: [s] });
    server.glimpse.clock.advance(DAY_MS + 1000);
    const seen = await profile(ana, follower);
    expect(seen).toMatchObject([
      { title: 'Best of', cover: { width: 1080 }, stories: [{ id: s, expired: true }] },
    ]);
    expect(await profile(ana, stranger)).toEqual([]);
    expect(await profile(ana)).toEqual([]);
    const served = await api.get(path, follower.token);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toMatch(/^private/);
    expect((await api.get(path, stranger.token)).status).toBe(404);
    expect((await api.get(path)).status).toBe(404);
    // Still not live: the story itself stays out of the tray and off the profile's stories.
    const read = await api.ok<{ story: { id: string } | null }>(
      'query($id: ID!) { story(id: $id) { id } }',
      { id: s },
      follower.token,
    );
    expect(read.story).toBeNull();
  }, 120_000);

  it('hides close friends stories in a highlight from others, and an all-close-friends highlight entirely', async () => {
    const [ana, friend, other] = [await seed.user(), await seed.user(), await seed.user()];
    await api.ok('mutation($id: ID!) { addCloseFriend(userId: $id) { id } }', { id: friend.id }, ana.token);
    const open = await story(ana);
    const closed = await story(ana, 'CLOSE_FRIENDS');
    const onlyClosed = await story(ana, 'CLOSE_FRIENDS');
    await create(ana, { title: 'Mixed', storyIds: [open, closed], coverStoryId: closed });
    await create(ana, { title: 'Secret', storyIds: [onlyClosed] });
    expect((await profile(ana, friend)).map((h) => [h.title, h.stories.length])).toEqual([
      ['Mixed', 2],
      ['Secret', 1],
    ]);
    const others = await profile(ana, other);
    expect(others).toMatchObject([{ title: 'Mixed', cover: { width: 1080 }, stories: [{ id: open }] }]);
  }, 120_000);

  it('loses a deleted story, and goes when it held no other', async () => {
    const ana = await seed.user();
    const [s1, s2, s3] = [await story(ana), await story(ana), await story(ana)];
    await create(ana, { title: 'Two', storyIds: [s1, s2], coverStoryId: s1 });
    await create(ana, { title: 'One', storyIds: [s3] });
    const DELETE = 'mutation($id: ID!) { deleteStory(id: $id) { deletedId } }';
    await api.ok(DELETE, { id: s1 }, ana.token);
    await api.ok(DELETE, { id: s3 }, ana.token);
    expect(await profile(ana, ana)).toMatchObject([
      { title: 'Two', cover: { width: 1080 }, stories: [{ id: s2 }] },
    ]);
  }, 120_000);
});
