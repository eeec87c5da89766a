import { type Case, defineCase } from './case';
import { uploadGone } from './cases-posts';
import { copyStory } from './stories';
import {
  type Cell,
  classify,
  countRows,
  gqlAs,
  marker,
  type StoryFixture,
  type TargetWorld,
  uploadAs,
  withEffect,
} from './world';

/**
 * The owners' stories: the reads report `ok` only when the story's own text is in the answer; the
 * responses (votes, answers, reactions, replies) and views go to the shared stories and are taken back
 * in the database after each cell, so every viewer starts from the same world.
 */

/** What a read selects of a story: its text, its photo and what only the owner sees. */
const STORY = `id closeFriendsOnly overlays { text question } image { sources { url } }
  poll { counts total viewerVote } slider { average responseCount }
  viewers { edges { node { username } } } responses(kind: REPLY) { edges { node { text } } }`;

const hasText = (story: { overlays: { text: string | null }[] } | null | undefined, fixture: StoryFixture) =>
  story?.overlays.some((o) => o.text === fixture.text) ?? false;

interface StoryData {
  id: string;
  overlays: { text: string | null }[];
}

/** Owner and follower see the close friends story beside the other: an answer without it is wrong. */
function closeFriendsShown(cell: Cell, stories: { id: string }[]): boolean {
  const shown = stories.some((s) => s.id === cell.target.closeFriendsStory.id);
  return shown === (cell.viewer === 'owner' || cell.viewer === 'follower');
}

const storyRead = (name: string, pick: (target: TargetWorld) => StoryFixture) =>
  defineCase({
    name,
    run: async ({ world, caller, target }) => {
      const fixture = pick(target);
      const res = await gqlAs<{ story: StoryData | null }>(
        world,
        caller,
        `query($id: ID!) { story(id: $id) { ${STORY} } }`,
        { id: fixture.id },
      );
      return classify(res, (data) => (hasText(data.story, fixture) ? 'ok' : 'hidden'));
    },
  });

const db = (cell: Cell) => cell.world.server.glimpse.platform.db;
const callerId = (cell: Cell) => cell.caller?.id ?? null;

/**
 * A response to one of the owner's stories: `ok` when the call succeeded and the response is stored in
 * `table`; the caller's rows there are deleted afterwards.
 */
const response = (
  name: string,
  pick: (target: TargetWorld) => StoryFixture,
  mutation: string,
  variables: Record<string, unknown>,
  table: 'story_votes' | 'story_responses',
) =>
  defineCase({
    name,
    run: async (cell) => {
      const story = pick(cell.target).id;
      const stored = () =>
        countRows(cell.world, `${table} where story_id = $1 and user_id = $2`, [story, callerId(cell)]);
      const before = await stored();
      const res = await gqlAs<Record<string, StoryData>>(cell.world, cell.caller, mutation, {
        id: story,
        ...variables,
      });
      const observed = classify(res, (data) => (Object.values(data)[0]?.id === story ? 'ok' : 'hidden'));
      const after = await stored();
      if (after > 0)
        await db(cell).query(`delete from ${table} where story_id = $1 and user_id = $2`, [
          story,
          callerId(cell),
        ]);
      return withEffect(observed, after !== before);
    },
  });

export const STORY_CASES: Case<unknown>[] = [
  defineCase({
    name: 'Query.storyTray',
    run: async (cell) => {
      const res = await gqlAs<{ storyTray: { user: { id: string }; stories: StoryData[] }[] }>(
        cell.world,
        cell.caller,
        `{ storyTray { user { id username } hasUnseen closeFriendsOnly stories { ${STORY} } } }`,
      );
      return classify(res, (data) => {
        const entry = data.storyTray.find((e) => e.user.id === cell.target.owner.id);
        if (!entry?.stories.some((s) => hasText(s, cell.target.story))) return 'hidden';
        return closeFriendsShown(cell, entry.stories) ? 'ok' : 'unexpected: the close friends story is amiss';
      });
    },
  }),
  storyRead('Query.story', (t) => t.story),
  storyRead('Query.story[close friends]', (t) => t.closeFriendsStory),
  storyRead('Query.story[expired]', (t) => t.highlightStory),
  defineCase({
    name: 'Query.user[stories]',
    run: async (cell) => {
      const res = await gqlAs<{ user: { stories: StoryData[] } | null }>(
        cell.world,
        cell.caller,
        `query($u: String!) { user(username: $u) { viewerCloseFriend stories { ${STORY} } } }`,
        { u: cell.target.owner.username },
      );
      return classify(res, (data) => {
        const stories = data.user?.stories ?? [];
        if (!stories.some((s) => hasText(s, cell.target.story))) return 'hidden';
        return closeFriendsShown(cell, stories) ? 'ok' : 'unexpected: the close friends story is amiss';
      });
    },
  }),
  defineCase({
    name: 'Query.user[highlights]',
    run: async ({ world, caller, target }) => {
      const res = await gqlAs<{
        user: { highlights: { id: string; title: string; stories: StoryData[] }[] } | null;
      }>(
        world,
        caller,
        `query($u: String!) { user(username: $u) { highlights { id title cover { sources { url } } stories { ${STORY} } } } }`,
        { u: target.owner.username },
      );
      return classify(res, (data) => {
        const highlight = data.user?.highlights.find((h) => h.id === target.highlightId);
        if (!highlight) return 'hidden';
        const complete =
          highlight.title === target.highlightTitle &&
          highlight.stories.some((s) => hasText(s, target.highlightStory));
        return complete ? 'ok' : 'unexpected: the highlight came back without its story';
      });
    },
  }),
  defineCase({
    name: 'Query.viewer[stories]',
    // The caller's own archive, close friends and activity; the owner's archive holds the expired story.
    run: async ({ world, caller, viewer, target }) => {
      const res = await gqlAs<{
        viewer: {
          user: { id: string };
          storyArchive: { edges: { node: { id: string } }[] };
          closeFriends: { edges: { node: { id: string } }[] };
        } | null;
      }>(
        world,
        caller,
        `{ viewer { user { id } storyArchive { edges { node { ${STORY} } } }
           closeFriends { edges { node { id username } } }
           notifications { edges { node { kind subjectId actors { username } post { caption } comment { text } } } } } }`,
      );
      return classify(res, (data) => {
        if (!data.viewer) return 'hidden';
        if (data.viewer.user.id !== caller?.id) return 'unexpected: another account';
        const archived = data.viewer.storyArchive.edges.some((e) => e.node.id === target.highlightStory.id);
        const friend = data.viewer.closeFriends.edges.some((e) => e.node.id === world.people.follower.id);
        if (archived !== (viewer === 'owner') || friend !== (viewer === 'owner'))
          return 'unexpected: not the caller’s own archive or close friends';
        return 'self';
      });
    },
  }),
  defineCase<string>({
    name: 'Mutation.createStory',
    // Someone else's pending upload, tried as the photo of a new story.
    prepare: (world, target) => uploadAs(world, target.owner),
    run: async ({ world, caller, target }, uploadId) => {
      const res = await gqlAs<{ createStory: { id: string } }>(
        world,
        caller,
        'mutation($input: CreateStoryInput!) { createStory(input: $input) { id owner { id } } }',
        { input: { uploadId, overlays: [{ kind: 'TEXT', x: 0.5, y: 0.5, text: marker('stolen') }] } },
      );
      const observed = classify(res, (data) => (data.createStory.id ? 'ok' : 'hidden'));
      if (res.data?.createStory) {
        await world.api.ok(
          'mutation($id: ID!) { deleteStory(id: $id) { deletedId } }',
          { id: res.data.createStory.id },
          target.owner.token,
        );
      }
      return uploadGone(observed);
    },
  }),
  defineCase<string>({
    name: 'Mutation.deleteStory',
    prepare: (world, target) => copyStory(world, target.story.id),
    run: async (cell, storyId) => {
      const res = await gqlAs<{ deleteStory: { deletedId: string } }>(
        cell.world,
        cell.caller,
        'mutation($id: ID!) { deleteStory(id: $id) { deletedId } }',
        { id: storyId },
      );
      const observed = classify(res, (data) => (data.deleteStory.deletedId === storyId ? 'ok' : 'hidden'));
      return withEffect(observed, (await countRows(cell.world, 'stories where id = $1', [storyId])) === 0);
    },
  }),
  defineCase({
    name: 'Mutation.markStoriesSeen',
    // A view is recorded for others; the owner's own story comes back without one.
    run: async (cell) => {
      const story = cell.target.story.id;
      const views = () =>
        countRows(cell.world, 'story_views where story_id = $1 and viewer_id = $2', [story, callerId(cell)]);
      const res = await gqlAs<{ markStoriesSeen: StoryData[] }>(
        cell.world,
        cell.caller,
        `mutation($ids: [ID!]!) { markStoriesSeen(ids: $ids) { ${STORY} } }`,
        { ids: [story] },
      );
      const observed = classify(res, (data) =>
        data.markStoriesSeen.some((s) => hasText(s, cell.target.story)) ? 'ok' : 'hidden',
      );
      const viewed = (await views()) > 0;
      await db(cell).query('delete from story_views where story_id = $1 and viewer_id = $2', [
        story,
        callerId(cell),
      ]);
      if (cell.viewer === 'owner')
        return viewed ? { ...observed, outcome: 'unexpected: the owner viewed its own story' } : observed;
      return withEffect(observed, viewed);
    },
  }),
  response(
    'Mutation.voteInStoryPoll',
    (t) => t.story,
    'mutation($id: ID!) { voteInStoryPoll(storyId: $id, option: 1) { id poll { counts total viewerVote } } }',
    {},
    'story_votes',
  ),
  response(
    'Mutation.slideStorySlider',
    (t) => t.story,
    'mutation($id: ID!) { slideStorySlider(storyId: $id, value: 0.7) { id slider { average responseCount } } }',
    {},
    'story_votes',
  ),
  response(
    'Mutation.answerStoryQuestion',
    (t) => t.story,
    'mutation($id: ID!, $text: String!) { answerStoryQuestion(storyId: $id, text: $text) { id } }',
    { text: 'an answer' },
    'story_responses',
  ),
  response(
    'Mutation.reactToStory',
    (t) => t.story,
    'mutation($id: ID!) { reactToStory(storyId: $id, emoji: "🔥") { id } }',
    {},
    'story_responses',
  ),
  response(
    'Mutation.reactToStory[expired]',
    (t) => t.highlightStory,
    'mutation($id: ID!) { reactToStory(storyId: $id, emoji: "🔥") { id } }',
    {},
    'story_responses',
  ),
  response(
    'Mutation.replyToStory',
    (t) => t.story,
    'mutation($id: ID!, $text: String!) { replyToStory(storyId: $id, text: $text) { id } }',
    { text: 'a reply' },
    'story_responses',
  ),
  response(
    'Mutation.replyToStory[close friends]',
    (t) => t.closeFriendsStory,
    'mutation($id: ID!, $text: String!) { replyToStory(storyId: $id, text: $text) { id } }',
    { text: 'a reply' },
    'story_responses',
  ),
];
