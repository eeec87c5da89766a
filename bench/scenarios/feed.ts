import { FEED_PAGE_SIZE, FEED_QUERY, type FeedPage, feedBody } from '../lib/feed-query';
import { type Figure, figure } from '../lib/figures';
import { graphql, type Session } from '../lib/graphql';
import { type LoadResult, runLoad } from '../lib/load';
import { sleep, summarize } from '../lib/stats';

/**
 * Home feed throughput and latency under a closed loop of connections, next to /healthz on the same
 * server (the ceiling: HTTP and the event loop with no work), for an account following 5,000 and one
 * following 10. The three are interleaved in every run so drift affects them alike.
 */
/** Pause after each load run, so requests still queued in the server do not slow the next one. */
const SETTLE_MS = 2000;

export interface FeedPlan {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  runs: number;
}

export async function measureFeed(
  url: string,
  accounts: { heavy: Session; light: Session },
  plan: FeedPlan,
  log: (line: string) => void,
): Promise<Figure[]> {
  for (const session of [accounts.heavy, accounts.light]) await checkFeed(url, session);

  const feed = (session: Session, seconds: number) =>
    runLoad({
      url: `${url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: feedBody(),
      connections: plan.connections,
      seconds,
    });
  const healthz = () =>
    runLoad({ url: `${url}/healthz`, connections: plan.connections, seconds: plan.seconds });

  log(`warm-up ${plan.warmupSeconds} s`);
  await feed(accounts.heavy, plan.warmupSeconds);
  await feed(accounts.light, Math.max(1, Math.round(plan.warmupSeconds / 2)));
  await sleep(SETTLE_MS);

  const settled = async <T>(load: Promise<T>) => {
    const result = await load;
    await sleep(SETTLE_MS);
    return result;
  };
  const runs: { heavy: LoadResult; light: LoadResult; health: LoadResult }[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const health = await settled(healthz());
    const heavy = await settled(feed(accounts.heavy, plan.seconds));
    const light = await settled(feed(accounts.light, plan.seconds));
    for (const [name, r] of Object.entries({ healthz: health, heavy, light })) {
      if (r.failures > 0)
        throw new Error(`${name} load run had ${r.failures} failed requests of ${r.requests}`);
    }
    log(
      `run ${i + 1}/${plan.runs}: healthz ${health.rps.toFixed(0)} req/s; feed heavy ${heavy.rps.toFixed(0)} req/s ` +
        `p99 ${heavy.p99Ms} ms; light ${light.rps.toFixed(0)} req/s p99 ${light.p99Ms} ms`,
    );
    runs.push({ heavy, light, health });
  }

  const of = (pick: (r: (typeof runs)[number]) => number) => summarize(runs.map(pick));
  const load = `${plan.connections} connections, ${plan.seconds} s per run`;
  return [
    figure(
      'feed.rps',
      'req/s',
      of((r) => r.heavy.rps),
      {
        digits: 0,
        target: { op: '>=', value: 1500 },
        note: `homeFeed(first: ${FEED_PAGE_SIZE}) fully hydrated, as bench_heavy (follows 5,000), ${load}`,
      },
    ),
    figure(
      'feed.p99_ms',
      'ms',
      of((r) => r.heavy.p99Ms),
      { digits: 0, target: { op: '<', value: 50 } },
    ),
    figure(
      'feed.p50_ms',
      'ms',
      of((r) => r.heavy.p50Ms),
      { digits: 0 },
    ),
    figure(
      'feed.light.rps',
      'req/s',
      of((r) => r.light.rps),
      { digits: 0, note: 'as bench_light (follows 10)' },
    ),
    figure(
      'feed.light.p99_ms',
      'ms',
      of((r) => r.light.p99Ms),
      { digits: 0 },
    ),
    figure(
      'healthz.rps',
      'req/s',
      of((r) => r.health.rps),
      { digits: 0 },
    ),
    figure(
      'feed.ceiling_ratio',
      'ratio',
      of((r) => r.heavy.rps / r.health.rps),
      { digits: 3 },
    ),
    figure(
      'feed.follow_ratio',
      'ratio',
      of((r) => r.heavy.p99Ms / r.light.p99Ms),
      {
        digits: 2,
        target: { op: '<=', value: 1.1 },
        note: 'feed p99 following 5,000 / following 10, per run',
      },
    ),
  ];
}

/** The load is only meaningful if the page is a full, error-free page with its photos. */
async function checkFeed(url: string, session: Session): Promise<void> {
  const data = await graphql<FeedPage>(url, FEED_QUERY, { first: FEED_PAGE_SIZE }, session.token);
  const edges = data.homeFeed.edges;
  if (edges.length !== FEED_PAGE_SIZE) {
    throw new Error(`${session.username}'s feed has ${edges.length} posts, expected ${FEED_PAGE_SIZE}`);
  }
  if (edges.some((e) => e.node.media.some((m) => !m.image?.sources.length))) {
    throw new Error(`${session.username}'s feed has posts without image sources`);
  }
}
