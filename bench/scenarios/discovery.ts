import { rebuildPools, updateSimilarity } from '../../apps/server/src/modules/explore/precompute';
import { FIRST_NAMES, HASHTAGS, LAST_NAMES } from '../../apps/server/src/seed/large-sql';
import { PASSWORD } from '../lib/accounts';
import { type Figure, figure } from '../lib/figures';
import { graphql, logIn, type Session } from '../lib/graphql';
import { type LoadResult, runLoad } from '../lib/load';
import { withPlatform } from '../lib/platform';
import { withPg } from '../lib/postgres';
import { scanKeys, withRedis } from '../lib/redis';
import { MAIN } from '../lib/services';
import { sleep, summarize } from '../lib/stats';

/**
 * Search typeahead and Explore under load, on the large seed, next to /healthz on the same server (the
 * HTTP ceiling) in the same runs. The typeahead asks what the web app asks as someone types (accounts
 * and hashtags for a prefix, a typo now and then), as one of many people (the account following 5,000
 * among them), each request the next of 20,000 typed strings, carried on across runs, so what the
 * server keeps per string and per person is no more help than real typing gives it. Explore asks the
 * first page of a visit as one of the people who liked posts lately (every candidate source has
 * something to say for them): the grid ranked ahead, each visit queueing the next ranking in the
 * worker process; each of them has opened Explore once before. A first visit, which ranks while the person
 * waits, is timed on its own, one at a time.
 */

export const TYPEAHEAD_QUERY = `query BenchTypeahead($query: String!) {
  search(query: $query) {
    query
    accounts(first: 8) { id username displayName avatar { thumbhash dominantColor sources { url width format } } }
    hashtags(first: 8) { name postCount }
  }
}`;

export const EXPLORE_QUERY = `query BenchExplore($first: Int!, $after: String) {
  explore(first: $first, after: $after) {
    edges {
      cursor
      node {
        id likeCount commentCount author { id username }
        media { id altText image { width height thumbhash dominantColor sources { url width format } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const EXPLORE_PAGE = 24;
/** People browsing and typing under load, and people whose first visit is timed. */
const EXPLORE_PEOPLE = 100;
const FIRST_VISITS = 30;
const TYPED_STRINGS = 20_000;
const SETTLE_MS = 2000;

export interface DiscoveryPlan {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  runs: number;
}

/** What a person types, keystroke by keystroke: prefixes of names and tags, with a typo now and then. */
export function typeaheadStrings(count: number): string[] {
  let state = 20_261_122;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const strings: string[] = [];
  while (strings.length < count) {
    const kind = random();
    let word: string;
    if (kind < 0.45) word = pick(FIRST_NAMES);
    else if (kind < 0.65) word = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    else if (kind < 0.8) word = pick(LAST_NAMES);
    else word = `#${pick(HASHTAGS)}`;
    // Neighbouring letters swapped: the typo the fuzzy tier is there for.
    if (word.length > 4 && random() < 0.15) {
      const at = 1 + Math.floor(random() * (word.length - 3));
      word = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
    const shortest = word.startsWith('#') ? 3 : 2;
    for (let length = shortest; length <= word.length && strings.length < count; length++) {
      strings.push(word.slice(0, length));
    }
  }
  return strings;
}

/** Explore's tables filled as the scheduled jobs fill them; the first run over the seed takes a while. */
export async function prepareExplore(
  blobs: Record<string, string>,
  log: (line: string) => void,
): Promise<Figure[]> {
  return withPlatform(MAIN, blobs, async (platform) => {
    const started = performance.now();
    let posts = 0;
    for (;;) {
      const run = await updateSimilarity(platform.db, { budgetMs: 60_000 });
      posts += run.posts;
      if (!run.more) break;
      log(`  similarity: ${posts.toLocaleString('en-US')} posts so far`);
    }
    const similarityMs = performance.now() - started;
    await rebuildPools(platform.db);
    log(`similarity: ${posts.toLocaleString('en-US')} posts in ${(similarityMs / 1000).toFixed(1)} s`);
    // Only a run that had the seed's likes to go through says how long the first fill takes.
    return posts > 1000
      ? [
          figure('explore.similarity_fill_s', 's', similarityMs / 1000, {
            digits: 1,
            note: `the incremental similarity job over the seed's likes of the last 30 days from scratch (${posts.toLocaleString('en-US')} posts)`,
          }),
        ]
      : [];
  });
}

/** People who liked posts in the last 30 days: Explore has neighbours of their likes to offer. */
async function explorePeople(url: string, count: number, skip: number): Promise<Session[]> {
  const usernames = await withPg(MAIN.database, async (client) => {
    const { rows } = await client.query<{ username: string }>(
      `/* benchExplorePeople */ select u.username from users u
       where u.username like '%\\_%' escape '\\' and exists (
         select 1 from likes l where l.user_id = u.id and l.created_at > now() - interval '30 days'
       )
       order by hashtext(u.username) limit $1 offset $2`,
      [count, skip],
    );
    return rows.map((r) => r.username);
  });
  if (usernames.length < count) throw new Error(`only ${usernames.length} people to browse Explore`);
  const sessions: Session[] = [];
  for (const username of usernames) sessions.push(await logIn(url, username, PASSWORD));
  return sessions;
}

export async function measureDiscovery(
  url: string,
  heavy: Session,
  plan: DiscoveryPlan,
  log: (line: string) => void,
): Promise<Figure[]> {
  const strings = typeaheadStrings(TYPED_STRINGS);
  // Grids ranked by an earlier run are kept for hours: every run starts with none.
  const forgotten = await withRedis(async (redis) => {
    const keys = await scanKeys(redis, `${MAIN.cachePrefix}explore:*`, 1_000_000);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    return keys.length;
  });
  log(`forgot ${forgotten} Explore grids and snapshots of earlier runs`);
  const people = await explorePeople(url, EXPLORE_PEOPLE, 0);
  const typists = [heavy, ...people];
  await checkPages(url, heavy, people);
  const firstVisits = await timeFirstVisits(url, await explorePeople(url, FIRST_VISITS, EXPLORE_PEOPLE));
  // The people under load have opened Explore before (their first visit ranked their grid).
  await timeFirstVisits(url, people);

  const json = { 'content-type': 'application/json' };
  // Strings carry on from run to run: a run does not retype what the one before typed.
  let typed = 0;
  // Made once, not per request: the load generator shares the machine's cores with the server.
  const bodies = strings.map((query) => JSON.stringify({ query: TYPEAHEAD_QUERY, variables: { query } }));
  const typistHeaders = typists.map((t) => ({ authorization: `Bearer ${t.token}` }));
  const typeahead = async (seconds: number) => {
    const from = typed;
    const result = await runLoad({
      url: `${url}/graphql`,
      method: 'POST',
      headers: json,
      connections: plan.connections,
      seconds,
      vary: (n) => ({
        headers: typistHeaders[(from + n) % typistHeaders.length]!,
        body: bodies[(from + n) % bodies.length]!,
      }),
    });
    typed += result.requests;
    return result;
  };
  const peopleHeaders = people.map((p) => ({ authorization: `Bearer ${p.token}` }));
  const explore = (seconds: number) =>
    runLoad({
      url: `${url}/graphql`,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: EXPLORE_QUERY, variables: { first: EXPLORE_PAGE } }),
      connections: plan.connections,
      seconds,
      vary: (n) => ({ headers: peopleHeaders[n % peopleHeaders.length]! }),
    });
  const healthz = () =>
    runLoad({ url: `${url}/healthz`, connections: plan.connections, seconds: plan.seconds });

  log(`warm-up ${plan.warmupSeconds} s`);
  await typeahead(plan.warmupSeconds);
  await explore(plan.warmupSeconds);
  await sleep(SETTLE_MS);
  const settled = async (load: Promise<LoadResult>) => {
    const result = await load;
    await sleep(SETTLE_MS);
    return result;
  };
  const runs: { search: LoadResult; explore: LoadResult; health: LoadResult }[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const health = await settled(healthz());
    const search = await settled(typeahead(plan.seconds));
    const page = await settled(explore(plan.seconds));
    for (const [name, r] of Object.entries({ healthz: health, typeahead: search, explore: page })) {
      if (r.failures > 0)
        throw new Error(`${name} load run had ${r.failures} failed requests of ${r.requests}`);
    }
    log(
      `run ${i + 1}/${plan.runs}: healthz ${health.rps.toFixed(0)} req/s p99 ${health.p99Ms} ms; ` +
        `typeahead ${search.rps.toFixed(0)} req/s p99 ${search.p99Ms} ms; explore ${page.rps.toFixed(0)} req/s p99 ${page.p99Ms} ms`,
    );
    runs.push({ search, explore: page, health });
  }
  const of = (pick: (r: (typeof runs)[number]) => number) => summarize(runs.map(pick));
  const load = `${plan.connections} connections, ${plan.seconds} s per run`;
  return [
    figure(
      'search.typeahead.p99_ms',
      'ms',
      of((r) => r.search.p99Ms),
      {
        digits: 0,
        target: { op: '<', value: 30 },
        note: `search(query) accounts + hashtags (8 each) as ${typists.length} people in turn (bench_heavy among them), the next of ${strings.length.toLocaleString('en-US')} typed prefixes each request (${typed.toLocaleString('en-US')} typed in all), ${load}`,
      },
    ),
    figure(
      'search.typeahead.p50_ms',
      'ms',
      of((r) => r.search.p50Ms),
      { digits: 0 },
    ),
    figure(
      'search.typeahead.rps',
      'req/s',
      of((r) => r.search.rps),
      { digits: 0 },
    ),
    figure(
      'search.typeahead.ceiling_ratio',
      'ratio',
      of((r) => r.search.rps / r.health.rps),
      { digits: 3, note: 'typeahead req/s / healthz req/s in the same run' },
    ),
    figure(
      'explore.page.p99_ms',
      'ms',
      of((r) => r.explore.p99Ms),
      {
        digits: 0,
        target: { op: '<', value: 80 },
        note: `explore(first: ${EXPLORE_PAGE}) first page of a visit (the grid ranked ahead; each visit queues the next ranking, at most one in 5 minutes per person, run by the worker process), ${people.length} people in turn, ${load}`,
      },
    ),
    figure(
      'explore.page.p50_ms',
      'ms',
      of((r) => r.explore.p50Ms),
      { digits: 0 },
    ),
    figure(
      'explore.page.rps',
      'req/s',
      of((r) => r.explore.rps),
      { digits: 0 },
    ),
    figure('explore.first_visit.p50_ms', 'ms', firstVisits.p50, {
      digits: 0,
      note: `explore(first: ${EXPLORE_PAGE}) as ${FIRST_VISITS} people who never opened it, one at a time on an idle server: the ranking while the person waits (p99 ${firstVisits.p99.toFixed(0)} ms)`,
    }),
    figure(
      'discovery.healthz.p99_ms',
      'ms',
      of((r) => r.health.p99Ms),
      { digits: 0, note: 'the ceiling: /healthz p99 at the same connections' },
    ),
  ];
}

/** A first visit ranks while the person waits: timed one at a time, each person once. */
async function timeFirstVisits(
  url: string,
  people: readonly Session[],
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (const person of people) {
    const started = performance.now();
    await graphql(url, EXPLORE_QUERY, { first: EXPLORE_PAGE }, person.token);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The load means something only if the answers are full: accounts and tags found, Explore pages full. */
async function checkPages(url: string, heavy: Session, people: readonly Session[]): Promise<void> {
  const found = await graphql<{ search: { accounts: unknown[]; hashtags: unknown[] } }>(
    url,
    TYPEAHEAD_QUERY,
    { query: 'ana' },
    heavy.token,
  );
  if (found.search.accounts.length === 0) throw new Error('the typeahead finds no account for "ana"');
  const tags = await graphql<{ search: { hashtags: unknown[] } }>(
    url,
    TYPEAHEAD_QUERY,
    { query: '#sun' },
    heavy.token,
  );
  if (tags.search.hashtags.length === 0) throw new Error('the typeahead finds no hashtag for "#sun"');
  for (const person of people.slice(0, 3)) {
    const page = await graphql<{ explore: { edges: unknown[] } }>(
      url,
      EXPLORE_QUERY,
      { first: EXPLORE_PAGE },
      person.token,
    );
    if (page.explore.edges.length < EXPLORE_PAGE) {
      throw new Error(`${person.username}'s Explore has ${page.explore.edges.length} tiles`);
    }
  }
}
