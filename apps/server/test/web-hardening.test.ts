import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER, registerWebApp } from '../src/http/web';
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

  it('parses multipart bodies only where a photo can be uploaded', async () => {
    const user = await seed.user();
    const form = () => {
      const body = new FormData();
      body.set('query', '{ viewer { user { id } } }');
      body.set('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), 'x.jpg');
      return body;
    };
    const auth = { authorization: `Bearer ${user.token}` };
    const graphql = await fetch(`${api.url}/graphql`, { method: 'POST', headers: auth, body: form() });
    expect(graphql.status).toBe(400);
    expect(await graphql.json()).toMatchObject({
      errors: [{ message: 'Unsupported Media Type', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    // The upload route still takes one (and says what is wrong with three bytes of "photo").
    const upload = await fetch(`${api.url}/uploads`, { method: 'POST', headers: auth, body: form() });
    expect(upload.status).toBe(400);
    expect(await upload.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'file' } }],
    });
  });

  it('sends headers that forbid framing and sniffing', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('serves the app page with a strict nonce policy: a fresh nonce per response on every script', async () => {
    // A build like Vite's with html.cspNonce, plus one script the build left unstamped.
    const dist = mkdtempSync(path.join(os.tmpdir(), 'glimpse-csp-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      [
        '<!doctype html><html><head>',
        `<meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}">`,
        `<script type="module" src="/assets/app.js" nonce="${NONCE_PLACEHOLDER}"></script>`,
        `<link rel="modulepreload" href="/assets/chunk.js" nonce="${NONCE_PLACEHOLDER}">`,
        '<link rel="modulepreload" href="/assets/other.js">',
        '<link rel="icon" href="/icon.svg">',
        '<script src="/registerSW.js" defer></script>',
        '</head><body><div id="root"></div></body></html>',
      ].join('\n'),
    );
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = Fastify();
    await registerWebApp(app, dist);
    try {
      const nonces = new Set<string>();
      for (const url of ['/', '/index.html', '/ada.lovelace', '/p/123']) {
        const page = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(page.statusCode).toBe(200);
        expect(page.headers['cache-control']).toBe('no-cache');
        const policy = String(page.headers['content-security-policy']);
        const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
        expect(nonce, policy).toBeDefined();
        expect(nonce!.length).toBeGreaterThanOrEqual(22); // 128 bits
        for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
          expect(policy).toContain(directive);
        }
        expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        expect(page.body).not.toContain(NONCE_PLACEHOLDER);
        // Every script and module preload carries this response's nonce; other links don't need one.
        const stamped = page.body.match(/<(script|link rel="modulepreload")[^>]*>/g) ?? [];
        expect(stamped).toHaveLength(4);
        for (const tag of stamped) expect(tag).toContain(`nonce="${nonce}"`);
        expect(page.body).toContain('<link rel="icon" href="/icon.svg">');
        nonces.add(nonce!);
      }
      expect(nonces.size).toBe(4);
      // Static assets keep the default, script-free policy.
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.headers['content-security-policy']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
