import os from 'node:os';
import { withPg } from './postgres';

/** What the figures were measured on: they mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  /** Other work on the machine skews every figure: the 1-minute load average and the share of CPU busy
   * over two seconds, both just before the run started. */
  loadAverage: number;
  busyPercentBeforeRun: number;
}

/** Share of all cores' time not idle over a short window. */
async function busyPercent(ms: number): Promise<number> {
  const total = () =>
    os.cpus().reduce(
      (acc, cpu) => {
        const t = cpu.times;
        acc.all += t.user + t.nice + t.sys + t.idle + t.irq;
        acc.idle += t.idle;
        return acc;
      },
      { all: 0, idle: 0 },
    );
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = total();
  const all = after.all - before.all;
  return all > 0 ? Math.round((100 * (all - (after.idle - before.idle))) / all) : 0;
}

export async function describeMachine(): Promise<Machine> {
  // The maintenance database: the benchmark's own may not exist yet on a first run (it is created when seeding).
  const postgres = await withPg('postgres', async (client) => {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? 'unknown';
  });
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
    loadAverage: Number(os.loadavg()[0]?.toFixed(2)),
    busyPercentBeforeRun: await busyPercent(2000),
  };
}
