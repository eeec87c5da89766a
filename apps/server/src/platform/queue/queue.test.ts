import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SERVICES, servicesAvailable } from '../../../test/support/services';
import { silentLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createMemoryQueue } from './memory';
import { defineJob, type JobQueue, type JobStatus } from './port';
import { createRabbitQueue, type RabbitJobQueue } from './rabbitmq';
import {
  DuplicateJobHandlerError,
  JobPayloadError,
  MissingJobHandlersError,
  QueueClosedError,
} from './registry';

const rabbitOk = await servicesAvailable('rabbitmq');

const greet = defineJob('greet', z.object({ name: z.string().min(1) }), { maxAttempts: 3 });
const other = defineJob('other', z.object({ n: z.number() }));

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

interface Adapter {
  /** A fresh queue; instances opened with the same `shared` key see the same broker topology. */
  open(shared?: string): Promise<JobQueue>;
}

/** The behaviour every JobQueue adapter promises; run once per adapter. */
function queueContract(name: string, adapter: Adapter, skip = false) {
  describe.skipIf(skip)(`JobQueue contract: ${name}`, () => {
    it('rejects an invalid payload on enqueue', async () => {
      const queue = await adapter.open();
      await expect(queue.enqueue(greet, { name: '' })).rejects.toBeInstanceOf(JobPayloadError);
    });

    it('runs the handler with the validated payload', async () => {
      const queue = await adapter.open();
      const seen: unknown[] = [];
      queue.register(greet, async (payload, meta) => {
        seen.push({ payload, attempt: meta.attempt, hasId: meta.jobId.length > 0 });
        return 'done';
      });
      await queue.start([greet]);
      await queue.enqueue(greet, { name: 'ada' });
      await queue.whenIdle();
      expect(seen).toEqual([{ payload: { name: 'ada' }, attempt: 1, hasId: true }]);
      expect((await queue.stats()).deadLettered).toBe(0);
    });

    it('holds jobs enqueued before start and runs them after', async () => {
      const queue = await adapter.open();
      const names: string[] = [];
      queue.register(greet, async ({ name }) => {
        names.push(name);
        return 'skipped';
      });
      await queue.enqueue(greet, { name: 'early' });
      await queue.start([greet]);
      await queue.whenIdle();
      expect(names).toEqual(['early']);
    });

    it('retries a failing job with backoff until it succeeds', async () => {
      const queue = await adapter.open();
      const attempts: number[] = [];
      queue.register(greet, async (_payload, { attempt }) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error(`flaky ${attempt}`);
        return 'done';
      });
      await queue.start([greet]);
      await queue.enqueue(greet, { name: 'retry' });
      await queue.whenIdle();
      expect(attempts).toEqual([1, 2, 3]);
      expect((await queue.stats()).deadLettered).toBe(0);
    });

    it('dead-letters a job that exhausts its attempts', async () => {
      const queue = await adapter.open();
      let calls = 0;
      queue.register(greet, async () => {
        calls++;
        throw new Error('always broken');
      });
      await queue.start([greet]);
      await queue.enqueue(greet, { name: 'doomed' });
      await queue.whenIdle();
      expect(calls).toBe(greet.maxAttempts);
      expect((await queue.stats()).deadLettered).toBe(1);
    });

    it('dead-letters a poison message at once, without retries', async () => {
      const queue = await adapter.open();
      // The same job as an older producer knew it: its payloads no longer match the consumer's schema.
      const oldGreet = defineJob('greet', z.object({ name: z.number() }));
      let calls = 0;
      queue.register(greet, async () => {
        calls++;
        return 'done';
      });
      await queue.start([greet]);
      await queue.enqueue(oldGreet, { name: 42 });
      await queue.whenIdle();
      expect(calls).toBe(0);
      expect((await queue.stats()).deadLettered).toBe(1);
    });

    it('refuses to start while a declared job has no handler, naming every one', async () => {
      const queue = await adapter.open();
      const third = defineJob('third', z.object({}));
      queue.register(greet, async () => 'done');
      const started = queue.start([greet, other, third]);
      await expect(started).rejects.toBeInstanceOf(MissingJobHandlersError);
      await expect(started).rejects.toThrow(/other, third/);
    });

    it('refuses a second handler for the same job', async () => {
      const queue = await adapter.open();
      queue.register(greet, async () => 'done');
      expect(() => queue.register(greet, async () => 'done')).toThrow(DuplicateJobHandlerError);
    });

    it('whenIdle waits for every queued and running job', async () => {
      const queue = await adapter.open();
      let completed = 0;
      queue.register(other, async ({ n }) => {
        await new Promise((resolve) => setTimeout(resolve, 5 * n));
        completed++;
        return 'done';
      });
      await queue.start([other]);
      for (let n = 0; n < 10; n++) await queue.enqueue(other, { n });
      await queue.whenIdle();
      expect(completed).toBe(10);
    });

    it('close waits for a running job, then refuses new ones', async () => {
      const queue = await adapter.open();
      const started = deferred();
      const gate = deferred();
      let finished = false;
      queue.register(greet, async () => {
        started.resolve();
        await gate.promise;
        finished = true;
        return 'done';
      });
      await queue.start([greet]);
      await queue.enqueue(greet, { name: 'slow' });
      await started.promise;
      let closed = false;
      const closing = queue.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(false);
      gate.resolve();
      await closing;
      expect(finished).toBe(true);
      await expect(queue.enqueue(greet, { name: 'late' })).rejects.toBeInstanceOf(QueueClosedError);
    });

    it('a producer-only start leaves jobs waiting', async () => {
      const queue = await adapter.open();
      await queue.start([greet], { consume: false });
      await queue.enqueue(greet, { name: 'a' });
      await queue.enqueue(greet, { name: 'b' });
      expect((await queue.stats()).depth.greet).toBe(2);
      await queue.ping();
    });
  });
}

// ---- memory ----

const memoryQueues: JobQueue[] = [];
queueContract('memory', {
  async open() {
    const queue = createMemoryQueue({ logger: silentLogger, retryBaseMs: 10, concurrency: 3 });
    memoryQueues.push(queue);
    return queue;
  },
});

describe('memory job queue', () => {
  it('keeps dead letters with their reason and last error', async () => {
    const queue = createMemoryQueue({ logger: silentLogger, retryBaseMs: 1 });
    memoryQueues.push(queue);
    queue.register(greet, async ({ name }) => {
      throw new Error(`cannot greet ${name}`);
    });
    await queue.start([greet]);
    await queue.enqueue(greet, { name: 'bob' });
    await queue.whenIdle();
    expect(queue.deadLetters()).toEqual([
      expect.objectContaining({
        job: 'greet',
        payload: { name: 'bob' },
        attempts: 3,
        reason: 'exhausted',
        error: 'cannot greet bob',
      }),
    ]);
  });

  it('refuses a job nobody in the process handles', async () => {
    const queue = createMemoryQueue({ logger: silentLogger });
    memoryQueues.push(queue);
    queue.register(greet, async () => 'done');
    await queue.start([greet]);
    await expect(queue.enqueue(other, { n: 1 })).rejects.toBeInstanceOf(MissingJobHandlersError);
  });

  it('records run time by job and status, and queue depth', async () => {
    const metrics = createMetrics();
    const queue = createMemoryQueue({ logger: silentLogger, metrics, retryBaseMs: 1 });
    memoryQueues.push(queue);
    queue.register(greet, async (_payload, { attempt }) => {
      if (attempt === 1) throw new Error('once');
      return 'done';
    });
    await queue.enqueue(greet, { name: 'm' });
    expect(await metrics.registry.getSingleMetricAsString('glimpse_job_queue_depth')).toContain(
      '{job="greet"} 1',
    );
    await queue.start([greet]);
    await queue.whenIdle();
    const durations = await metrics.registry.getSingleMetricAsString('glimpse_job_duration_seconds');
    expect(durations).toContain('glimpse_job_duration_seconds_count{job="greet",status="failed"} 1');
    expect(durations).toContain('glimpse_job_duration_seconds_count{job="greet",status="done"} 1');
    expect(await metrics.registry.getSingleMetricAsString('glimpse_job_queue_depth')).toContain(
      '{job="greet"} 0',
    );
  });
});

// ---- RabbitMQ ----

const rabbitQueues: RabbitJobQueue[] = [];
const runId = randomBytes(4).toString('hex');
let prefixCounter = 0;
const prefixes = new Map<string, string>();
const rabbit: Adapter = {
  async open(shared) {
    const key = shared ?? `solo${prefixCounter++}`;
    let prefix = prefixes.get(key);
    if (!prefix) {
      prefix = `t${runId}.${prefixCounter++}.`;
      prefixes.set(key, prefix);
    }
    const queue = await createRabbitQueue({
      url: SERVICES.rabbitmq.url,
      prefix,
      logger: silentLogger,
      retryBaseMs: 10,
      prefetch: 3,
    });
    rabbitQueues.push(queue);
    return queue;
  },
};
queueContract('rabbitmq', rabbit, !rabbitOk);

describe.skipIf(!rabbitOk)('RabbitMQ job queue', () => {
  it('keeps jobs published while no consumer runs for a consumer that starts later', async () => {
    const producer = await rabbit.open('durable');
    await producer.start([greet], { consume: false });
    await producer.enqueue(greet, { name: 'one' });
    await producer.enqueue(greet, { name: 'two' });
    await producer.close();

    const worker = await rabbit.open('durable');
    const names: string[] = [];
    worker.register(greet, async ({ name }): Promise<JobStatus> => {
      names.push(name);
      return 'done';
    });
    await worker.start([greet]);
    await vi.waitFor(() => expect(names.sort()).toEqual(['one', 'two']), { timeout: 10_000, interval: 20 });
    await vi.waitFor(async () => expect((await worker.stats()).depth.greet).toBe(0), { timeout: 5_000 });
  });

  it('fails to connect to a broker that is not there', async () => {
    await expect(
      createRabbitQueue({ url: 'amqp://guest:guest@127.0.0.1:1', prefix: 'x.', logger: silentLogger }),
    ).rejects.toThrow();
  });
});

afterEach(async () => {
  for (const queue of memoryQueues.splice(0)) await queue.close();
  for (const queue of rabbitQueues.splice(0)) {
    await queue.close();
    await queue.deleteTopology();
  }
});
