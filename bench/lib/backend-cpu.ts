import { withPg } from './postgres';
import { processCpuMs } from './process-cpu';

/**
 * CPU time of the PostgreSQL backends serving a database, summed from /proc: the database's share of a
 * request's cost. Only when PostgreSQL runs on this machine (null otherwise).
 */
export async function backendCpuMs(database: string): Promise<Map<number, number> | null> {
  const pids = await withPg(database, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.map((r) => r.pid);
  });
  const usage = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms === null) return null;
    usage.set(pid, ms);
  }
  return usage;
}

/** CPU the backends used between two readings (a backend that appeared since counts from zero). */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
