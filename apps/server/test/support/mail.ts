import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestServer } from './harness';

/**
 * The messages in the local outbox (the default mail adapter) sent to `to`, oldest first, once the jobs
 * that send them have run.
 */
export async function mailTo(server: TestServer, to: string): Promise<string[]> {
  const mail = server.glimpse.config.mail;
  if (mail.kind !== 'outbox') throw new Error('expected the outbox mail adapter');
  await server.glimpse.jobsIdle();
  const files = (await readdir(mail.dir).catch(() => [] as string[])).sort();
  const all = await Promise.all(files.map((f) => readFile(path.join(mail.dir, f), 'utf8')));
  return all.filter((raw) => raw.includes(`To: ${to}`));
}

/** The token of the `route/<token>` link in a message (quoted-printable soft breaks undone). */
export function linkIn(raw: string, route: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = new RegExp(`${route}/([A-Za-z0-9_-]{43})`).exec(unfolded);
  if (!match) throw new Error(`no ${route} link in:\n${raw}`);
  return match[1]!;
}
