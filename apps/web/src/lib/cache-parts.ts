import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

/**
 * One feature's share of the normalised cache: how its mutations update or optimistically change it,
 * and how events arriving over subscriptions change it.
 */
export interface CachePart {
  updates?: NonNullable<CacheExchangeOpts['updates']>['Mutation'];
  optimistic?: NonNullable<CacheExchangeOpts['optimistic']>;
  subscriptions?: NonNullable<CacheExchangeOpts['updates']>['Subscription'];
}

export function mergeParts(parts: CachePart[]): Pick<CacheExchangeOpts, 'updates' | 'optimistic'> {
  const updates: NonNullable<CachePart['updates']> = {};
  const optimistic: NonNullable<CachePart['optimistic']> = {};
  const subscriptions: NonNullable<CachePart['subscriptions']> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part.subscriptions ?? {})) {
      if (subscriptions[name]) throw new Error(`Two cache updates for Subscription.${name}`);
      subscriptions[name] = fn;
    }
    for (const [name, fn] of Object.entries(part.updates ?? {})) {
      if (updates[name]) throw new Error(`Two cache updates for Mutation.${name}`);
      updates[name] = fn;
    }
    for (const [name, fn] of Object.entries(part.optimistic ?? {})) {
      if (optimistic[name]) throw new Error(`Two optimistic updates for Mutation.${name}`);
      optimistic[name] = fn;
    }
  }
  return { updates: { Mutation: updates, Subscription: subscriptions }, optimistic };
}
