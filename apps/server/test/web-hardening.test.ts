import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

describe.skipIf(!(await modeAvailable()))(`web hardening [${MODE}]`, () => {
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ api, seed } = w));
  const post = (headers: Record<string, string>, query = 'mutation { logOut }') =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('refuses state-changing requests from other sites, whatever cookie they carry', async () => {
    const user = await seed.user();
    const cookie = `glimpse_session=${user.token}`;
    const host = new URL(api.url).host;
    const forged = await post({ cookie, origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(
      ((await forged.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('FORBIDDEN');
    expect((await post({ cookie, origin: 'null' })).status).toBe(403);
    expect((await post({ cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The session survived the forged log-out.
    expect(
      (await api.ok<{ viewer: unknown }>('{ viewer { user { id } } }', {}, user.token)).viewer,
    ).not.toBeNull();
    // Same origin, bearer clients and non-browser clients pass.
    expect((await post({ cookie, origin: `http://${host}` }, '{ viewer { user { id } } }')).status).toBe(200);
    expect(
      (
        await post(
          { authorization: `Bearer ${user.token}`, origin: 'https://evil.example' },
          '{ viewer { user { id } } }',
        )
      ).status,
    ).toBe(200);
    expect((await post({}, '{ viewer { user { id } } }')).status).toBe(200);
    // Reads are never refused for their origin.
    expect((await fetch(`${api.url}/healthz`, { headers: { origin: 'https://evil.example' } })).status).toBe(
      200,
    );
  });

  it('sends headers that forbid framing and sniffing', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
