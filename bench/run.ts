import net from 'node:net';
import { HEAVY_USERNAME, LIGHT_USERNAME } from '../apps/server/src/seed/large-seed';
import { ensureUploader, PASSWORD, UPLOADER_USERNAME } from './lib/accounts';
import { startBlobStore } from './lib/blobs';
import { cleanUp, onCleanup } from './lib/cleanup';
import { ensureFanoutSeeded } from './lib/fanout-seed';
import type { Figure } from './lib/figures';
import { logIn, type Session } from './lib/graphql';
import { describeMachine } from './lib/machine';
import { tinyPhoto, twelveMegapixelPhoto } from './lib/photos';
import { type Plan, parsePlan, SCENARIOS, type Scenario, USAGE } from './lib/plan';
import { withPlatform } from './lib/platform';
import { clearRateLimits } from './lib/redis';
import { type Report, renderMarkdown, writeReport } from './lib/report';
import { ensureSeeded } from './lib/seed';
import { freePort, startServer } from './lib/server';
import { serverEnv } from './lib/server-env';
import { FANOUT, type Installation, MAIN, SERVICES } from './lib/services';
import { measureDiscovery, prepareExplore } from './scenarios/discovery';
import { measureEditorRender, measurePreview } from './scenarios/editor';
import { measureFanout } from './scenarios/fanout';
import { measureFeed } from './scenarios/feed';
import { measureFeedCost } from './scenarios/feed-cost';
import { measureRender } from './scenarios/render';
import { measureTimelineBytes } from './scenarios/timeline';
import { measureUpload } from './scenarios/upload';

/**
 * `npm run bench`: seeds (once) and measures Glimpse on the real services, then writes
 * bench/results/latest.json and latest.md. One API process per phase, started as production starts it.
 */
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function main(plan: Plan): Promise<number> {
  await checkServices();
  const machine = await describeMachine();
  if (machine.busyPercentBeforeRun > 25) {
    log(`warning: the machine was ${machine.busyPercentBeforeRun}% busy before the run; figures will be low`);
  }
  const figures: Figure[] = [];
  const failures: string[] = [];
  const wanted = (s: Scenario) => plan.scenarios.has(s);
  /** A failed scenario is reported and the others still run. */
  const attempt = async (scenario: Scenario, work: () => Promise<Figure[]>) => {
    if (!wanted(scenario)) return;
    log(`${scenario}`);
    try {
      figures.push(...(await work()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${scenario}: ${message}`);
      log(`${scenario} FAILED: ${message}`);
      figures.push({ name: `${scenario}.error`, value: null, unit: '', note: message.split('\n')[0] ?? '' });
    }
  };

  const blobs = await startBlobStore([MAIN, FANOUT]);
  onCleanup(blobs.stop);
  const seeded = await ensureSeeded({ reseed: plan.reseed, blobs: blobs.env, log });
  log(
    seeded === 'reused' ? `reusing the large data set in ${MAIN.database} (--reseed to rebuild)` : 'seeded',
  );
  await ensureUploader();
  for (const installation of [MAIN, FANOUT]) await clearRateLimits(installation.cachePrefix);
  const photo = await twelveMegapixelPhoto();

  await attempt('render', () => measureRender(photo, plan.renderRuns));
  await attempt('editor', async () => [
    ...(await measureEditorRender(photo, plan.renderRuns)),
    ...(await measurePreview(plan.previewFrames)),
  ]);
  // Explore's precomputed tables, as the scheduled jobs would have them, before its server starts.
  let exploreReady = false;
  await attempt('discovery', async () => {
    const filled = await prepareExplore(blobs.env, log);
    exploreReady = true;
    return filled;
  });

  let accounts: { heavy: Session; light: Session } | null = null;
  if (wanted('feed') || wanted('discovery') || wanted('upload') || wanted('cost') || wanted('timeline')) {
    const server = await startInstallation('api', MAIN, blobs.env);
    try {
      accounts = {
        heavy: await logIn(server.url, HEAVY_USERNAME, PASSWORD),
        light: await logIn(server.url, LIGHT_USERNAME, PASSWORD),
      };
      const sessions = accounts;
      await attempt('feed', () => measureFeed(server.url, sessions, plan.feed, log));
      if (exploreReady) {
        await attempt('discovery', () => measureDiscovery(server.url, sessions.heavy, plan.discovery, log));
      }
      await attempt('upload', async () => {
        const uploader = await logIn(server.url, UPLOADER_USERNAME, PASSWORD);
        return measureUpload(server.url, uploader, photo, {
          runs: plan.uploadRuns,
          warmups: plan.uploadWarmups,
        });
      });
      await attempt('timeline', () =>
        withPlatform(MAIN, blobs.env, (platform) =>
          measureTimelineBytes(server.url, platform.timelines, sessions.heavy),
        ),
      );
    } finally {
      await server.stop();
    }
  }
  if (accounts) {
    const sessions = accounts;
    await attempt('cost', () => measureFeedCost(blobs.env, sessions, plan.cost));
  }

  await attempt('fanout', async () => {
    await ensureFanoutSeeded(log);
    return withPlatform(FANOUT, blobs.env, async (platform) => {
      const server = await startInstallation('fanout', FANOUT, blobs.env);
      try {
        return await measureFanout(server.url, platform.timelines, await tinyPhoto(), plan.fanoutRuns, log);
      } finally {
        await server.stop();
      }
    });
  });

  const report: Report = {
    date: new Date().toISOString(),
    mode: plan.mode,
    elapsedSeconds: Math.round((performance.now() - started) / 1000),
    machine,
    settings: {
      'load connections': plan.feed.connections,
      'discovery connections': plan.discovery.connections,
      'seconds per load run': plan.feed.seconds,
      'load runs': plan.feed.runs,
      'API processes': 1,
      'worker processes': 1,
      'server env':
        'NODE_ENV=production LOG_LEVEL=warn, GLIMPSE_ROLE=api beside a GLIMPSE_ROLE=worker process, rate limits raised (one address, a few accounts), pool and queue defaults',
    },
    figures,
  };
  const partial = plan.scenarios.size < SCENARIOS.length ? SCENARIOS.filter((s) => wanted(s)) : null;
  const written = writeReport(report, partial);
  console.log(`\n${renderMarkdown(report)}`);
  log(`wrote ${written.json} and ${written.markdown}`);
  if (failures.length) console.error(`\n${failures.length} scenario(s) failed:\n${failures.join('\n')}`);
  return failures.length ? 1 : 0;
}

/**
 * An installation as production runs it: an API process that serves, and a worker process beside it
 * that runs the jobs (processing, fan-out, Explore's rankings), so jobs do not share the API's event
 * loop (they still share the machine's cores).
 */
async function startInstallation(name: string, installation: Installation, blobs: Record<string, string>) {
  const worker = await startServer(
    `${name}-worker`,
    // At info level only to say it is ready: it logs nothing per job.
    { ...serverEnv({ installation, blobs, port: await freePort(), role: 'worker' }), LOG_LEVEL: 'info' },
    { readyLine: 'Glimpse is running', nodeArgs: extraNodeArgs('BENCH_WORKER_NODE_ARGS') },
  );
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(
      name,
      serverEnv({ installation, blobs, port: await freePort(), role: 'api' }),
      {
        nodeArgs: extraNodeArgs('BENCH_API_NODE_ARGS'),
      },
    );
  } catch (error) {
    await worker.stop();
    throw error;
  }
  log(
    `${name} server up at ${server.url} (pid ${server.pid}, log ${server.logFile}; worker pid ${worker.pid})`,
  );
  return {
    ...server,
    async stop() {
      await Promise.all([server.stop(), worker.stop()]);
    },
  };
}

/**
 * Node flags for the processes under test, for looking inside a run: e.g.
 * `BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` or `--trace-gc` (its lines go to the log).
 */
function extraNodeArgs(variable: string): string[] {
  return (process.env[variable] ?? '').split(/\s+/).filter((arg) => arg !== '');
}

/** Fails early, naming the service, rather than deep inside a scenario. */
async function checkServices(): Promise<void> {
  const endpoints = {
    PostgreSQL: new URL(SERVICES.postgres),
    Redis: new URL(SERVICES.redis),
    RabbitMQ: new URL(SERVICES.amqp),
  };
  const defaults = { PostgreSQL: 5432, Redis: 6379, RabbitMQ: 5672 };
  const missing: string[] = [];
  for (const [name, url] of Object.entries(endpoints) as [keyof typeof endpoints, URL][]) {
    const port = Number(url.port || defaults[name]);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, url.hostname);
      socket.setTimeout(2000);
      const done = (up: boolean) => {
        socket.destroy();
        resolve(up);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
      socket.once('timeout', () => done(false));
    });
    if (!up) missing.push(`${name} at ${url.hostname}:${port}`);
  }
  if (missing.length)
    throw new Error(`the benchmark needs the real services; not reachable: ${missing.join(', ')}`);
}

let plan: Plan | 'help';
try {
  plan = parsePlan(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (plan === 'help') {
  console.log(USAGE);
} else {
  let code = 1;
  try {
    code = await main(plan);
  } catch (error) {
    console.error(error);
  } finally {
    await cleanUp();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(code);
}
