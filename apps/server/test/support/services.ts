import net from 'node:net';

/** Real services on this machine and in CI. Outside CI an unreachable service skips its tests; in CI it fails them. */
export const SERVICES = {
  postgres: { host: '127.0.0.1', port: 5432, url: 'postgres://postgres@127.0.0.1:5432/postgres' },
  redis: { host: '127.0.0.1', port: 6379, url: 'redis://127.0.0.1:6379' },
  rabbitmq: { host: '127.0.0.1', port: 5672, url: 'amqp://guest:guest@127.0.0.1:5672' },
} as const;

export type ServiceName = keyof typeof SERVICES;

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Checks that the named services answer. Returns true when all do. When one does not: in CI this throws
 * (a missing service is a failure), elsewhere it warns and returns false so the caller can skip.
 */
export async function servicesAvailable(...names: ServiceName[]): Promise<boolean> {
  const missing: string[] = [];
  for (const name of names) {
    const { host, port } = SERVICES[name];
    if (!(await reachable(host, port))) missing.push(`${name} (${host}:${port})`);
  }
  if (missing.length === 0) return true;
  const message = `unreachable: ${missing.join(', ')}`;
  if (inCI) throw new Error(`CI requires real services; ${message}`);
  console.warn(`skipping tests that need real services; ${message}`);
  return false;
}
