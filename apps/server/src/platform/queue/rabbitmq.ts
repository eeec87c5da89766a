import { randomUUID } from 'node:crypto';
import {
  type Channel,
  type ConfirmChannel,
  type ConsumeMessage,
  connect,
  type Options,
  type RecoveringChannelModel,
} from 'amqplib';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { JobDefinition, JobHandler, JobQueue, QueueStats } from './port';
import {
  type AttemptOutcome,
  IdleWaiters,
  JobRegistry,
  QueueClosedError,
  retryDelayMs,
  toError,
  validatePayload,
} from './registry';

/**
 * The job queue on RabbitMQ. Topology, all durable:
 *   `${prefix}job.<name>`                    one work queue per job
 *   `${prefix}job.<name>.retry.<delay>ms`     one per backoff step; its TTL dead-letters back to the work queue
 *   `${prefix}dead-letter`                    jobs that exhausted their attempts or carry an invalid payload
 * Retry queues use a queue-level TTL rather than a per-message `expiration` because RabbitMQ only expires
 * messages at the head of a queue: a 10 ms retry must not wait behind a 16 s one.
 *
 * whenIdle() limitation: it tracks the message ids this process published and resolves once consumers in this
 * same process have finished them. A job consumed by another process is never seen finishing here, so only
 * call whenIdle() in tests or in a single process that both produces and consumes. After a producer-only
 * start it waits for nothing but handlers already running.
 */

export interface RabbitJobQueue extends JobQueue {
  readonly kind: 'rabbitmq';
  /** Deletes every queue this instance declared (tests clean up their uniquely prefixed topology). */
  deleteTopology(): Promise<void>;
}

export interface RabbitQueueOptions {
  url: string;
  /** Prepended to every queue name, e.g. `glimpse.`. */
  prefix: string;
  logger: Logger;
  /** Job run times are recorded as jobs finish; the depth and dead-letter gauges are refreshed by stats(). */
  metrics?: Metrics;
  /** Unacknowledged messages per job queue, i.e. how many jobs of one kind run at once. Default 4. */
  prefetch?: number;
  /** First retry delay; doubles per attempt. Default 1000 ms. */
  retryBaseMs?: number;
}

const ATTEMPT_HEADER = 'x-glimpse-attempt';
const JOB_HEADER = 'x-glimpse-job';
const REASON_HEADER = 'x-glimpse-reason';
const ERROR_HEADER = 'x-glimpse-error';
// amqplib refuses header tables over 64 KiB; a stack trace does not need to be whole in the dead-letter queue.
const MAX_ERROR_LENGTH = 2000;
const MAX_TRACKED = 10_000;

export class RabbitNotConnectedError extends Error {
  constructor() {
    super('not connected to RabbitMQ');
    this.name = 'RabbitNotConnectedError';
  }
}

function publishConfirmed(
  channel: ConfirmChannel,
  queue: string,
  content: Buffer,
  options: Options.Publish,
): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.sendToQueue(
      queue,
      content,
      { persistent: true, contentType: 'application/json', ...options },
      (err: unknown) => (err ? reject(toError(err)) : resolve()),
    );
  });
}

function attemptOf(message: ConsumeMessage): number {
  const value: unknown = message.properties.headers?.[ATTEMPT_HEADER];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

export async function createRabbitQueue(options: RabbitQueueOptions): Promise<RabbitJobQueue> {
  const { prefix, logger, metrics } = options;
  const prefetch = Math.max(1, options.prefetch ?? 4);
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const registry = new JobRegistry(metrics);

  const jobQueue = (name: string) => `${prefix}job.${name}`;
  const retryQueue = (name: string, delayMs: number) => `${prefix}job.${name}.retry.${delayMs}ms`;
  const deadLetterQueue = `${prefix}dead-letter`;

  let state: 'created' | 'started' | 'closed' = 'created';
  let consuming = false;
  let connected = false;
  let connects = 0;
  let publisher: ConfirmChannel | null = null;
  let openingPublisher: Promise<ConfirmChannel> | null = null;
  let consumer: Channel | null = null;
  let consumerTags: string[] = [];
  let startingConsumers: Promise<void> | null = null;
  const knownJobs = new Set<string>();
  const declaredQueues = new Set<string>();
  /** Queues asserted on the current connection; cleared on reconnect in case the broker lost them. */
  const asserted = new Set<string>();
  /** Ids of jobs this process published and has not yet seen finish (for whenIdle). */
  const published = new Set<string>();
  const track = (jobId: string) => {
    if (state === 'started' && !consuming) return;
    published.add(jobId);
    // Jobs finished by other workers never leave the set; the bound keeps that from growing without end.
    if (published.size > MAX_TRACKED) published.delete(published.values().next().value ?? jobId);
  };
  const inFlight = new Set<Promise<void>>();
  const idle = new IdleWaiters(
    () =>
      inFlight.size === 0 &&
      (published.size === 0 || state === 'closed' || (state === 'started' && !consuming)),
  );

  // Built-in recovery reconnects with backoff; channels and consumers are ours to reopen on 'connect'.
  // initialMaxRetries 0: a broker that is down at boot fails start-up instead of hanging it.
  const connection: RecoveringChannelModel = await connect(options.url, {
    recovery: { waitForConnect: false, initialMaxRetries: 0, maxDelay: 10_000 },
  });
  connection.on('error', (err: Error) => logger.error({ err }, 'RabbitMQ connection error'));
  connection.on('blocked', (reason: string) => logger.warn({ reason }, 'RabbitMQ blocked publishing'));
  connection.on('disconnect', (err: Error) => {
    connected = false;
    publisher = null;
    consumer = null;
    if (state !== 'closed') logger.warn({ err }, 'RabbitMQ disconnected; reconnecting');
  });
  connection.on('reconnect-failed', (err: Error) => logger.error({ err }, 'RabbitMQ reconnection abandoned'));
  connection.on('connect', () => {
    connected = true;
    connects++;
    if (connects === 1) return;
    logger.info('RabbitMQ reconnected');
    asserted.clear();
    if (state !== 'started') return;
    assertTopology()
      .then(() => (consuming ? startConsumers() : undefined))
      .catch((err: unknown) => logger.error({ err }, 'RabbitMQ recovery failed'));
  });
  await connection.waitForConnect();

  function openPublisher(): Promise<ConfirmChannel> {
    if (publisher) return Promise.resolve(publisher);
    if (!connected) return Promise.reject(new RabbitNotConnectedError());
    openingPublisher ??= connection
      .createConfirmChannel()
      .then((channel) => {
        channel.on('error', (err: Error) => logger.error({ err }, 'RabbitMQ publish channel error'));
        channel.on('close', () => {
          if (publisher === channel) publisher = null;
        });
        publisher = channel;
        return channel;
      })
      .finally(() => {
        openingPublisher = null;
      });
    return openingPublisher;
  }

  async function ensureQueue(queue: string, queueOptions: Options.AssertQueue = {}): Promise<void> {
    if (asserted.has(queue)) return;
    const channel = await openPublisher();
    await channel.assertQueue(queue, { durable: true, ...queueOptions });
    asserted.add(queue);
    declaredQueues.add(queue);
  }

  const ensureRetryQueue = (name: string, delayMs: number) => {
    const queue = retryQueue(name, delayMs);
    return ensureQueue(queue, {
      messageTtl: delayMs,
      deadLetterExchange: '',
      deadLetterRoutingKey: jobQueue(name),
    }).then(() => queue);
  };

  async function assertTopology(): Promise<void> {
    await ensureQueue(deadLetterQueue);
    for (const name of knownJobs) await ensureQueue(jobQueue(name));
    if (!consuming) return;
    for (const name of registry.names()) {
      const maxAttempts = registry.get(name)?.maxAttempts ?? 1;
      for (let attempt = 1; attempt < maxAttempts; attempt++) {
        await ensureRetryQueue(name, retryDelayMs(attempt, retryBaseMs));
      }
    }
  }

  const settle = (channel: Channel, message: ConsumeMessage, how: 'ack' | 'requeue') => {
    try {
      if (how === 'ack') channel.ack(message);
      else channel.nack(message, false, true);
    } catch (err) {
      // The channel died under us; the broker redelivers the message on the next channel.
      logger.warn({ err }, 'could not settle a RabbitMQ message');
    }
  };

  async function handle(name: string, message: ConsumeMessage): Promise<'ack' | 'requeue'> {
    const registration = registry.get(name);
    if (!registration) return 'requeue';
    const attempt = attemptOf(message);
    const { messageId } = message.properties;
    const jobId = typeof messageId === 'string' ? messageId : randomUUID();
    let outcome: AttemptOutcome;
    try {
      outcome = await registration.run(JSON.parse(message.content.toString('utf8')), { attempt, jobId });
    } catch (err) {
      outcome = { kind: 'poison', error: toError(err) };
    }

    if (outcome.kind === 'failed' && attempt < registration.maxAttempts) {
      const delayMs = retryDelayMs(attempt, retryBaseMs);
      logger.warn({ job: name, jobId, attempt, delayMs, err: outcome.error }, 'job failed; will retry');
      const queue = await ensureRetryQueue(name, delayMs);
      await publishConfirmed(await openPublisher(), queue, message.content, {
        messageId: jobId,
        headers: { [ATTEMPT_HEADER]: attempt + 1 },
      });
      return 'ack';
    }
    if (outcome.kind !== 'finished') {
      const reason = outcome.kind === 'poison' ? 'poison' : 'exhausted';
      logger.error({ job: name, jobId, attempt, reason, err: outcome.error }, 'job dead-lettered');
      await publishConfirmed(await openPublisher(), deadLetterQueue, message.content, {
        messageId: jobId,
        headers: {
          [JOB_HEADER]: name,
          [ATTEMPT_HEADER]: attempt,
          [REASON_HEADER]: reason,
          [ERROR_HEADER]: outcome.error.message.slice(0, MAX_ERROR_LENGTH),
        },
      });
    }
    published.delete(jobId);
    return 'ack';
  }

  function onMessage(channel: Channel, name: string, message: ConsumeMessage): void {
    const task: Promise<void> = handle(name, message)
      .catch((err: unknown) => {
        // Could not hand the message on (retry or dead-letter publish failed): let the broker redeliver it.
        logger.error({ job: name, err }, 'job could not be settled; requeueing');
        return 'requeue' as const;
      })
      .then((how) => settle(channel, message, how))
      .finally(() => {
        inFlight.delete(task);
        idle.check();
      });
    inFlight.add(task);
  }

  function startConsumers(): Promise<void> {
    if (consumer) return Promise.resolve();
    startingConsumers ??= (async () => {
      const channel = await connection.createChannel();
      channel.on('error', (err: Error) => logger.error({ err }, 'RabbitMQ consume channel error'));
      channel.on('close', () => {
        if (consumer !== channel) return;
        consumer = null;
        // A channel-level error (not a lost connection, which 'connect' handles) would otherwise stop consuming.
        if (connected && state === 'started') {
          setTimeout(() => {
            if (state !== 'started') return;
            startConsumers().catch((err: unknown) =>
              logger.error({ err }, 'RabbitMQ consumer restart failed'),
            );
          }, 1000).unref();
        }
      });
      await channel.prefetch(prefetch);
      const tags: string[] = [];
      for (const name of registry.names()) {
        const { consumerTag } = await channel.consume(jobQueue(name), (message) => {
          if (message) onMessage(channel, name, message);
          else logger.warn({ job: name }, 'RabbitMQ cancelled the consumer (queue deleted?)');
        });
        tags.push(consumerTag);
      }
      consumer = channel;
      consumerTags = tags;
    })().finally(() => {
      startingConsumers = null;
    });
    return startingConsumers;
  }

  async function withScratchChannel<T>(fn: (channel: Channel) => Promise<T>): Promise<T> {
    if (!connected) throw new RabbitNotConnectedError();
    // A passive check of a missing queue closes its channel, so never risk the long-lived ones.
    const channel = await connection.createChannel();
    channel.on('error', () => {});
    try {
      return await fn(channel);
    } finally {
      await channel.close().catch(() => {});
    }
  }

  return {
    kind: 'rabbitmq',

    register<Payload>(job: JobDefinition<Payload>, handler: JobHandler<Payload>): void {
      registry.register(job, handler);
      knownJobs.add(job.name);
    },

    async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload): Promise<void> {
      if (state === 'closed') throw new QueueClosedError();
      validatePayload(job, payload);
      knownJobs.add(job.name);
      // Publishing to a queue that does not exist yet would be confirmed and silently dropped.
      await ensureQueue(jobQueue(job.name));
      const jobId = randomUUID();
      track(jobId);
      try {
        await publishConfirmed(
          await openPublisher(),
          jobQueue(job.name),
          Buffer.from(JSON.stringify(payload ?? null)),
          {
            messageId: jobId,
            timestamp: Math.floor(Date.now() / 1000),
            headers: { [ATTEMPT_HEADER]: 1 },
          },
        );
      } catch (err) {
        published.delete(jobId);
        throw err;
      }
    },

    async start(declared, startOptions = {}): Promise<void> {
      if (state !== 'created') throw new Error(`cannot start a job queue that is ${state}`);
      const consume = startOptions.consume ?? true;
      if (consume) registry.assertHandled(declared);
      for (const job of declared) knownJobs.add(job.name);
      consuming = consume;
      // A producer never sees its jobs finish, so there is nothing for whenIdle() to wait for.
      if (!consume) published.clear();
      await assertTopology();
      state = 'started';
      if (consume) await startConsumers();
    },

    whenIdle: () => idle.wait(),

    async stats(): Promise<QueueStats> {
      return withScratchChannel(async (channel) => {
        const depth: Record<string, number> = {};
        for (const name of knownJobs) {
          const { messageCount } = await channel.checkQueue(jobQueue(name));
          depth[name] = messageCount;
          metrics?.jobQueueDepth.set({ job: name }, messageCount);
        }
        const { messageCount: deadLettered } = await channel.checkQueue(deadLetterQueue);
        metrics?.jobsDeadLettered.set(deadLettered);
        return { depth, deadLettered };
      });
    },

    async ping(): Promise<void> {
      await withScratchChannel(async () => {});
    },

    async close(): Promise<void> {
      if (state === 'closed') return;
      state = 'closed';
      const channel = consumer;
      if (channel) {
        // Cancelling stops deliveries; acks of jobs still running go out on the same channel afterwards.
        await Promise.all(consumerTags.map((tag) => channel.cancel(tag).catch(() => {})));
      }
      await Promise.all(inFlight);
      consumer = null;
      await channel?.close().catch(() => {});
      await publisher?.close().catch(() => {});
      publisher = null;
      await connection.close();
      idle.check();
    },

    async deleteTopology(): Promise<void> {
      // Its own connection, so tests can clean up after close().
      const cleaner = await connect(options.url);
      try {
        const channel = await cleaner.createChannel();
        for (const queue of declaredQueues) await channel.deleteQueue(queue);
      } finally {
        await cleaner.close();
      }
      declaredQueues.clear();
      asserted.clear();
    },
  };
}
