import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/http/rate-limit';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

describe.skipIf(!(await modeAvailable()))(`API surface [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  it('answers /healthz and checks every configured backend in /readyz', async () => {
    expect(await (await api.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api.get('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: { name: string; ok: boolean }[] };
    const expected =
      MODE === 'services'
        ? ['database:postgres', 'cache:redis', 'pubsub:redis', 'queue:rabbitmq', 'blobs:s3']
        : ['database:pglite', 'cache:memory', 'pubsub:memory', 'queue:memory', 'blobs:disk'];
    expect(body.checks.map((c) => c.name)).toEqual(expected);
    expect(body.checks.every((c) => c.ok)).toBe(true);
  });

  it('exposes Prometheus metrics: latency by route and operation, queue depth and job latency, media time', async () => {
    const user = await seed.user();
    await user.post();
    await api.gql('query ViewerQuery { viewer { email } }', {}, { token: user.token });
    const text = await (await api.get('/metrics')).text();
    expect(text).toContain(
      'glimpse_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/graphql",status="200"}',
    );
    expect(text).toMatch(
      /glimpse_graphql_operation_duration_seconds_count\{operation="ViewerQuery",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /glimpse_job_duration_seconds_count\{job="media.process-post",status="done"\} [1-9]/,
    );
    expect(text).toMatch(/glimpse_job_queue_depth\{job="media.process-post"\} 0/);
    expect(text).toMatch(/glimpse_media_processing_seconds_count\{stage="post_photo"\} [1-9]/);
  });

  it('refuses queries deeper than the depth limit and costlier than the cost limit', async () => {
    const deep = await api.gql(
      '{ viewer { user { followers { edges { node { followers { edges { node { followers { edges { node { followers { edges { node { id } } } } } } } } } } } } } } }',
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const costly = await api.gql(
      '{ viewer { user { followers(first: 50) { edges { node { followers(first: 50) { edges { node { following(first: 50) { edges { node { id } } } } } } } } } } } }',
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(costly.errors?.[0]?.message).toMatch(/cost is \d+, the limit is 20000/);
  });

  it('gives parse and validation errors their own codes', async () => {
    expect((await api.gql('{ viewer { ')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await api.gql('{ nope }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongType = await api.gql('mutation($id: ID!) { likePost(id: $id) { id } }', {
      id: { nested: true },
    });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports unknown and malformed IDs as absent, never as internal errors', async () => {
    const user = await seed.user();
    for (const id of ['abc', '-1', '99999999999999999999999', '1e5', '']) {
      const res = await api.gql<{ post: null; node: null }>(
        'query($id: ID!) { post(id: $id) { id } node(id: $id) { id } }',
        { id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ post: null, node: null });
      const like = await api.gql(
        'mutation($id: ID!) { likePost(id: $id) { id } }',
        { id },
        { token: user.token },
      );
      expect(like.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const del = await api.gql(
        'mutation($id: ID!) { deletePost(id: $id) { deletedId } }',
        { id },
        { token: user.token },
      );
      expect(del.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const follow = await api.gql(
        'mutation($id: ID!) { follow(userId: $id) { id } }',
        { id },
        { token: user.token },
      );
      expect(follow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('carries a request id on every response', async () => {
    const res = await api.get('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.skipIf(!(await modeAvailable()))(`rate limits [${MODE}]`, () => {
  let api: Api;
  useTestWorld((w) => ({ api } = w), { limits: { ...LIMITS, logIn: { limit: 3, windowSeconds: 60 } } });

  it('limits log-in attempts per IP with RATE_LIMITED and a retry time', async () => {
    const attempt = () =>
      api.gql('mutation { logIn(input: { login: "nobody", password: "whatever123" }) { token } }');
    for (let i = 0; i < 3; i++)
      expect((await attempt()).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const limited = await attempt();
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/Try again in \d+ seconds/);
  });
});
