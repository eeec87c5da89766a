import type { Logger } from '../platform/logger';
import type { PubSub } from '../platform/pubsub/port';

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

/** Maps a channel's events to subscription payloads, skipping those that map to null. */
export async function* mapEvents<Event, Payload>(
  events: AsyncIterableIterator<Event>,
  map: (event: Event) => Promise<Payload | null>,
): AsyncGenerator<Payload> {
  try {
    for await (const event of events) {
      const payload = await map(event);
      if (payload !== null) yield payload;
    }
  } finally {
    await events.return?.();
  }
}
