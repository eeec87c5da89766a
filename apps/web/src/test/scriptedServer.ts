/**
 * For component and cache tests: an urql exchange standing in for the API, answering each operation by
 * its name as the test scripts it, and remembering what it was sent; and a client with Graphcache over it.
 */
import { type CacheExchangeOpts, cacheExchange } from '@urql/exchange-graphcache';
import { getOperationAST } from 'graphql';
import { Client, type CombinedError, type Exchange, type Operation } from 'urql';
import { delay, filter, fromValue, mergeMap, never, pipe } from 'wonka';
import { type CachePart, mergeParts } from '../lib/cache-parts';

/** What the server does with an operation: answers it (data, an error, or both), or leaves it in flight. */
export type Reply = { data?: unknown; error?: CombinedError } | 'pending' | undefined;

/** The name an operation was given in its document ('' for an anonymous one). */
export function nameOf(operation: Operation): string {
  return getOperationAST(operation.query)?.name?.value ?? '';
}

/** An answer with data, or in flight when there is none: for scripts that only ever answer data. */
export function dataReply(data: unknown): Reply {
  return data === undefined || data === 'pending' ? 'pending' : { data };
}

/**
 * A server that answers each operation (teardowns aside) with `reply(name, operation)`, `delayMs` later
 * when given (like a real fetch) or at once. An operation it has no answer for stays in flight.
 */
export function scriptedServer(
  reply: (name: string, operation: Operation) => Reply,
  { delayMs }: { delayMs?: number } = {},
) {
  const operations: Operation[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((operation) => {
        operations.push(operation);
        const answer = reply(nameOf(operation), operation);
        if (!answer || answer === 'pending') return never;
        const result = fromValue({ operation, ...answer, stale: false, hasNext: false });
        return delayMs === undefined ? result : pipe(result, delay(delayMs));
      }),
    );
  return {
    exchange,
    /** Every operation the server was sent, oldest first. */
    operations,
    /** The names of the operations sent, oldest first. */
    names: () => operations.map(nameOf),
    /** The operations of this name the server was sent, oldest first, as their variables. */
    sent: (name: string) =>
      operations.filter((op) => nameOf(op) === name).map((op) => op.variables as Record<string, unknown>),
    /** The mutations sent, as [name, variables]. */
    mutations: () =>
      operations.filter((op) => op.kind === 'mutation').map((op) => [nameOf(op), op.variables]),
  };
}

/**
 * A client as lib/client.ts builds it, without persistence or the network: Graphcache with the given
 * cache parts (the Viewer keyed as the one 'viewer', plus what `options` adds) over `server`.
 */
export function graphcacheClient(
  server: Exchange,
  parts: CachePart[],
  options: Omit<CacheExchangeOpts, 'updates' | 'optimistic'> = {},
): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange({
        ...options,
        keys: { Viewer: () => 'viewer', ...options.keys },
        ...mergeParts(parts),
      }),
      server,
    ],
  });
}
