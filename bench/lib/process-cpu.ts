import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used so far, from /proc: unlike latency it hardly moves when
 * other work shares the machine. Null where /proc is not available (not Linux).
 */
let ticksPerSecond: number | null = null;

export function processCpuMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  // Fields after the command name (which may hold spaces), counted from 3: utime is 14, stime 15.
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone, or not on this machine
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / ticksPerSecond;
}
