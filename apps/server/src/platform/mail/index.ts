import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/**
 * Outgoing mail (password resets, email verification, new-device alerts). With SMTP_URL set it goes
 * through that server (nodemailer); by default each message is written as an .eml file to a local
 * outbox under the data directory, where the instance's admin can read it — a self-hosted instance
 * works before anyone configures mail.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mail {
  readonly kind: 'outbox' | 'smtp';
  send(message: MailMessage): Promise<void>;
  /** The outbox's messages, newest first (outbox only; SMTP keeps nothing). */
  outbox(limit?: number): Promise<{ file: string; raw: string }[]>;
  close(): Promise<void>;
}

export type MailConfig =
  | { kind: 'outbox'; dir: string; from: string }
  | { kind: 'smtp'; url: string; from: string };

export function createMail(config: MailConfig): Mail {
  if (config.kind === 'smtp') {
    const transport = nodemailer.createTransport(config.url);
    return {
      kind: 'smtp',
      async send(message) {
        await transport.sendMail({ from: config.from, ...message });
      },
      async outbox() {
        return [];
      },
      async close() {
        transport.close();
      },
    };
  }
  // Builds the same RFC 5322 message SMTP would carry, and keeps it.
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    kind: 'outbox',
    async send(message) {
      const info = await builder.sendMail({ from: config.from, ...message });
      await mkdir(config.dir, { recursive: true });
      sequence += 1;
      const name = `${new Date().toISOString().replaceAll(':', '-')}-${process.pid}-${sequence}.eml`;
      await writeFile(path.join(config.dir, name), info.message as Buffer, { mode: 0o600 });
    },
    async outbox(limit = 50) {
      const files = (await readdir(config.dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
      const newest = files.sort().reverse().slice(0, limit);
      return Promise.all(
        newest.map(async (file) => ({ file, raw: await readFile(path.join(config.dir, file), 'utf8') })),
      );
    },
    async close() {},
  };
}
