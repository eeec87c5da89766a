import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { JobDefinition, JobHandler, JobQueue, QueueStats } from './port';
import {
  IdleWaiters,
  JobRegistry,
  MissingJobHandlersError,
  QueueClosedError,
  retryDelayMs,
  validatePayload,
} from './registry';

/**
 * The in-process job queue of the embedded mode, with the RabbitMQ adapter's semantics (validation on both
 * ends, retries with backoff, dead-lettering). Jobs live in memory only: the outbox in PostgreSQL is what
 * survives a restart.
 */

export interface DeadLetter {
  jobId: string;
  job: string;
  payload: unknown;
  attempts: number;
  reason: 'exhausted' | 'poison';
  error: string;
}

export interface MemoryJobQueue extends JobQueue {
  readonly kind: 'memory';
  /** Jobs that failed for good, oldest first (tests and the admin view). */
  deadLetters(): readonly DeadLetter[];
}

export interface MemoryQueueOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Jobs running at once. Default 4. */
  concurrency?: number;
  /** First retry delay; doubles per attempt. Default 1000 ms (tests use ~10 ms). */
  retryBaseMs?: number;
}

interface QueuedJob {
  id: string;
  job: string;
  /** Serialised like the broker would, so handlers never share objects with the caller. */
  body: string;
  attempt: number;
}

export function createMemoryQueue(options: MemoryQueueOptions): MemoryJobQueue {
  const { logger, metrics } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const registry = new JobRegistry(metrics);

  const ready: QueuedJob[] = [];
  const depth = new Map<string, number>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const deadLettered: DeadLetter[] = [];
  let state: 'created' | 'started' | 'closed' = 'created';
  let consuming = false;

  const willRun = () => state === 'created' || (state === 'started' && consuming);
  const idle = new IdleWaiters(
    () => inFlight.size === 0 && retryTimers.size === 0 && (ready.length === 0 || !willRun()),
  );

  const setDepth = (job: string, delta: number) => {
    const value = (depth.get(job) ?? 0) + delta;
    depth.set(job, value);
    metrics?.jobQueueDepth.set({ job }, value);
  };

  const push = (item: QueuedJob) => {
    ready.push(item);
    setDepth(item.job, 1);
    pump();
  };

  const deadLetter = (item: QueuedJob, reason: DeadLetter['reason'], error: Error) => {
    logger.error(
      { job: item.job, jobId: item.id, attempt: item.attempt, reason, err: error },
      'job dead-lettered',
    );
    deadLettered.push({
      jobId: item.id,
      job: item.job,
      payload: JSON.parse(item.body),
      attempts: item.attempt,
      reason,
      error: error.message,
    });
    metrics?.jobsDeadLettered.set(deadLettered.length);
  };

  const scheduleRetry = (item: QueuedJob, error: Error) => {
    if (state === 'closed') {
      logger.warn({ job: item.job, jobId: item.id, err: error }, 'job failed while closing; dropped');
      return;
    }
    const delay = retryDelayMs(item.attempt, retryBaseMs);
    logger.warn(
      { job: item.job, jobId: item.id, attempt: item.attempt, delay, err: error },
      'job failed; will retry',
    );
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      push({ ...item, attempt: item.attempt + 1 });
      idle.check();
    }, delay);
    retryTimers.add(timer);
  };

  const run = async (item: QueuedJob) => {
    const registration = registry.get(item.job);
    if (!registration) {
      // start() and enqueue() refuse jobs without a handler, so this is a bug, not a retryable failure.
      deadLetter(item, 'poison', new MissingJobHandlersError([item.job]));
      return;
    }
    const outcome = await registration.run(JSON.parse(item.body), { attempt: item.attempt, jobId: item.id });
    if (outcome.kind === 'poison') deadLetter(item, 'poison', outcome.error);
    else if (outcome.kind === 'failed') {
      if (item.attempt >= registration.maxAttempts) deadLetter(item, 'exhausted', outcome.error);
      else scheduleRetry(item, outcome.error);
    }
  };

  function pump(): void {
    if (state !== 'started' || !consuming) return;
    while (inFlight.size < concurrency) {
      const item = ready.shift();
      if (!item) break;
      setDepth(item.job, -1);
      const task: Promise<void> = run(item)
        .catch((error: unknown) => logger.error({ job: item.job, err: error }, 'job queue bug'))
        .finally(() => {
          inFlight.delete(task);
          pump();
          idle.check();
        });
      inFlight.add(task);
    }
  }

  return {
    kind: 'memory',

    register<Payload>(job: JobDefinition<Payload>, handler: JobHandler<Payload>): void {
      registry.register(job, handler);
    },

    async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload): Promise<void> {
      if (state === 'closed') throw new QueueClosedError();
      validatePayload(job, payload);
      // In one process nobody else could ever run it, so fail at the caller rather than queue forever.
      if (state === 'started' && consuming && !registry.get(job.name))
        throw new MissingJobHandlersError([job.name]);
      push({ id: randomUUID(), job: job.name, body: JSON.stringify(payload ?? null), attempt: 1 });
    },

    async start(declared, startOptions = {}): Promise<void> {
      if (state !== 'created') throw new Error(`cannot start a job queue that is ${state}`);
      const consume = startOptions.consume ?? true;
      if (consume) registry.assertHandled(declared, new Set(ready.map((item) => item.job)));
      for (const job of declared) if (!depth.has(job.name)) setDepth(job.name, 0);
      state = 'started';
      consuming = consume;
      pump();
      idle.check();
    },

    whenIdle: () => idle.wait(),

    async stats(): Promise<QueueStats> {
      const byJob: Record<string, number> = {};
      for (const name of registry.names()) byJob[name] = 0;
      for (const [name, count] of depth) byJob[name] = count;
      return { depth: byJob, deadLettered: deadLettered.length };
    },

    async ping(): Promise<void> {
      if (state === 'closed') throw new QueueClosedError();
    },

    async close(): Promise<void> {
      if (state === 'closed') return;
      state = 'closed';
      const dropped = ready.length + retryTimers.size;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      for (const item of ready.splice(0)) setDepth(item.job, -1);
      if (dropped > 0) logger.warn({ dropped }, 'job queue closed with jobs still waiting; they are dropped');
      await Promise.all(inFlight);
      idle.check();
    },

    deadLetters: () => [...deadLettered],
  };
}
