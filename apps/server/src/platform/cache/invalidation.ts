import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/port';

/**
 * Tells every process which cached rows a write made stale, so each can drop its in-process copies
 * (the shared cache is invalidated by the writer itself). One channel for every namespace; delivery is
 * best effort, which is why in-process copies also expire after a few seconds.
 */
export interface InvalidationBus {
  publish(namespace: string, ids: readonly string[]): Promise<void>;
  /** Calls `onIds` with the IDs other processes (and this one) invalidated in this namespace. */
  subscribe(namespace: string, onIds: (ids: readonly string[]) => void): void;
}

const CHANNEL = 'cache.invalidate';

interface Message {
  namespace: string;
  ids: readonly string[];
}

export function createInvalidationBus(pubsub: PubSub, logger: Logger): InvalidationBus {
  const handlers = new Map<string, ((ids: readonly string[]) => void)[]>();
  pubsub
    .subscribe(CHANNEL, (raw) => {
      let message: Message;
      try {
        message = JSON.parse(raw) as Message;
      } catch {
        return;
      }
      if (!Array.isArray(message.ids)) return;
      for (const onIds of handlers.get(message.namespace) ?? []) onIds(message.ids);
    })
    .catch((error: unknown) => logger.error({ err: error }, 'cache invalidation subscription failed'));
  return {
    async publish(namespace, ids) {
      if (ids.length === 0) return;
      await pubsub.publish(CHANNEL, JSON.stringify({ namespace, ids } satisfies Message));
    },
    subscribe(namespace, onIds) {
      handlers.set(namespace, [...(handlers.get(namespace) ?? []), onIds]);
    },
  };
}
