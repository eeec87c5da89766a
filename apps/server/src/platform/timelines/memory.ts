import { insertPacked, pack, unpack } from './packed';
import { TIMELINE_CAP, TIMELINE_TTL_SECONDS, type TimelineStore } from './port';

/** Timelines in this process's memory (embedded mode), with the Redis store's expiry semantics. */
export function createMemoryTimelines(options: { cap?: number; ttlSeconds?: number } = {}): TimelineStore {
  const cap = options.cap ?? TIMELINE_CAP;
  const ttlMs = (options.ttlSeconds ?? TIMELINE_TTL_SECONDS) * 1000;
  const timelines = new Map<string, { packed: Buffer; expiresAt: number }>();

  const live = (userId: string) => {
    const entry = timelines.get(userId);
    if (entry && entry.expiresAt <= Date.now()) {
      timelines.delete(userId);
      return undefined;
    }
    return entry;
  };

  return {
    kind: 'memory',
    async read(userId) {
      const entry = live(userId);
      if (!entry) return null;
      entry.expiresAt = Date.now() + ttlMs;
      return unpack(entry.packed);
    },
    async write(userId, postIds) {
      timelines.set(userId, { packed: pack(postIds.slice(0, cap)), expiresAt: Date.now() + ttlMs });
    },
    async insert(userIds, postId) {
      const id = pack([postId]);
      let taken = 0;
      for (const userId of userIds) {
        const entry = live(userId);
        if (!entry) continue;
        const next = insertPacked(entry.packed, id, cap);
        if (next) {
          entry.packed = next;
          taken++;
        }
      }
      return taken;
    },
    async drop(userIds) {
      for (const userId of userIds) timelines.delete(userId);
    },
    async bytes(userId) {
      return live(userId)?.packed.length ?? null;
    },
    async ping() {},
    async close() {
      timelines.clear();
    },
  };
}
