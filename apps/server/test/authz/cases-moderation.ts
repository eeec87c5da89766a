import { type Case, defineCase } from './case';
import { classify, gqlAs, ownerView } from './world';

/**
 * Moderation. None of the six viewers is a moderator, so the moderators' fields are refused to all of
 * them; reporting follows the visibility of the thing reported.
 */
const moderatorsOnly = (name: string, query: string, variables: (id: string) => Record<string, unknown>) =>
  defineCase({
    name,
    run: async ({ world, caller, target }) => {
      const observed = classify(await gqlAs(world, caller, query, variables(target.post.id)), () => 'ok');
      // A refused moderator action must leave the post as it was.
      const intact = (await ownerView(world, target, target.post.id)) !== null;
      return intact
        ? observed
        : { ...observed, outcome: `unexpected: ${observed.outcome} yet the post is gone` };
    },
  });

export const MODERATION_CASES: Case<unknown>[] = [
  moderatorsOnly('Query.moderationQueue', '{ moderationQueue { edges { cursor } } }', () => ({})),
  moderatorsOnly('Query.moderationLog', '{ moderationLog { edges { cursor } } }', () => ({})),
  moderatorsOnly('Query.openAppeals', '{ openAppeals { id } }', () => ({})),
  moderatorsOnly(
    'Mutation.moderate',
    'mutation($id: ID!) { moderate(input: { subject: POST, id: $id, action: REMOVE }) { id } }',
    (id) => ({ id }),
  ),
  moderatorsOnly(
    'Mutation.decideAppeal',
    'mutation($id: ID!) { decideAppeal(id: $id, grant: true) { id } }',
    (id) => ({ id }),
  ),
  defineCase({
    name: 'Mutation.report',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ report: boolean }>(
          world,
          caller,
          'mutation($id: ID!) { report(input: { subject: POST, id: $id, reason: SPAM }) }',
          { id: target.post.id },
        ),
        (data) => (data.report ? 'ok' : 'unexpected: false'),
      ),
  }),
  defineCase({
    name: 'Mutation.appeal',
    // No moderator acted on anyone here: appealing the post's ID as an action finds nothing, for everyone.
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs(world, caller, 'mutation($id: ID!) { appeal(actionId: $id, text: "please") { id } }', {
          id: target.post.id,
        }),
        () => 'ok',
      ),
  }),
  defineCase({
    name: 'Mutation.appealSuspension',
    // The owner's username with a wrong password: refused alike for everyone.
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs(
          world,
          caller,
          'mutation($u: String!) { appealSuspension(username: $u, password: "not the password", text: "please") }',
          { u: target.owner.username },
        ),
        () => 'unexpected: accepted',
      ),
  }),
];
