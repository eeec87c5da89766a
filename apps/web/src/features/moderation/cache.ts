import type { Cache } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';
import { invalidateField } from '../profile/cache-lists';

/** Drops, from every cached page of the queue, the cases `drop` picks. */
function dropCases(cache: Cache, drop: (caseKey: string) => boolean) {
  for (const info of cache.inspectFields('Query')) {
    if (info.fieldName !== 'moderationQueue') continue;
    const connection = cache.resolve('Query', info.fieldKey);
    if (typeof connection !== 'string') continue;
    const edges = cache.resolve(connection, 'edges');
    if (!Array.isArray(edges)) continue;
    const kept = edges.filter((edge) => {
      const node = typeof edge === 'string' ? cache.resolve(edge, 'node') : null;
      return typeof node !== 'string' || !drop(node);
    }) as string[];
    if (kept.length !== edges.length) cache.link(connection, 'edges', kept);
  }
}

/**
 * Acting on a case closes its reports, so its card leaves the queue at once; a suspension closes the
 * reports on all the account's content, so the queue is fetched again too. The log gains an entry.
 */
export const moderationCache: CachePart = {
  updates: {
    moderate(result, args, cache) {
      if (!result.moderate) return;
      const input = args.input as { subject: string; id: string; action: string };
      dropCases(
        cache,
        (node) =>
          cache.resolve(node, 'subject') === input.subject && cache.resolve(node, 'subjectId') === input.id,
      );
      if (input.action === 'SUSPEND') invalidateField(cache, 'Query', 'moderationQueue');
      invalidateField(cache, 'Query', 'moderationLog');
    },
    decideAppeal(result, args, cache) {
      if (!result.decideAppeal) return;
      const appeals = cache.resolve('Query', 'openAppeals');
      if (Array.isArray(appeals)) {
        const decided = cache.keyOfEntity({ __typename: 'Appeal', id: String(args.id) });
        cache.link(
          'Query',
          'openAppeals',
          (appeals as string[]).filter((key) => key !== decided),
        );
      }
      invalidateField(cache, 'Query', 'moderationLog');
    },
  },
};
