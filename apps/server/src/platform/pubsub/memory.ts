import { EventEmitter } from 'node:events';
import type { Logger } from '../logger';
import type { PubSub, Unsubscribe } from './port';

/**
 * The embedded pub/sub: one process, one emitter. Delivery is deferred to a later tick so a subscriber never
 * runs inside publish()'s call stack, as with Redis, and a throwing subscriber cannot fail the publisher.
 */
export function createMemoryPubSub(options: { logger?: Logger } = {}): PubSub {
  const emitter = new EventEmitter();
  // Every open GraphQL subscription is a listener; hundreds on one channel are normal, not a leak.
  emitter.setMaxListeners(0);
  // Channels are namespaced inside the emitter because EventEmitter gives 'error' a meaning of its own.
  const event = (channel: string) => `channel:${channel}`;
  let closed = false;

  return {
    kind: 'memory',
    async publish(channel, message) {
      if (closed) return;
      // Subscribers are picked now, as Redis does at PUBLISH; each listener defers its own delivery.
      emitter.emit(event(channel), message);
    },
    async subscribe(channel, onMessage): Promise<Unsubscribe> {
      const listener = (message: string) =>
        setImmediate(() => {
          try {
            onMessage(message);
          } catch (err) {
            options.logger?.error({ err, channel }, 'pub/sub subscriber threw');
          }
        });
      emitter.on(event(channel), listener);
      return async () => {
        emitter.off(event(channel), listener);
      };
    },
    async ping() {},
    async close() {
      closed = true;
      emitter.removeAllListeners();
    },
  };
}
