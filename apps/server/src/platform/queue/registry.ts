import type { Metrics } from '../metrics';
import type { JobDefinition, JobHandler, JobStatus } from './port';

/** What both queue adapters share: handler registration, payload checks, backoff and running one attempt. */

export class JobPayloadError extends Error {
  constructor(
    readonly job: string,
    readonly issues: readonly string[],
  ) {
    super(`invalid payload for job ${job}: ${issues.join('; ')}`);
    this.name = 'JobPayloadError';
  }
}

export class MissingJobHandlersError extends Error {
  constructor(readonly jobs: readonly string[]) {
    super(`no handler registered for job(s): ${jobs.join(', ')}`);
    this.name = 'MissingJobHandlersError';
  }
}

export class DuplicateJobHandlerError extends Error {
  constructor(readonly job: string) {
    super(`a handler is already registered for job ${job}`);
    this.name = 'DuplicateJobHandlerError';
  }
}

export class QueueClosedError extends Error {
  constructor() {
    super('the job queue is closed');
    this.name = 'QueueClosedError';
  }
}

/** Throws JobPayloadError when the payload does not match the job's schema; returns the parsed payload. */
export function validatePayload<Payload>(job: JobDefinition<Payload>, payload: unknown): Payload {
  const result = job.schema.safeParse(payload);
  if (!result.success) {
    throw new JobPayloadError(
      job.name,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/**
 * Delay before attempt `failedAttempt + 1`: base, 2×base, 4×base, ... capped. No jitter on purpose:
 * the RabbitMQ adapter keeps one retry queue per distinct delay, so delays must come from a small set.
 */
export function retryDelayMs(failedAttempt: number, baseMs: number, maxMs = 10 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempt - 1));
}

/** Every delay a job can wait between attempts, in order (attempt 1 failed, attempt 2 failed, ...). */
export function retryDelaysFor(job: JobDefinition<unknown>, baseMs: number): number[] {
  const delays = new Set<number>();
  for (let attempt = 1; attempt < job.maxAttempts; attempt++) delays.add(retryDelayMs(attempt, baseMs));
  return [...delays];
}

export type AttemptOutcome =
  | { kind: 'finished'; status: JobStatus }
  /** The payload no longer matches the schema: retrying cannot help, so it is dead-lettered at once. */
  | { kind: 'poison'; error: Error }
  | { kind: 'failed'; error: Error };

export interface AttemptMeta {
  attempt: number;
  jobId: string;
}

export interface Registration {
  readonly name: string;
  readonly maxAttempts: number;
  /** Validates and runs; typed per job at registration so the registry needs no casts. */
  readonly run: (payload: unknown, meta: AttemptMeta) => Promise<AttemptOutcome>;
}

export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

export class JobRegistry {
  private readonly registrations = new Map<string, Registration>();

  constructor(private readonly metrics?: Metrics) {}

  register<Payload>(job: JobDefinition<Payload>, handler: JobHandler<Payload>): void {
    if (this.registrations.has(job.name)) throw new DuplicateJobHandlerError(job.name);
    const metrics = this.metrics;
    const run = async (raw: unknown, meta: AttemptMeta): Promise<AttemptOutcome> => {
      const startedAt = performance.now();
      const observe = (status: string) =>
        metrics?.jobDuration.observe({ job: job.name, status }, (performance.now() - startedAt) / 1000);
      let payload: Payload;
      try {
        payload = validatePayload(job, raw);
      } catch (error) {
        observe('poison');
        return { kind: 'poison', error: toError(error) };
      }
      try {
        const status = await handler(payload, meta);
        observe(status);
        return { kind: 'finished', status };
      } catch (error) {
        observe('failed');
        return { kind: 'failed', error: toError(error) };
      }
    };
    this.registrations.set(job.name, { name: job.name, maxAttempts: job.maxAttempts, run });
  }

  get(name: string): Registration | undefined {
    return this.registrations.get(name);
  }

  names(): string[] {
    return [...this.registrations.keys()];
  }

  /** Refuses to start when any declared job (or any extra job name the caller knows of) has no handler. */
  assertHandled(declared: readonly JobDefinition<unknown>[], extraNames: Iterable<string> = []): void {
    const missing = new Set<string>();
    for (const job of declared) if (!this.registrations.has(job.name)) missing.add(job.name);
    for (const name of extraNames) if (!this.registrations.has(name)) missing.add(name);
    if (missing.size > 0) throw new MissingJobHandlersError([...missing].sort());
  }
}

/** Resolves waiters when a condition becomes true; adapters call `check()` after every state change. */
export class IdleWaiters {
  private waiters: (() => void)[] = [];

  constructor(private readonly isIdle: () => boolean) {}

  wait(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  check(): void {
    if (this.waiters.length === 0 || !this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
