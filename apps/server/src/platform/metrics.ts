import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, one registry per app instance so tests can run several apps in one process. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlDuration: Histogram<'operation' | 'outcome'>;
  jobDuration: Histogram<'job' | 'status'>;
  jobQueueDepth: Gauge<'job'>;
  jobsDeadLettered: Gauge;
  mediaProcessing: Histogram<'stage'>;
  dbStatements: Counter;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'glimpse_' });
  const latencyBuckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'glimpse_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'glimpse_graphql_operation_duration_seconds',
      help: 'GraphQL operation latency by operation name',
      labelNames: ['operation', 'outcome'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'glimpse_job_duration_seconds',
      help: 'Job run time by job name and status',
      labelNames: ['job', 'status'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: 'glimpse_job_queue_depth',
      help: 'Jobs waiting in the queue by job name',
      labelNames: ['job'],
      registers: [registry],
    }),
    jobsDeadLettered: new Gauge({
      name: 'glimpse_jobs_dead_lettered',
      help: 'Jobs waiting in the dead-letter queue',
      registers: [registry],
    }),
    mediaProcessing: new Histogram({
      name: 'glimpse_media_processing_seconds',
      help: 'Media processing time by stage',
      labelNames: ['stage'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    dbStatements: new Counter({
      name: 'glimpse_db_statements_total',
      help: 'SQL statements run',
      registers: [registry],
    }),
  };
}
