import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { PubSub, Unsubscribe } from './port';

/**
 * Pub/sub on Redis, fanning events across API processes. A connection that has subscribed can do nothing
 * else, so publishing uses a second one. Local subscribers of one channel share a single Redis SUBSCRIBE.
 */

export interface RedisPubSubOptions {
  url: string;
  /** Prepended to every channel name. */
  prefix: string;
  logger: Logger;
}

interface ChannelSubscription {
  handlers: Set<(message: string) => void>;
  /** Resolves once Redis confirmed the SUBSCRIBE, so a second local subscriber waits for it too. */
  ready: Promise<void>;
}

export function createRedisPubSub(options: RedisPubSubOptions): PubSub {
  const { prefix, logger } = options;
  const publisher = new Redis(options.url);
  const subscriber = new Redis(options.url);
  publisher.on('error', (err: Error) => logger.error({ err }, 'Redis publisher connection error'));
  subscriber.on('error', (err: Error) => logger.error({ err }, 'Redis subscriber connection error'));
  const channels = new Map<string, ChannelSubscription>();

  subscriber.on('message', (fullChannel: string, message: string) => {
    if (!fullChannel.startsWith(prefix)) return;
    const subscription = channels.get(fullChannel.slice(prefix.length));
    if (!subscription) return;
    for (const handler of [...subscription.handlers]) {
      try {
        handler(message);
      } catch (err) {
        logger.error({ err, channel: fullChannel }, 'pub/sub subscriber threw');
      }
    }
  });

  return {
    kind: 'redis',
    async publish(channel, message) {
      await publisher.publish(prefix + channel, message);
    },

    async subscribe(channel, onMessage): Promise<Unsubscribe> {
      // A wrapper per call, so the same function subscribed twice is two subscriptions.
      const handler = (message: string) => onMessage(message);
      let subscription = channels.get(channel);
      if (!subscription) {
        const created: ChannelSubscription = {
          handlers: new Set(),
          ready: subscriber.subscribe(prefix + channel).then(() => {}),
        };
        created.ready.catch(() => {
          if (channels.get(channel) === created) channels.delete(channel);
        });
        channels.set(channel, created);
        subscription = created;
      }
      subscription.handlers.add(handler);
      try {
        await subscription.ready;
      } catch (err) {
        subscription.handlers.delete(handler);
        throw err;
      }

      const owner = subscription;
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        owner.handlers.delete(handler);
        if (owner.handlers.size > 0 || channels.get(channel) !== owner) return;
        channels.delete(channel);
        await subscriber.unsubscribe(prefix + channel);
      };
    },

    async ping() {
      await publisher.ping();
    },

    async close() {
      channels.clear();
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}
