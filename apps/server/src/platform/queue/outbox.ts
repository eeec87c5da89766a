import type { Db, Queryable } from '../db';
import type { Logger } from '../logger';
import type { JobDefinition, JobQueue } from './port';
import { validatePayload } from './registry';

/**
 * The transactional outbox. `enqueueInTx` writes a job into the same transaction as the rows that
 * cause it; the relay moves committed jobs to the queue and deletes them only once the broker has
 * them. Rows are claimed with SKIP LOCKED, so any number of processes may relay at once. Delivery is
 * at least once: a relay that dies after publishing but before deleting publishes again, which is why
 * every job handler is idempotent.
 */
export async function enqueueInTx<Payload>(
  tx: Queryable,
  job: JobDefinition<Payload>,
  payload: Payload,
): Promise<void> {
  const valid = validatePayload(job, payload);
  await tx.query('/* outboxInsert */ insert into outbox (job, payload) values ($1, $2)', [
    job.name,
    JSON.stringify(valid),
  ]);
}

export interface OutboxRelay {
  /** Relays now (after a commit that wrote to the outbox), instead of at the next poll. */
  kick(): void;
  /** Relays until the outbox is empty; resolves when it is (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const BATCH = 200;

export function createOutboxRelay(deps: {
  db: Db;
  queue: JobQueue;
  jobs: readonly JobDefinition<unknown>[];
  logger: Logger;
  pollMs?: number;
}): OutboxRelay {
  const { db, queue, logger } = deps;
  const byName = new Map(deps.jobs.map((job) => [job.name, job]));
  const pollMs = deps.pollMs ?? 1000;
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;
  let failures = 0;

  /** One batch: claim, publish, delete, in one transaction. Returns how many rows it moved. */
  const relayBatch = () =>
    db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; job: string; payload: unknown }>(
        '/* relayOutbox */ select id, job, payload from outbox order by id limit $1 for update skip locked',
        [BATCH],
      );
      for (const row of rows) {
        const job = byName.get(row.job);
        if (!job) {
          // A job this version does not know (a newer producer): leave it for a process that does.
          logger.warn({ job: row.job, id: row.id }, 'outbox holds a job with no declaration here; skipping');
          continue;
        }
        await queue.enqueue(job, row.payload);
      }
      const known = rows.filter((r) => byName.has(r.job)).map((r) => r.id);
      if (known.length > 0)
        await tx.query('/* relayedOutbox */ delete from outbox where id = any($1::bigint[])', [known]);
      return known.length;
    });

  const run = async (): Promise<number> => {
    let moved = 0;
    do {
      again = false;
      try {
        for (;;) {
          const n = await relayBatch();
          moved += n;
          if (n < BATCH) break;
        }
        failures = 0;
      } catch (error) {
        failures += 1;
        // The broker or database is away: the rows stay, the next poll retries.
        if (failures === 1 || failures % 30 === 0)
          logger.error({ err: error, failures }, 'outbox relay failed; will retry');
        return moved;
      }
    } while (again && !closed);
    return moved;
  };

  const trigger = (): Promise<number> => {
    if (closed) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void trigger(), pollMs);
  timer.unref();

  return {
    kick: () => void trigger(),
    async drain() {
      for (;;) {
        await trigger();
        const [left] = await db.query<{ any: boolean }>(
          '/* outboxPending */ select exists(select 1 from outbox where job = any($1::text[])) as any',
          [[...byName.keys()]],
        );
        if (!left?.any || closed) return;
        if (failures > 0) await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
