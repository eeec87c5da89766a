import type { TimelineStore } from '../../apps/server/src/platform/timelines/port';
import { FEED_HEAD_QUERY } from '../lib/feed-query';
import { type Figure, figure } from '../lib/figures';
import { graphql, type Session } from '../lib/graphql';

/**
 * timeline.bytes: cache memory of one full home timeline (400 entries), as the server's timeline store
 * reports it (Redis MEMORY USAGE of the key). Measured on bench_heavy's timeline, which a feed read
 * builds when it is missing.
 */
const ENTRIES = 400;

export async function measureTimelineBytes(
  url: string,
  timelines: TimelineStore,
  owner: Session,
): Promise<Figure[]> {
  await graphql(url, FEED_HEAD_QUERY, {}, owner.token);
  const target = { op: '<=', value: 6 * 1024 } as const;
  const entries = (await timelines.read(owner.userId))?.length ?? null;
  const bytes = await timelines.bytes(owner.userId);
  if (entries === null || bytes === null) {
    return [
      figure('timeline.bytes', 'bytes', null, {
        target,
        note: `${owner.username} has no timeline (has its feed been read?)`,
      }),
    ];
  }
  return [
    figure('timeline.bytes', 'bytes', bytes, {
      digits: 0,
      target,
      note:
        `${owner.username}'s timeline in the ${timelines.kind} timeline store, ${entries} entries` +
        (entries === ENTRIES ? '' : ` (not ${ENTRIES}: the figure is for a timeline of this size)`),
    }),
  ];
}
