import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { pack, unpack } from './packed';
import { TIMELINE_CAP, TIMELINE_TTL_SECONDS, type TimelineStore } from './port';

// Inserts ARGV[1] (8 packed bytes) in order into an existing timeline, skipping duplicates, trimming to
// ARGV[2] entries. Byte-wise string comparison is ID order because IDs are packed big-endian.
const INSERT = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local id = ARGV[1]
local cap = tonumber(ARGV[2])
local count = #current / 8
local position = count
for i = 0, count - 1 do
  local entry = string.sub(current, i * 8 + 1, i * 8 + 8)
  if entry == id then return 0 end
  if entry < id then position = i break end
end
if position >= cap then return 0 end
local out = string.sub(current, 1, position * 8) .. id .. string.sub(current, position * 8 + 1)
if #out > cap * 8 then out = string.sub(out, 1, cap * 8) end
redis.call('SET', KEYS[1], out, 'KEEPTTL')
return 1
`;

interface TimelineRedis extends Redis {
  timelineInsert(key: string, id: Buffer, cap: number): Promise<number>;
}

const FANOUT_BATCH = 1000;

/** Timelines in Redis, one packed string per user, shared by every API and worker process. */
export function createRedisTimelines(options: {
  url: string;
  prefix: string;
  logger: Logger;
  cap?: number;
  ttlSeconds?: number;
}): TimelineStore {
  const cap = options.cap ?? TIMELINE_CAP;
  const ttl = options.ttlSeconds ?? TIMELINE_TTL_SECONDS;
  const redis = new Redis(options.url, { keyPrefix: `${options.prefix}tl:` }) as TimelineRedis;
  redis.on('error', (error) => options.logger.warn({ err: error }, 'redis (timelines) connection error'));
  redis.defineCommand('timelineInsert', { numberOfKeys: 1, lua: INSERT });

  return {
    kind: 'redis',
    async read(userId) {
      const packed = await redis.getexBuffer(userId, 'EX', ttl);
      return packed ? unpack(packed) : null;
    },
    async write(userId, postIds) {
      await redis.set(userId, pack(postIds.slice(0, cap)), 'EX', ttl);
    },
    async insert(userIds, postId) {
      const id = pack([postId]);
      let taken = 0;
      for (let i = 0; i < userIds.length; i += FANOUT_BATCH) {
        const pipeline = redis.pipeline();
        for (const userId of userIds.slice(i, i + FANOUT_BATCH)) {
          (
            pipeline as unknown as { timelineInsert(k: string, id: Buffer, cap: number): void }
          ).timelineInsert(userId, id, cap);
        }
        const results = (await pipeline.exec()) ?? [];
        for (const [error, value] of results) {
          if (error) throw error;
          taken += Number(value);
        }
      }
      return taken;
    },
    async drop(userIds) {
      if (userIds.length > 0) await redis.del(...userIds);
    },
    async bytes(userId) {
      const used = (await redis.call('MEMORY', 'USAGE', userId)) as number | null;
      return used;
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
