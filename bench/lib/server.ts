import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { onCleanup, trackChild } from './cleanup';
import { DATA_DIR, SERVER_DIR } from './paths';

/**
 * One Glimpse API process under test, started the way production starts it (apps/server/src/main.ts)
 * in its own process, so the load generator's CPU use does not share its event loop.
 */
export interface ServerProcess {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The Node flags apps/server's `npm start` runs with: a larger young generation (64 MB semi-spaces),
 * since a page's short-lived objects otherwise trigger a scavenge every few requests (Explore served
 * 1.6x the pages with it on this machine); and no allocation-site pretenuring, since V8 otherwise
 * learns to allocate request objects (caught in flight at a scavenge) straight into old space, where
 * the dead ones keep what they point to alive through every scavenge until the next full collection:
 * 5 MB promoted per scavenge and pauses of 12–20 ms under the typeahead load, against 1 MB and 4–9 ms
 * without it.
 */
const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=64', '--no-allocation-site-pretenuring'];

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startServer(
  name: string,
  env: Record<string, string>,
  options: {
    nodeArgs?: readonly string[];
    /** Ready when this appears in its output (a worker has no HTTP to ask), rather than on /healthz. */
    readyLine?: string;
  } = {},
): Promise<ServerProcess> {
  const port = Number(env.PORT);
  const url = `http://127.0.0.1:${port}`;
  const logDir = path.join(DATA_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  // node --import tsx rather than the tsx CLI: one process, whose pid is the server's own. Extra node
  // flags (--cpu-prof when profiling) go here: Node refuses some of them in NODE_OPTIONS.
  const child = spawn(
    process.execPath,
    [...PRODUCTION_NODE_FLAGS, ...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'],
    {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  trackChild(child);
  const tail: string[] = [];
  let seen = '';
  let sawLine: () => void = () => {};
  const sawReadyLine = new Promise<boolean>((resolve) => {
    sawLine = () => resolve(true);
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      tail.push(chunk.toString());
      if (tail.length > 40) tail.shift();
      if (options.readyLine) {
        seen = (seen + chunk.toString()).slice(-10_000);
        if (seen.includes(options.readyLine)) sawLine();
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    unregister();
    await stopChild(child, exited);
    log.end();
  };
  const unregister = onCleanup(stop);

  const ready = await Promise.race([
    options.readyLine ? sawReadyLine : waitForHealth(url, 120_000),
    exited.then(() => false),
    ...(options.readyLine
      ? [new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 120_000))]
      : []),
  ]);
  if (!ready) {
    await stop();
    throw new Error(`${name} server did not start (log: ${logFile}):\n${tail.join('').slice(-4000)}`);
  }
  return { url, pid: child.pid ?? 0, logFile, stop };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** SIGTERM lets the server drain; after 15 s it is killed. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
