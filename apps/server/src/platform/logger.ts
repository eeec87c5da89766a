import pino, { type Logger } from 'pino';

/** Structured JSON logs. One root logger; each subsystem takes a child named here so names stay in one place. */
export type { Logger };

export type Subsystem =
  | 'http'
  | 'graphql'
  | 'db'
  | 'cache'
  | 'pubsub'
  | 'queue'
  | 'blobs'
  | 'media'
  | 'seed'
  | 'ranking'
  | 'search'
  | 'jobs';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'glimpse' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export function subsystemLogger(root: Logger, subsystem: Subsystem): Logger {
  return root.child({ subsystem });
}

/** A logger that drops everything (unit tests of adapters). */
export const silentLogger: Logger = pino({ level: 'silent' });
