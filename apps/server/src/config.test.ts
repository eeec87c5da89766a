import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to the embedded backends under the data directory', () => {
    const config = loadConfig({ GLIMPSE_DATA_DIR: '/tmp/glimpse-x' });
    expect(config.database).toEqual({ kind: 'pglite', dir: '/tmp/glimpse-x/pg' });
    expect(config.cache.kind).toBe('memory');
    expect(config.queue.kind).toBe('memory');
    expect(config.blobs).toEqual({ kind: 'disk', root: '/tmp/glimpse-x/media' });
    expect(config.port).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches each backend by its variable alone', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/glimpse',
      REDIS_URL: 'redis://cache:6379',
      AMQP_URL: 'amqp://guest:guest@mq:5672',
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'http://s3:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      PORT: '8080',
    });
    expect(config.database.kind).toBe('postgres');
    expect(config.cache.kind).toBe('redis');
    expect(config.queue.kind).toBe('rabbitmq');
    expect(config.blobs.kind).toBe('s3');
    expect(config.port).toBe(8080);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL']) expect(problems).toContain(name);
  });

  it('refuses half an S3 configuration', () => {
    expect(() => loadConfig({ S3_BUCKET: 'bucket', S3_ACCESS_KEY_ID: 'k' })).toThrow(/set together/);
    expect(() => loadConfig({ S3_ENDPOINT: 'http://s3:9000' })).toThrow(/S3_BUCKET is required/);
  });
});
