import type { TimelineStore } from '../../apps/server/src/platform/timelines/port';

/**
 * Fan-out writes only into timelines that exist (users active in the last 30 days), so the followers
 * are made active first: each gets a full timeline (400 entries) of old post IDs, as a regular reader
 * would have. Afterwards they are dropped again: 100,000 timelines are some 400 MB of Redis.
 */
const ENTRIES = 400;

/** IDs from the first milliseconds of the ID epoch: older than any real post, newest first. */
function oldPostIds(): string[] {
  return Array.from({ length: ENTRIES }, (_, k) => (BigInt(ENTRIES - k) << 23n).toString());
}

export async function activate(timelines: TimelineStore, userIds: readonly string[]): Promise<void> {
  const ids = oldPostIds();
  for (let i = 0; i < userIds.length; i += 2000) {
    await Promise.all(userIds.slice(i, i + 2000).map((userId) => timelines.write(userId, ids)));
  }
}

export async function deactivate(timelines: TimelineStore, userIds: readonly string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += 1000) await timelines.drop(userIds.slice(i, i + 1000));
}
