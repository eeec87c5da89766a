/** The pub/sub port: an in-process emitter by default, Redis pub/sub when REDIS_URL is set (fans events across processes). */
export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, onMessage: (message: string) => void): Promise<Unsubscribe>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
