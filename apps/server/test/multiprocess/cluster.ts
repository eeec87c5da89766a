import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ALL_JOBS } from '../../src/jobs';
import { retryDelaysFor } from '../../src/platform/queue/registry';
import { startS3Server, type TestS3 } from '../support/s3';
import { inCI, SERVICES, servicesAvailable } from '../support/services';

/**
 * Glimpse scaled out for a test: API and worker child processes (the real entry points) sharing a fresh
 * PostgreSQL database, Redis and RabbitMQ under a unique prefix, and an S3-compatible server, with nginx
 * balancing the API processes. `stop()` removes every trace of it.
 */

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = { api: 'src/main-api.ts', worker: 'src/main-worker.ts' } as const;
export type Role = keyof typeof ENTRY;

/** The nginx binary: on PATH, or in the sbin directories a non-root PATH often lacks. */
export function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const file = path.join(dir, 'nginx');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}

/** Real services and nginx: in CI both are required; elsewhere a missing one skips with a warning. */
export async function clusterAvailable(): Promise<boolean> {
  if (!(await servicesAvailable('postgres', 'redis', 'rabbitmq'))) return false;
  if (findNginx()) return true;
  const message = 'nginx is not installed (apt-get install -y nginx)';
  if (inCI) throw new Error(`CI requires nginx for the multi-process test; ${message}`);
  console.warn(`skipping the multi-process test; ${message}`);
  return false;
}

interface Watched {
  /** Resolves with the exit code (null when a signal killed it). */
  readonly exited: Promise<number | null>;
  running(): boolean;
  /** Sends a signal if it is still running. */
  signal(signal: NodeJS.Signals): void;
  /** The tail of what it printed. */
  output(): string;
}

export interface GlimpseProcess extends Watched {
  readonly name: string;
  readonly role: Role;
  /** Where an API process listens; null for a worker, which listens nowhere. */
  readonly url: string | null;
  readonly port: number | null;
}

export interface QueueCounts {
  messages: number;
  consumers: number;
}

export interface Cluster {
  tag: string;
  /** nginx in front of every API process. */
  url: string;
  apis: GlimpseProcess[];
  /** Starts a process and resolves once it serves (/readyz) or consumes (its consumers are attached). */
  start(role: Role, name: string): Promise<GlimpseProcess>;
  sql<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Messages ready and consumers attached, for every queue of the topology (work, retry, dead-letter). */
  queues(): Promise<Record<string, QueueCounts>>;
  jobQueue(job: string): string;
  deadLetterQueue: string;
  processes(): GlimpseProcess[];
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Thrown by a probe to stop waiting at once (the process being waited for has died). */
class GaveUp extends Error {}

/** Polls `probe` every 100 ms until it returns something other than null. */
export async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let lastError: unknown = null;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      if (error instanceof GaveUp) throw error;
      lastError = error;
      return null;
    });
    if (value !== null) return value;
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${cause}`);
    }
    await sleep(100);
  }
}

function watch(child: ChildProcess): Watched {
  const chunks: string[] = [];
  const keep = (chunk: Buffer) => {
    chunks.push(chunk.toString('utf8'));
    if (chunks.length > 400) chunks.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    running,
    signal: (signal) => {
      if (running()) child.kill(signal);
    },
    output: () => chunks.join(''),
  };
}

/** Asks a process to stop, kills it after `graceMs`, and waits for it to be gone. */
async function reap(process: Watched, graceMs = 5000): Promise<void> {
  if (!process.running()) return;
  process.signal('SIGTERM');
  const timer = setTimeout(() => process.signal('SIGKILL'), graceMs);
  await process.exited;
  clearTimeout(timer);
}

function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  return `daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream glimpse_api {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://glimpse_api;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export async function startCluster(options: { apis: number }): Promise<Cluster> {
  const nginxBinary = findNginx();
  if (!nginxBinary) throw new Error('nginx is not installed');
  const tag = `t${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glimpse-multi-'));
  chmodSync(dir, 0o755);
  const children: GlimpseProcess[] = [];
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const admin = new pg.Client({ connectionString: SERVICES.postgres.url });
    await admin.connect();
    await admin.query(`create database ${tag}`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: SERVICES.postgres.url });
      await client.connect();
      await client.query(`drop database if exists ${tag} with (force)`);
      await client.end();
    });
    cleanups.push(() => deleteTopology(tag));
    cleanups.push(() => deleteKeys(`${tag}:`));
    const s3: TestS3 = await startS3Server(path.join(dir, 's3'), tag);
    cleanups.push(s3.stop);

    const databaseUrl = `postgres://postgres@127.0.0.1:5432/${tag}`;
    const secretKeys = `cluster:${randomBytes(32).toString('base64')}`;
    const env = (role: Role, name: string, port: number | null): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'production',
      GLIMPSE_ROLE: role,
      GLIMPSE_SEED: '0',
      // Behind the test's nginx on loopback: believe its X-Forwarded-For, and nobody else's.
      TRUST_PROXY: '127.0.0.1',
      GLIMPSE_DATA_DIR: path.join(dir, name),
      // Every process shares the keys for secrets at rest and CAPTCHA signatures, as a deployment must.
      SECRET_KEYS: secretKeys,
      CAPTCHA_MAX_COUNTER: '50',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port ?? 0),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: SERVICES.redis.url,
      CACHE_PREFIX: `${tag}:`,
      AMQP_URL: SERVICES.rabbitmq.url,
      QUEUE_PREFIX: `${tag}.`,
      JOB_CONCURRENCY: '2',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });

    const rabbit = await connect(SERVICES.rabbitmq.url);
    cleanups.push(() => rabbit.close());
    const jobQueue = (job: string) => `${tag}.job.${job}`;
    const deadLetterQueue = `${tag}.dead-letter`;
    const countQueue = async (queue: string): Promise<QueueCounts> => {
      // A passive check of a missing queue closes its channel: one channel per check.
      const channel = await rabbit.createChannel();
      channel.on('error', () => {});
      try {
        const { messageCount, consumerCount } = await channel.checkQueue(queue);
        return { messages: messageCount, consumers: consumerCount };
      } finally {
        await channel.close().catch(() => {});
      }
    };

    const spawnProcess = async (role: Role, name: string): Promise<GlimpseProcess> => {
      const port = role === 'api' ? await freePort() : null;
      const child = spawn(process.execPath, ['--import', 'tsx', ENTRY[role]], {
        cwd: SERVER_DIR,
        env: env(role, name, port),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const glimpse: GlimpseProcess = {
        ...watch(child),
        name,
        role,
        port,
        url: port === null ? null : `http://127.0.0.1:${port}`,
      };
      children.push(glimpse);
      return glimpse;
    };

    const consumers = async () => {
      const counts = await Promise.all(
        ALL_JOBS.map((job) => countQueue(jobQueue(job.name)).catch(() => ({ consumers: 0 }))),
      );
      return counts.map((c) => c.consumers);
    };
    /** An API process answers /readyz; a worker has no port, so it is ready once it consumes every job queue. */
    const waitUntilServing = async (glimpse: GlimpseProcess, consumersBefore: number[]) => {
      await until(`${glimpse.name} to be ready`, 45_000, async () => {
        if (!glimpse.running()) throw new GaveUp(`${glimpse.name} exited during start-up`);
        if (glimpse.url) return (await fetch(`${glimpse.url}/readyz`)).ok ? true : null;
        const now = await consumers();
        return now.every((count, i) => count > (consumersBefore[i] ?? 0)) ? true : null;
      }).catch((error: Error) => {
        throw new Error(`${error.message}\n--- ${glimpse.name} output ---\n${glimpse.output()}`);
      });
    };

    const start = async (role: Role, name: string) => {
      const before = await consumers();
      const glimpse = await spawnProcess(role, name);
      await waitUntilServing(glimpse, before);
      return glimpse;
    };

    // Every process starts at once on the empty database, as replicas of a fresh deployment do.
    const apiNames = Array.from({ length: options.apis }, (_, i) => `api${i + 1}`);
    const noConsumers = ALL_JOBS.map(() => 0);
    const apis = await Promise.all(apiNames.map((name) => spawnProcess('api', name)));
    const firstWorker = await spawnProcess('worker', 'worker1');
    cleanups.push(() => Promise.all(children.map((child) => reap(child))));
    await Promise.all([...apis, firstWorker].map((glimpse) => waitUntilServing(glimpse, noConsumers)));

    const nginxPort = await freePort();
    const configFile = path.join(dir, 'nginx.conf');
    writeFileSync(
      configFile,
      nginxConfig(
        dir,
        nginxPort,
        apis.map((api) => api.port!),
      ),
    );
    const nginx = spawn(nginxBinary, ['-p', `${dir}/`, '-c', configFile, '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const nginxWatch = watch(nginx);
    cleanups.push(() => reap(nginxWatch));
    const url = `http://127.0.0.1:${nginxPort}`;
    await until('nginx to proxy /readyz', 15_000, async () => {
      if (!nginxWatch.running()) {
        const log = readFileSync(path.join(dir, 'error.log'), 'utf8');
        throw new GaveUp(`nginx exited: ${nginxWatch.output()}\n${log}`);
      }
      return (await fetch(`${url}/readyz`)).ok ? true : null;
    });

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());

    const topology = queueNames(tag);
    return {
      tag,
      url,
      apis,
      start,
      async sql<Row extends object>(text: string, params: unknown[] = []) {
        return (await db.query(text, params)).rows as Row[];
      },
      async queues() {
        const counts: Record<string, QueueCounts> = {};
        for (const queue of topology) {
          counts[queue] = await countQueue(queue).catch(() => ({ messages: 0, consumers: 0 }));
        }
        return counts;
      },
      jobQueue,
      deadLetterQueue,
      processes: () => [...children],
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Every queue a Glimpse with this prefix may declare: work, retry (default backoff) and dead-letter queues. */
function queueNames(tag: string): string[] {
  return [
    ...ALL_JOBS.flatMap((job) => [
      `${tag}.job.${job.name}`,
      ...retryDelaysFor(job, 1000).map((ms) => `${tag}.job.${job.name}.retry.${ms}ms`),
    ]),
    `${tag}.dead-letter`,
  ];
}

async function deleteTopology(tag: string): Promise<void> {
  const connection = await connect(SERVICES.rabbitmq.url);
  try {
    for (const queue of queueNames(tag)) {
      const channel = await connection.createChannel();
      channel.on('error', () => {});
      await channel.deleteQueue(queue).catch(() => {});
      await channel.close().catch(() => {});
    }
  } finally {
    await connection.close().catch(() => {});
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(SERVICES.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
