import { type Case, defineCase } from './case';
import {
  type Cell,
  classify,
  countRows,
  gqlAs,
  marker,
  type Observed,
  type World,
  withEffect,
} from './world';

/**
 * Close friends lists and highlights. A close friends list is the caller's own: adding or removing the
 * owner touches the caller's list and never the owner's (which holds the follower). Highlights are the
 * owner's: a throwaway one per cell for the calls that change or delete one.
 */

/** The owner's own close friends list, as the database holds it. */
async function ownersList(cell: Cell): Promise<number> {
  return countRows(cell.world, 'close_friends where owner_id = $1', [cell.target.owner.id]);
}

const onCallersList = (cell: Cell) =>
  countRows(cell.world, 'close_friends where owner_id = $1 and friend_id = $2', [
    cell.caller?.id ?? null,
    cell.target.owner.id,
  ]);

const listCall = (name: string, field: string, prime: boolean) =>
  defineCase({
    name,
    run: async (cell) => {
      const { world, caller, target } = cell;
      const add = 'mutation($id: ID!) { addCloseFriend(userId: $id) { id } }';
      if (prime && caller && caller !== target.owner)
        await gqlAs(world, caller, add, { id: target.owner.id });
      const [list, before] = [await ownersList(cell), await onCallersList(cell)];
      const res = await gqlAs<Record<string, { id: string }>>(
        world,
        caller,
        `mutation($id: ID!) { ${field}(userId: $id) { id username viewerCloseFriend } }`,
        { id: target.owner.id },
      );
      const observed = classify(res, (data) =>
        Object.values(data)[0]?.id === target.owner.id ? 'self' : 'hidden',
      );
      const after = await onCallersList(cell);
      await world.server.glimpse.platform.db.query(
        'delete from close_friends where owner_id = $1 and friend_id = $2',
        [caller?.id ?? null, target.owner.id],
      );
      if ((await ownersList(cell)) !== list)
        return { ...observed, outcome: "unexpected: changed the owner's close friends" };
      if (!prime) return withEffect(observed, after !== before, ['self']);
      // Removing: the owner is on no list of its own, so its call changes nothing and is still its own.
      if (observed.outcome === 'self' && after !== 0)
        return { ...observed, outcome: 'unexpected: still on the list' };
      if (observed.outcome !== 'self' && after !== before)
        return { ...observed, outcome: 'unexpected: refused yet the list changed' };
      return observed;
    },
  });

/** A throwaway highlight of the owner holding its live story. */
async function throwawayHighlight(world: World, target: Cell['target']): Promise<string> {
  const data = await world.api.ok<{ createHighlight: { id: string } }>(
    'mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { id } }',
    { input: { title: marker('hl'), storyIds: [target.story.id] } },
    target.owner.token,
  );
  return data.createHighlight.id;
}

const highlightTitle = async (world: World, id: string) => {
  const [row] = await world.server.glimpse.platform.db.query<{ title: string }>(
    'select title from highlights where id = $1',
    [id],
  );
  return row?.title ?? null;
};

/**
 * Someone else's story in a new highlight must be refused exactly as an ID that does not exist: that is
 * `hidden`, like someone else's upload.
 */
async function storyGone(
  cell: Cell,
  observed: Observed,
  call: (id: string) => Promise<Observed>,
): Promise<Observed> {
  if (observed.outcome !== 'rejected') return observed;
  const missing = await call('1');
  return missing.outcome === 'rejected' && missing.body === observed.body
    ? { ...observed, outcome: 'hidden' as const }
    : { ...observed, outcome: `unexpected: refused unlike a story that does not exist (${cell.viewer})` };
}

export const HIGHLIGHT_CASES: Case<unknown>[] = [
  listCall('Mutation.addCloseFriend', 'addCloseFriend', false),
  listCall('Mutation.removeCloseFriend', 'removeCloseFriend', true),
  defineCase({
    name: 'Mutation.createHighlight',
    run: async (cell) => {
      const { world, caller, target } = cell;
      const inHighlights = () => countRows(world, 'highlight_stories where story_id = $1', [target.story.id]);
      const before = await inHighlights();
      let made = false;
      const create = async (storyId: string) => {
        const res = await gqlAs<{ createHighlight: { id: string } }>(
          world,
          caller,
          'mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { id title } }',
          { input: { title: 'mine now', storyIds: [storyId] } },
        );
        const id = res.data?.createHighlight?.id;
        if (id) {
          made = true;
          await gqlAs(world, caller, 'mutation($id: ID!) { deleteHighlight(id: $id) { deletedId } }', { id });
        }
        return classify(res, (data) => (data.createHighlight.id ? 'ok' : 'hidden'));
      };
      const observed = await storyGone(cell, await create(target.story.id), create);
      return withEffect(observed, made || (await inHighlights()) !== before);
    },
  }),
  defineCase<string>({
    name: 'Mutation.updateHighlight',
    prepare: throwawayHighlight,
    run: async ({ world, caller }, id) => {
      const before = await highlightTitle(world, id);
      const res = await gqlAs<{ updateHighlight: { id: string } }>(
        world,
        caller,
        'mutation($input: UpdateHighlightInput!) { updateHighlight(input: $input) { id title } }',
        { input: { id, title: 'renamed' } },
      );
      const observed = classify(res, (data) => (data.updateHighlight.id === id ? 'ok' : 'hidden'));
      return withEffect(observed, (await highlightTitle(world, id)) !== before);
    },
  }),
  defineCase<string>({
    name: 'Mutation.deleteHighlight',
    prepare: throwawayHighlight,
    run: async ({ world, caller }, id) => {
      const res = await gqlAs<{ deleteHighlight: { deletedId: string } }>(
        world,
        caller,
        'mutation($id: ID!) { deleteHighlight(id: $id) { deletedId } }',
        { id },
      );
      const observed = classify(res, (data) => (data.deleteHighlight.deletedId === id ? 'ok' : 'hidden'));
      return withEffect(observed, (await highlightTitle(world, id)) === null);
    },
  }),
];
