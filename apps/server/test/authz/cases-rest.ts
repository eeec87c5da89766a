import type { GqlError } from '../support/client';
import { type Case, defineCase } from './case';
import { POST_QUERY, postSeen } from './cases-reads';
import { avatarPathOf, type Cell, classify, type Observed, uploadAs } from './world';

/** The REST routes, called over real HTTP with the caller's bearer token (none when logged out). */

async function call(cell: Cell, path: string, init: RequestInit & { base?: string } = {}) {
  const headers = new Headers(init.headers);
  if (cell.caller) headers.set('authorization', `Bearer ${cell.caller.token}`);
  const response = await fetch(`${init.base ?? cell.world.api.url}${path}`, { ...init, headers });
  return { response, body: init.method === 'HEAD' ? '' : await response.text() };
}

async function graphqlOver(cell: Cell, method: 'GET' | 'POST'): Promise<Observed> {
  const variables = { id: cell.target.post.id };
  const { response, body } =
    method === 'POST'
      ? await call(cell, '/graphql', {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: POST_QUERY, variables }),
        })
      : await call(
          cell,
          `/graphql?query=${encodeURIComponent(POST_QUERY)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
        );
  const parsed = JSON.parse(body) as { data?: never; errors?: GqlError[] };
  return classify(
    { status: response.status, data: parsed.data ?? null, errors: parsed.errors, headers: response.headers },
    postSeen(cell),
  );
}

/** A photo: 200 to those who may see it, and to others exactly the 404 of a key that never existed. */
async function photo(cell: Cell, path: string): Promise<Observed> {
  const { response, body } = await call(cell, path);
  const head = await call(cell, path, { method: 'HEAD' });
  if (head.response.status !== response.status) {
    return { outcome: `unexpected: HEAD ${head.response.status}, GET ${response.status}`, body };
  }
  if (response.status === 404) {
    const missing = await call(cell, path.replace(/\/([0-9a-f]{32})\//, `/${'0'.repeat(32)}/`));
    return {
      outcome:
        missing.body === body && missing.response.status === 404
          ? 'hidden'
          : 'unexpected: 404 unlike a missing key',
      body,
    };
  }
  if (response.status !== 200) return { outcome: `unexpected: status ${response.status}`, body: '' };
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (cell.target.kind === 'private' && !cacheControl.startsWith('private')) {
    return { outcome: `unexpected: a private photo served with cache-control "${cacheControl}"`, body: '' };
  }
  return { outcome: 'ok', body: '' };
}

/** A route with the same answer for everyone: 200, and no account data (the leak check reads the body). */
const publicRoute = (name: string, path: (cell: Cell) => string, web = false) =>
  defineCase({
    name,
    run: async (cell) => {
      const { response, body } = await call(cell, path(cell), {
        headers: { accept: 'text/html,*/*' },
        ...(web ? { base: cell.world.webUrl } : {}),
      });
      return { outcome: response.status === 200 ? 'public' : `unexpected: status ${response.status}`, body };
    },
  });

export const REST_CASES: Case<unknown>[] = [
  defineCase({ name: 'POST /graphql', run: (cell) => graphqlOver(cell, 'POST') }),
  defineCase({ name: 'GET /graphql', run: (cell) => graphqlOver(cell, 'GET') }),
  defineCase({ name: 'GET /media/*', run: (cell) => photo(cell, cell.target.photoPath) }),
  defineCase({ name: 'GET /media/*[archived]', run: (cell) => photo(cell, cell.target.archivedPhotoPath) }),
  defineCase({ name: 'GET /media/*[story]', run: (cell) => photo(cell, cell.target.story.photoPath) }),
  defineCase({
    name: 'GET /media/*[close friends story]',
    run: (cell) => photo(cell, cell.target.closeFriendsStory.photoPath),
  }),
  defineCase({
    name: 'GET /media/*[highlight story]',
    run: (cell) => photo(cell, cell.target.highlightStory.photoPath),
  }),
  defineCase({
    name: 'GET /media/*[avatar]',
    run: async (cell) => {
      const path = await avatarPathOf(cell.world, cell.target.owner);
      if (!path) return { outcome: 'unexpected: the owner has no avatar', body: '' };
      const { response } = await call(cell, path);
      return {
        outcome: response.status === 200 ? 'public' : `unexpected: status ${response.status}`,
        body: '',
      };
    },
  }),
  defineCase({
    name: 'POST /uploads',
    // Anonymous uploads are refused before the file is read; a signed-in caller's upload is its own, which
    // the target's owner cannot use as a photo.
    run: async (cell) => {
      const { world, caller, target } = cell;
      const res = await world.api.upload(Buffer.from('not a photo'), caller?.token);
      if (res.status === 401) return { outcome: 'unauth', body: JSON.stringify(res.body) };
      if (res.status !== 400 || !caller)
        return { outcome: `unexpected: status ${res.status} for a non-photo`, body: '' };
      const uploadId = await uploadAs(world, caller);
      if (caller === target.owner) return { outcome: 'self', body: '' };
      const taken = await world.api.gql(
        'mutation($id: ID!) { createPost(input: { media: [{ uploadId: $id }] }) { id } }',
        { id: uploadId },
        { token: target.owner.token },
      );
      return {
        outcome:
          taken.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' ? 'self' : 'unexpected: the owner used it',
        body: '',
      };
    },
  }),
  publicRoute('GET /healthz', () => '/healthz'),
  publicRoute('GET /captcha', () => '/captcha'),
  publicRoute('GET /readyz', () => '/readyz'),
  publicRoute('GET /metrics', () => '/metrics'),
  publicRoute('GET /graphiql', () => '/graphiql'),
  publicRoute('GET /graphiql/main.js', () => '/graphiql/main.js'),
  publicRoute('GET /graphiql/sw.js', () => '/graphiql/sw.js'),
  publicRoute('GET /graphiql/config.js', () => '/graphiql/config.js'),
  publicRoute('GET /', () => '/', true),
  publicRoute('GET /index.html', () => '/index.html', true),
  publicRoute('GET /*', (cell) => `/p/${cell.target.post.id}`, true),
];
