import type { ChildProcess } from 'node:child_process';

/**
 * Everything the benchmark starts is registered here and stopped on the way out: normal end, error,
 * or Ctrl-C. Child processes are also killed synchronously on 'exit' as a last resort.
 */
type Cleanup = () => Promise<void>;

const cleanups = new Set<Cleanup>();
const children = new Set<ChildProcess>();

export function onCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Runs the registered clean-ups, newest first; errors are reported, not thrown. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    await cleanup().catch((error: unknown) => console.error('clean-up failed:', error));
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping servers (again to force)`);
    void cleanUp().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
