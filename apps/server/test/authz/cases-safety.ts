import { type Case, defineCase } from './case';
import { classify, gqlAs } from './world';

/**
 * Restrict and mute act on the caller's own relation to the owner (then are undone, so later cells
 * see the world as it was); nobody can act on an account they cannot see. Hidden words and limits are
 * the caller's own settings. Only a post's author approves a held comment, and the owner's comment
 * here is not held, so approving it finds nothing for anyone.
 */
const relation = (name: string, field: string, extra = '', undo?: string) =>
  defineCase({
    name,
    run: async ({ world, caller, target }) => {
      const res = await gqlAs(world, caller, `mutation($id: ID!) { ${field}(userId: $id${extra}) { id } }`, {
        id: target.owner.id,
      });
      const observed = classify(res, () => 'self');
      if (observed.outcome === 'self' && undo) {
        await gqlAs(world, caller, `mutation($id: ID!) { ${undo} }`, { id: target.owner.id });
      }
      return observed;
    },
  });

const setting = (name: string, query: string) =>
  defineCase({
    name,
    run: async ({ world, caller }) => classify(await gqlAs(world, caller, query), () => 'self'),
  });

export const SAFETY_CASES: Case<unknown>[] = [
  relation('Mutation.restrict', 'restrict', '', 'unrestrict(userId: $id) { id }'),
  relation('Mutation.unrestrict', 'unrestrict'),
  relation(
    'Mutation.mute',
    'mute',
    ', posts: true, stories: true',
    'mute(userId: $id, posts: false, stories: false) { id }',
  ),
  setting(
    'Mutation.setHiddenWords',
    'mutation { setHiddenWords(words: [], useDefault: true) { useDefault } }',
  ),
  setting('Mutation.limitInteractions', 'mutation { limitInteractions(days: null) }'),
  defineCase({
    name: 'Mutation.approveComment',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs(world, caller, 'mutation($id: ID!) { approveComment(id: $id) { id } }', {
          id: target.commentId,
        }),
        () => 'unexpected: approved',
      ),
  }),
];
