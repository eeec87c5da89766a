import type { z } from 'zod';

/** A job is declared once, with a name and a payload schema that is checked when it is enqueued and again when it runs. */
export interface JobDefinition<Payload> {
  readonly name: string;
  readonly schema: z.ZodType<Payload>;
  /** Attempts before the message goes to the dead-letter queue. */
  readonly maxAttempts: number;
}

export function defineJob<Payload>(
  name: string,
  schema: z.ZodType<Payload>,
  options: { maxAttempts?: number } = {},
): JobDefinition<Payload> {
  return { name, schema, maxAttempts: options.maxAttempts ?? 5 };
}

/**
 * Expected outcomes are returned, not thrown: 'done', or 'skipped' when there was nothing to do
 * (the row is gone, the work was already done). A thrown error means "retry with backoff".
 */
export type JobStatus = 'done' | 'skipped';
export type JobHandler<Payload> = (
  payload: Payload,
  meta: { attempt: number; jobId: string },
) => Promise<JobStatus>;

export interface QueueStats {
  /** Messages waiting, by job name. */
  depth: Record<string, number>;
  deadLettered: number;
}

export interface JobQueue {
  readonly kind: 'memory' | 'rabbitmq';
  /** Registers the one handler of a declared job. Registering twice throws. */
  register<Payload>(job: JobDefinition<Payload>, handler: JobHandler<Payload>): void;
  /** Validates the payload and enqueues it. Throws when the payload does not match the schema. */
  enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload): Promise<void>;
  /**
   * Starts consuming. Refuses to start (throws) when a declared job has no handler.
   * `consume: false` starts a producer only (an API process that leaves work to workers).
   */
  start(declared: readonly JobDefinition<unknown>[], options?: { consume?: boolean }): Promise<void>;
  /** Resolves when every job enqueued by this process so far has finished (tests, graceful shutdown). */
  whenIdle(): Promise<void>;
  stats(): Promise<QueueStats>;
  ping(): Promise<void>;
  /** Stops taking new jobs, waits for running ones, closes connections. */
  close(): Promise<void>;
}
