import type { TimelineStore } from '../../apps/server/src/platform/timelines/port';
import { PASSWORD } from '../lib/accounts';
import { FANOUT_AUTHORS, followerIds, sampleFollowers } from '../lib/fanout-seed';
import { activate, deactivate } from '../lib/fanout-timelines';
import { FEED_HEAD_QUERY } from '../lib/feed-query';
import { type Figure, figure } from '../lib/figures';
import { graphql, logIn, type Session } from '../lib/graphql';
import { createPost, deletePost, postStatus, upload } from '../lib/posts';
import { sleep, summarize } from '../lib/stats';

/**
 * fanout.10k_ms and fanout.100k_ms: from createPost (the commit) until the new post heads the home feed
 * of the first, middle and last of the author's followers, polled over GraphQL as each of them. Every
 * follower has a full timeline first, as active users do. Whether the post got there through the
 * timelines (fan-out on write) or was merged at read time is checked in the store and reported.
 */
const POLL_MS = 5;
const TARGETS = { 10000: 1_000, 100000: 10_000 } as const;

export async function measureFanout(
  url: string,
  timelines: TimelineStore,
  photo: Buffer,
  runs: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const posted: { author: Session; id: string }[] = [];
  const everyone = await followerIds(FANOUT_AUTHORS[1].username);
  log(`giving ${everyone.length.toLocaleString('en-US')} followers a full timeline`);
  await activate(timelines, everyone);
  try {
    for (const { username, followers } of FANOUT_AUTHORS) {
      const author = await logIn(url, username, PASSWORD);
      const watchers = await Promise.all(
        (await sampleFollowers(username)).map((name) => logIn(url, name, PASSWORD)),
      );
      const totals: number[] = [];
      const readies: number[] = [];
      let viaTimelines = 0;
      let timedOut = false;
      const timeoutMs = TARGETS[followers] * 20;
      for (let i = 0; i < runs && !timedOut; i++) {
        const uploadId = await upload(url, author, photo);
        const started = performance.now();
        const post = await createPost(url, author, uploadId, `Fan-out ${i + 1} to ${followers} followers`);
        posted.push({ author, id: post.id });
        const seen = await watch(url, author, post.id, watchers, started, timeoutMs);
        if (seen.allMs === null) timedOut = true;
        else totals.push(seen.allMs);
        if (seen.readyMs !== null) readies.push(seen.readyMs);
        const inTimelines = await Promise.all(watchers.map((w) => timelines.read(w.userId)));
        if (inTimelines.every((t) => t?.includes(post.id))) viaTimelines++;
        log(
          `${username}: ${seen.allMs === null ? `not in every feed after ${timeoutMs} ms` : `${seen.allMs.toFixed(0)} ms`}` +
            ` (READY at ${seen.readyMs?.toFixed(0) ?? '?'} ms)`,
        );
      }
      const model =
        viaTimelines === totals.length
          ? 'fan-out on write: the post was in every watched follower timeline'
          : viaTimelines === 0
            ? 'merged at read time: the post never entered the watched follower timelines'
            : `mixed: the post reached the watched timelines in ${viaTimelines} of ${totals.length} runs`;
      const ready = readies.length
        ? `; media READY after ${summarize(readies).median.toFixed(0)} ms (median)`
        : '';
      figures.push(
        figure(`fanout.${followers / 1000}k_ms`, 'ms', totals.length ? summarize(totals) : null, {
          digits: 0,
          target: { op: '<', value: TARGETS[followers] },
          note:
            `${model}. From sending createPost (a 320×400 photo, so media processing stays small) until ` +
            `the post heads the feeds of the first, middle and last follower${ready}` +
            (timedOut ? `; a run did not reach every feed within ${timeoutMs} ms` : ''),
        }),
      );
    }
  } finally {
    for (const { author, id } of posted) await deletePost(url, author, id).catch(() => {});
    await deactivate(timelines, everyone);
  }
  return figures;
}

/** Polls every watcher's feed head (and the post's status) until all of them show the post. */
async function watch(
  url: string,
  author: Session,
  postId: string,
  watchers: readonly Session[],
  started: number,
  timeoutMs: number,
): Promise<{ allMs: number | null; readyMs: number | null }> {
  let pending = [...watchers];
  let readyMs: number | null = null;
  while (performance.now() - started < timeoutMs) {
    const [status, ...heads] = await Promise.all([
      readyMs === null ? postStatus(url, author, postId) : Promise.resolve('READY' as const),
      ...pending.map((w) =>
        graphql<{ homeFeed: { edges: { node: { id: string } }[] } }>(url, FEED_HEAD_QUERY, {}, w.token),
      ),
    ]);
    const now = performance.now() - started;
    if (readyMs === null && status === 'READY') readyMs = now;
    if (status === 'FAILED') throw new Error(`fan-out post ${postId} failed to process`);
    pending = pending.filter((_, i) => heads[i]?.homeFeed.edges[0]?.node.id !== postId);
    if (pending.length === 0) return { allMs: now, readyMs };
    await sleep(POLL_MS);
  }
  return { allMs: null, readyMs };
}
