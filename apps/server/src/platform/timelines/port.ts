/**
 * Home timelines: per user, the IDs of the latest posts for their feed, newest first, capped. Stored
 * packed (8 bytes per ID, big-endian, so byte order is ID order): a 400-entry timeline is 3.2 KB of
 * payload, a fraction of a list or sorted set of decimal strings. Timelines expire when unread for
 * 30 days, so fan-out skips inactive users for free: it only inserts into timelines that exist.
 */
export interface TimelineStore {
  readonly kind: 'memory' | 'redis';
  /** Post IDs newest first, or null when the user has no timeline (never built, expired or dropped). Renews the TTL. */
  read(userId: string): Promise<string[] | null>;
  /** Replaces a user's timeline (a rebuild from PostgreSQL). */
  write(userId: string, postIds: readonly string[]): Promise<void>;
  /** Inserts one post, in ID order, into each of these users' timelines that exists; returns how many took it. */
  insert(userIds: readonly string[], postId: string): Promise<number>;
  /** Forgets timelines so their next read rebuilds them (after follows and blocks change what they hold). */
  drop(userIds: readonly string[]): Promise<void>;
  /** Memory the store spends on one timeline, in bytes; null when absent. */
  bytes(userId: string): Promise<number | null>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const TIMELINE_CAP = 400;
export const TIMELINE_TTL_SECONDS = 30 * 24 * 3600;
