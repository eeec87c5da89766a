import { backendCpuMs, backendCpuSpent } from '../lib/backend-cpu';
import { FEED_PAGE_SIZE, FEED_QUERY } from '../lib/feed-query';
import { type Figure, figure } from '../lib/figures';
import { graphql, type Session } from '../lib/graphql';
import { processCpuMs } from '../lib/process-cpu';
import { freePort, startServer } from '../lib/server';
import { serverEnv } from '../lib/server-env';
import { MAIN, SERVICES } from '../lib/services';
import { type Statement, startSqlCounter } from '../lib/sql-counter';
import { backgroundLabels, describeStatements, requestStatements } from '../lib/sql-window';
import { sleep, summarize } from '../lib/stats';

/**
 * What one feed page costs a fresh API process, one request at a time:
 * - feed.sql_per_page.cold / .warm: statements sent to PostgreSQL, counted on the wire by a proxy.
 *   Cold is the first request the process serves (in-process caches empty; Redis as earlier phases
 *   left it); warm is the median of the next ones.
 * - feed.api_cpu_ms and feed.db_cpu_ms: CPU time per page of the API process and of its PostgreSQL
 *   backends, which bound throughput per core and hardly move when other work shares the machine.
 */
export async function measureFeedCost(
  blobs: Record<string, string>,
  accounts: { heavy: Session; light: Session },
  options: { warmRequests: number; cpuRequests: number },
): Promise<Figure[]> {
  const postgres = new URL(SERVICES.postgres);
  const counter = await startSqlCounter({ host: postgres.hostname, port: Number(postgres.port || 5432) });
  const server = await startServer(
    'feed-cost',
    serverEnv({
      installation: MAIN,
      blobs,
      port: await freePort(),
      databaseUrl: `postgres://${postgres.username || 'postgres'}@${counter.address}/${MAIN.database}`,
    }),
  );
  try {
    const window = async (work: () => Promise<unknown>): Promise<Statement[]> => {
      const from = counter.statements().length;
      await work();
      return counter.statements().slice(from);
    };
    const page = (session: Session) => () =>
      graphql(server.url, FEED_QUERY, { first: FEED_PAGE_SIZE }, session.token);

    await sleep(500); // start-up work (migration check, pool warm-up) stays outside every window
    const idle = await window(() => sleep(2500));
    const background = backgroundLabels(idle);
    const count = async (session: Session) => requestStatements(await window(page(session)), background);

    const cold = await count(accounts.heavy);
    const warm: Statement[][] = [];
    for (let i = 0; i < options.warmRequests; i++) warm.push(await count(accounts.heavy));
    const light: number[] = [];
    for (let i = 0; i < options.warmRequests; i++) light.push((await count(accounts.light)).length);

    /**
     * CPU per page of the API process and of its PostgreSQL backends, over sequential pages, after as
     * many unmeasured pages again so the JIT, the caches and the plans are warm (the steady state).
     */
    const cpuPerPage = async (session: Session) => {
      for (let i = 0; i < options.cpuRequests; i++) await page(session)();
      const api = processCpuMs(server.pid);
      const db = await backendCpuMs(MAIN.database);
      for (let i = 0; i < options.cpuRequests; i++) await page(session)();
      const apiAfter = processCpuMs(server.pid);
      const dbAfter = await backendCpuMs(MAIN.database);
      return {
        api: api === null || apiAfter === null ? null : (apiAfter - api) / options.cpuRequests,
        db: db === null || dbAfter === null ? null : backendCpuSpent(db, dbAfter) / options.cpuRequests,
      };
    };
    const cpuHeavy = await cpuPerPage(accounts.heavy);
    const cpuLight = await cpuPerPage(accounts.light);

    const warmCounts = warm.map((w) => w.length);
    const typical = warm.find((w) => w.length === summarize(warmCounts).median) ?? warm[0] ?? [];
    const excluded = background.size
      ? `; background statements (${[...background].join(', ')}) excluded`
      : '';
    return [
      figure('feed.sql_per_page.cold', 'statements', cold.length, {
        digits: 0,
        note: `first request of a fresh API process, as bench_heavy: ${describeStatements(cold)}${excluded}`,
      }),
      figure('feed.sql_per_page.warm', 'statements', summarize(warmCounts), {
        digits: 0,
        note: `as bench_heavy: ${describeStatements(typical)}; as bench_light: ${summarize(light).median}`,
      }),
      figure('feed.api_cpu_ms', 'ms', cpuHeavy.api, {
        digits: 1,
        note:
          `CPU time of the API process per page over ${options.cpuRequests} sequential pages as bench_heavy ` +
          `(bench_light: ${cpuLight.api?.toFixed(1) ?? 'n/a'}); a core serves at most 1000 / this pages per second`,
      }),
      figure('feed.db_cpu_ms', 'ms', cpuHeavy.db, {
        digits: 1,
        note:
          `CPU time of the API process's PostgreSQL backends per page, same pages (bench_light: ` +
          `${cpuLight.db?.toFixed(1) ?? 'n/a'}); PostgreSQL shares the machine's cores with the API process`,
      }),
    ];
  } finally {
    await server.stop();
    await counter.stop();
  }
}
