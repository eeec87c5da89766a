import { type Case, defineCase } from './case';
import {
  type Cell,
  classify,
  gqlAs,
  type Observed,
  restoreFollower,
  restoreRequester,
  restoreStranger,
  type World,
} from './world';

/**
 * The social graph with the target's owner on the other side. A cell snapshots every follow, request,
 * block and favorite among the world's accounts: a refused call must leave it exactly as it was. A
 * successful call is undone so the next cell starts from the same world.
 */

async function ties(world: World): Promise<string> {
  const ids = [
    world.targets.private.owner.id,
    world.targets.public.owner.id,
    ...Object.values(world.people).map((p) => p.id),
  ];
  const [row] = await world.server.glimpse.platform.db.query<{ ties: string | null }>(
    `select string_agg(tie, ' ' order by tie) as ties from (
       select 'follow:' || follower_id || '>' || followee_id as tie from follows
         where follower_id = any($1::bigint[]) and followee_id = any($1::bigint[])
       union all select 'request:' || requester_id || '>' || target_id from follow_requests
         where requester_id = any($1::bigint[]) and target_id = any($1::bigint[])
       union all select 'block:' || blocker_id || '>' || blocked_id from blocks
         where blocker_id = any($1::bigint[]) and blocked_id = any($1::bigint[])
       union all select 'favorite:' || user_id || '>' || favorite_id from favorites
         where user_id = any($1::bigint[]) and favorite_id = any($1::bigint[])
     ) t`,
    [ids],
  );
  return row?.ties ?? '';
}

/** Puts the caller's ties with both accounts back as the world has them. */
async function restore(cell: Cell): Promise<void> {
  if (cell.viewer === 'follower')
    for (const target of Object.values(cell.world.targets)) await restoreFollower(cell.world, target);
  if (cell.viewer === 'requester') await restoreRequester(cell.world);
  if (cell.viewer === 'stranger') await restoreStranger(cell.world);
}

const graphCase = (
  name: string,
  field: string,
  subject: (cell: Cell) => string,
  outcome: (cell: Cell, before: string, after: string) => Observed['outcome'] = () => 'ok',
  undo: (cell: Cell) => Promise<void> = restore,
) =>
  defineCase({
    name,
    run: async (cell) => {
      const before = await ties(cell.world);
      const res = await gqlAs<Record<string, { id: string }>>(
        cell.world,
        cell.caller,
        `mutation($id: ID!) { ${field}(userId: $id) { id viewerFollowState viewerCanSeeContent posts { edges { node { caption } } } } }`,
        { id: subject(cell) },
      );
      const after = await ties(cell.world);
      const observed = classify(res, () => outcome(cell, before, after));
      if (observed.outcome === 'ok' || observed.outcome === 'self') await undo(cell);
      else if (before !== after)
        return { ...observed, outcome: `unexpected: ${observed.outcome} yet the graph changed` };
      if ((await ties(cell.world)) !== before)
        return { ...observed, outcome: 'unexpected: the world could not be restored' };
      return observed;
    },
  });

const owner = (cell: Cell) => cell.target.owner.id;
const tie = (kind: string, from: { id: string }, to: { id: string }) => `${kind}:${from.id}>${to.id}`;

export const GRAPH_CASES: Case<unknown>[] = [
  graphCase('Mutation.follow', 'follow', owner),
  graphCase('Mutation.unfollow', 'unfollow', owner),
  graphCase(
    'Mutation.approveFollowRequest',
    'approveFollowRequest',
    (cell) => cell.world.people.requester.id,
    () => 'ok',
    async (cell) => {
      await cell.world.api.ok(
        'mutation($id: ID!) { removeFollower(userId: $id) { id } }',
        { id: cell.world.people.requester.id },
        cell.target.owner.token,
      );
      await restoreRequester(cell.world);
    },
  ),
  graphCase(
    'Mutation.declineFollowRequest',
    'declineFollowRequest',
    (cell) => cell.world.people.requester.id,
    () => 'ok',
    (cell) => restoreRequester(cell.world),
  ),
  graphCase(
    'Mutation.removeFollower',
    'removeFollower',
    (cell) => cell.world.people.follower.id,
    // Everyone may remove a follower of their own; only the owner can remove one of the owner's.
    (cell, before, after) => {
      const follows = tie('follow', cell.world.people.follower, cell.target.owner);
      return before.includes(follows) && !after.includes(follows) ? 'ok' : 'self';
    },
    (cell) => restoreFollower(cell.world, cell.target),
  ),
  graphCase('Mutation.block', 'block', owner),
  graphCase('Mutation.unblock', 'unblock', owner),
  graphCase('Mutation.addFavorite', 'addFavorite', owner, () => 'self'),
  graphCase('Mutation.removeFavorite', 'removeFavorite', owner, () => 'self'),
  defineCase({
    name: 'Mutation.markPostsSeen',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ markPostsSeen: boolean }>(
          world,
          caller,
          'mutation($ids: [ID!]!) { markPostsSeen(postIds: $ids) }',
          {
            ids: [target.post.id, target.archived.id],
          },
        ),
        (data) => (data.markPostsSeen ? 'self' : 'unexpected: false'),
      ),
  }),
  defineCase({
    name: 'Mutation.recordProfileVisit',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ recordProfileVisit: boolean }>(
          world,
          caller,
          'mutation($id: ID!) { recordProfileVisit(userId: $id) }',
          {
            id: target.owner.id,
          },
        ),
        (data) => (data.recordProfileVisit ? 'self' : 'unexpected: false'),
      ),
  }),
  defineCase({
    name: 'Mutation.dismissSuggestion',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ dismissSuggestion: boolean }>(
          world,
          caller,
          'mutation($id: ID!) { dismissSuggestion(userId: $id) }',
          {
            id: target.owner.id,
          },
        ),
        (data) => (data.dismissSuggestion ? 'self' : 'unexpected: false'),
      ),
  }),
];
