import { describe, expect, it } from 'vitest';
import { LIMITS, parseRateLimits, type RateLimit, type RateLimitName } from '../src/http/rate-limit';
import { Api } from './support/client';
import { MODE, modeAvailable, startServer, TEST_LIMITS } from './support/harness';
import { createSeed } from './support/seed';

/** The test limits, with a few actions made small enough to reach. */
const limits = (overrides: Partial<Record<RateLimitName, RateLimit>>) => ({ ...TEST_LIMITS, ...overrides });

describe('rate limit configuration', () => {
  it('parses overrides and names what is wrong', () => {
    expect(parseRateLimits('post=10/3600, like=100/60')).toEqual({
      post: { limit: 10, windowSeconds: 3600 },
      like: { limit: 100, windowSeconds: 60 },
    });
    expect(() => parseRateLimits('posts=1/1')).toThrow(/unknown limit "posts"/);
    expect(() => parseRateLimits('post=ten/3600')).toThrow(/name=limit\/seconds/);
    expect(() => parseRateLimits('post=0/3600')).toThrow(/at least 1/);
    expect(Object.keys(LIMITS)).toEqual(
      expect.arrayContaining(['post', 'comment', 'follow', 'like', 'search', 'queryCost']),
    );
  });
});

describe.skipIf(!(await modeAvailable()))(`rate limits [${MODE}]`, () => {
  it('limits actions per account, and per address across accounts, with RATE_LIMITED and a retry time', async () => {
    const server = await startServer({
      limits: limits({
        like: { limit: 2, windowSeconds: 3600 },
        likeByIp: { limit: 3, windowSeconds: 3600 },
        search: { limit: 2, windowSeconds: 60 },
      }),
    });
    try {
      const api = new Api(server.url);
      const seed = createSeed(server, api);
      const [author, a, b] = [await seed.user(), await seed.user(), await seed.user()];
      const posts = [await author.post(), await author.post(), await author.post()];
      const LIKE = 'mutation($id: ID!) { likePost(id: $id) { id } }';
      await api.ok(LIKE, { id: posts[0]!.id }, a.token);
      await api.ok(LIKE, { id: posts[1]!.id }, a.token);
      const limited = await api.gql(LIKE, { id: posts[2]!.id }, { token: a.token });
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      const raw = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
        body: JSON.stringify({ query: LIKE, variables: { id: posts[2]!.id } }),
      });
      expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account from the same address: its own first like passes the account limit, but the
      // address has spent its three.
      const fromSameIp = await api.gql(LIKE, { id: posts[0]!.id }, { token: b.token });
      expect(fromSameIp.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Nothing was written by the refused likes.
      const [count] = await server.glimpse.platform.db.query<{ n: number }>(
        'select count(*)::int as n from likes where user_id = any($1::bigint[])',
        [[a.id, b.id]],
      );
      expect(count?.n).toBe(2);
      const SEARCH = 'query { searchAccounts(query: "user") { id } }';
      await api.ok(SEARCH, {}, a.token);
      await api.ok(SEARCH, {}, a.token);
      expect((await api.fails(SEARCH, {}, a.token)).extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await server.stop();
    }
  });

  it('counts GraphQL query cost towards a per-minute budget', async () => {
    const server = await startServer({ limits: limits({ queryCost: { limit: 300, windowSeconds: 60 } }) });
    try {
      const api = new Api(server.url);
      const user = await createSeed(server, api).user();
      // A page of 50 posts with their photos costs a few hundred units: the second is over budget.
      const EXPENSIVE =
        '{ homeFeed(first: 50) { edges { node { id media { id } likers(first: 50) { edges { node { id } } } } } } }';
      const first = await api.gql(EXPENSIVE, {}, { token: user.token });
      const second = first.errors ? first : await api.gql(EXPENSIVE, {}, { token: user.token });
      expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(second.status).toBe(429);
    } finally {
      await server.stop();
    }
  });
});
