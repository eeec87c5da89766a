import { GraphQLError } from 'graphql';
import type { Logger } from '../platform/logger';
import type { PubSub } from '../platform/pubsub/port';
import { formatError } from './errors';

/**
 * Realtime events for GraphQL subscriptions. Producers (a job in a worker, a resolver in another API
 * process) publish a JSON payload to a channel through the pub/sub adapter; a subscription resolver
 * listens to the channel as an async iterator, which mercurius drives and closes (`return()`) when the
 * client completes or disconnects. A module adds a subscription by naming a channel here and publishing.
 */
export const CHANNELS = {
  /** A notification row was added to or bumped for this user: `{ id }`. */
  notifications: (userId: string) => `rt:notifications:${userId}`,
  /** This user's unread notification count changed: `{ count }`. */
  unreadNotifications: (userId: string) => `rt:unread-notifications:${userId}`,
  /** Someone viewed, voted in, answered or reacted to this story: `{ id }`. */
  story: (storyId: string) => `rt:story:${storyId}`,
} as const;

export interface Realtime {
  publish(channel: string, payload: unknown): Promise<void>;
  /**
   * Runs a subscription resolver's start (its checks, `listen`, `mapEvents`) so that what it throws, then
   * or while mapping an event, reaches the client with its `extensions.code` as a query's errors do.
   */
  start<T>(begin: () => Promise<AsyncIterableIterator<T>>): Promise<AsyncIterableIterator<T>>;
  /** Resolves once the channel is subscribed; events published after that are delivered in order. */
  listen<T>(channel: string): Promise<AsyncIterableIterator<T>>;
}

/** Events a slow client has not taken yet, per subscription; older ones are dropped beyond this. */
const BUFFER = 100;

export function createRealtime(pubsub: PubSub, logger: Logger): Realtime {
  return {
    async publish(channel, payload) {
      await pubsub.publish(channel, JSON.stringify(payload));
    },
    async start<T>(begin: () => Promise<AsyncIterableIterator<T>>) {
      let events: AsyncIterableIterator<T>;
      try {
        events = await begin();
      } catch (error) {
        throw startError(error, logger);
      }
      // The stream's own errors (mapping an event) take the same way to the client.
      const iterator: AsyncIterableIterator<T> = {
        next: () =>
          events.next().catch((error: unknown) => {
            throw startError(error, logger);
          }),
        return: async () => (await events.return?.()) ?? { value: undefined, done: true },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    async listen<T>(channel: string) {
      const buffered: T[] = [];
      let waiting: ((result: IteratorResult<T>) => void) | null = null;
      let done = false;
      const unsubscribe = await pubsub.subscribe(channel, (message) => {
        if (done) return;
        let payload: T;
        try {
          payload = JSON.parse(message) as T;
        } catch (err) {
          logger.warn({ err, channel }, 'realtime message is not JSON; dropped');
          return;
        }
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve({ value: payload, done: false });
        } else {
          buffered.push(payload);
          if (buffered.length > BUFFER) buffered.shift();
        }
      });
      const finish = async (): Promise<IteratorResult<T>> => {
        if (!done) {
          done = true;
          buffered.length = 0;
          waiting?.({ value: undefined, done: true });
          waiting = null;
          await unsubscribe().catch((err) => logger.warn({ err, channel }, 'realtime unsubscribe failed'));
        }
        return { value: undefined, done: true };
      };
      const iterator: AsyncIterableIterator<T> = {
        next() {
          if (done) return Promise.resolve({ value: undefined, done: true });
          const next = buffered.shift();
          if (next !== undefined) return Promise.resolve({ value: next, done: false });
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return: finish,
        throw: async (error) => {
          await finish();
          throw error;
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}

/**
 * Maps a channel's events to subscription payloads, skipping those that map to null. Written as a plain
 * iterator, not an async generator: a generator waiting for the next event queues `return()` until an
 * event arrives, so a completed subscription on a quiet channel would hold its listener for good. Here
 * `return()` closes the channel at once, which also ends a `next()` that is waiting.
 */
export function mapEvents<Event, Payload>(
  events: AsyncIterableIterator<Event>,
  map: (event: Event) => Promise<Payload | null>,
): AsyncIterableIterator<Payload> {
  const close = async (): Promise<IteratorResult<Payload>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<Payload> = {
    async next() {
      for (;;) {
        const event = await events.next();
        if (event.done) return { value: undefined, done: true };
        let payload: Payload | null;
        try {
          payload = await map(event.value);
        } catch (error) {
          await close();
          throw error;
        }
        if (payload !== null) return { value: payload, done: false };
      }
    },
    return: close,
    async throw(error) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * An error thrown while a subscription starts (signed out, no access) or by its event stream reaches the
 * client without passing through the HTTP error formatter: give it the same `extensions.code`, and hide an
 * unexpected one's details (logged instead).
 */
function startError(error: unknown, logger: Logger): GraphQLError {
  const located =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error instanceof Error ? error.message : String(error), {
          originalError: error instanceof Error ? error : undefined,
        });
  const formatted = formatError(located, logger);
  return new GraphQLError(formatted.message, { extensions: formatted.extensions });
}
