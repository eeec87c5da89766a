import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

/** One feature's share of the normalised cache: how its mutations update or optimistically change it. */
export interface CachePart {
  updates?: NonNullable<CacheExchangeOpts['updates']>['Mutation'];
  optimistic?: NonNullable<CacheExchangeOpts['optimistic']>;
}

export function mergeParts(parts: CachePart[]): Pick<CacheExchangeOpts, 'updates' | 'optimistic'> {
  const updates: NonNullable<CachePart['updates']> = {};
  const optimistic: NonNullable<CachePart['optimistic']> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part.updates ?? {})) {
      if (updates[name]) throw new Error(`Two cache updates for Mutation.${name}`);
      updates[name] = fn;
    }
    for (const [name, fn] of Object.entries(part.optimistic ?? {})) {
      if (optimistic[name]) throw new Error(`Two optimistic updates for Mutation.${name}`);
      optimistic[name] = fn;
    }
  }
  return { updates: { Mutation: updates }, optimistic };
}
