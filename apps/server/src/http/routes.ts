import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import type { MediaGate } from '../modules/media/serve';
import type { BlobStore } from '../platform/blobs/port';
import { MAX_UPLOAD_BYTES } from '../platform/media';
import type { Metrics } from '../platform/metrics';
import type { JobQueue } from '../platform/queue/port';
import type { Services } from '../services';
import { sendError } from './errors';
import type { RateLimiter } from './rate-limit';

export interface Probe {
  name: string;
  ping(): Promise<void>;
}

/** REST where GraphQL fits badly: multipart upload, media serving, health and metrics. */
export function registerRoutes(
  app: FastifyInstance,
  deps: {
    services: Services;
    blobs: BlobStore;
    gate: MediaGate;
    probes: Probe[];
    metrics: Metrics;
    queue: JobQueue;
    rateLimit: RateLimiter;
  },
): void {
  const { services, blobs, gate, probes, metrics, queue, rateLimit } = deps;

  // Multipart parsing (and its per-request hooks) only where an upload can arrive, not on every
  // GraphQL request.
  void app.register(async (scope) => {
    await scope.register(multipart);
    scope.post('/uploads', async (request, reply) => {
      if (!request.viewer) return sendError(reply, new AppError('UNAUTHENTICATED', 'You must be logged in'));
      await rateLimit('upload', request.viewer.userId);
      if (!request.isMultipart()) {
        return sendError(reply, fileError('Send the photo as multipart/form-data in a field named "file"'));
      }
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) return sendError(reply, fileError('Send the photo in a field named "file"'));
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') return null;
        throw error;
      });
      if (data === null || file.file.truncated) {
        return sendError(
          reply,
          fileError(`Photos can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'too_large'),
        );
      }
      const upload = await services.uploads.accept(request.viewer.userId, data);
      return reply.code(201).send(upload);
    });
  });

  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const decision = await gate(key, request.viewer?.userId ?? null);
    const object = decision.kind === 'serve' ? await blobs.get(decision.key) : null;
    if (decision.kind !== 'serve' || !object) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .send({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    }
    return reply
      .header('content-type', object.contentType)
      .header('content-length', String(object.size))
      .header('cache-control', decision.cacheControl)
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'cookie, authorization')
      .send(object.body);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks = await Promise.all(
      probes.map(async (probe) => {
        const started = performance.now();
        try {
          await withTimeout(probe.ping(), 2000);
          return { name: probe.name, ok: true, ms: Math.round(performance.now() - started) };
        } catch (error) {
          return { name: probe.name, ok: false, error: (error as Error).message };
        }
      }),
    );
    const ok = checks.every((c) => c.ok);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', async (_request, reply) => {
    const stats = await queue.stats().catch(() => null);
    if (stats) {
      for (const [job, depth] of Object.entries(stats.depth)) metrics.jobQueueDepth.set({ job }, depth);
      metrics.jobsDeadLettered.set(stats.deadLettered);
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

function fileError(message: string, reason = 'missing_file'): AppError {
  return new AppError('BAD_USER_INPUT', message, {
    field: 'file',
    fieldErrors: [{ field: 'file', message }],
    reason,
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
