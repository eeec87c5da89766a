import net from 'node:net';
import type { Answer } from './answers';

/**
 * Requests a browser would never make: raw HTTP/1.1 (fetch refuses some headers and sizes), and GraphQL
 * documents built to be too deep, too wide or too costly.
 */
export function rawPost(
  url: string,
  options: { headers?: Record<string, string>; body: string | Buffer; path?: string },
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers = {
    host: `${hostname}:${port}`,
    'content-type': 'application/json',
    'content-length': String(body.length),
    connection: 'close',
    ...options.headers,
  };
  const head = `POST ${options.path ?? '/graphql'} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer (431, 413) and close before it has read everything: a reset after an
    // answer is not a failure, so the answer is read when the socket closes, whatever the error.
    socket.on('error', () => {});
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(raw);
      if (!match) {
        // Closed with no answer: refusing a request mid-upload resets the connection, and a reset may
        // discard an answer already sent. Status 0 stands for that.
        if (raw === '') resolve({ status: 0, text: '', body: null });
        else reject(new Error(`not an HTTP answer: ${raw.slice(0, 200)}`));
        return;
      }
      const split = raw.indexOf('\r\n\r\n');
      const responseHead = raw.slice(0, split);
      let text = raw.slice(split + 4);
      if (/^transfer-encoding: chunked/im.test(responseHead)) text = dechunk(text);
      let parsed: Answer['body'] = null;
      try {
        parsed = JSON.parse(text) as Answer['body'];
      } catch {
        // Node's own 431 has no body.
      }
      resolve({ status: Number(match[1]), text, body: parsed });
    });
    // No half-close after the body: Node's server drops a request whose client ended before the answer.
    // `connection: close` makes the server end the connection once it has answered.
    socket.setTimeout(30_000, () => socket.destroy());
    socket.write(head);
    socket.write(body);
  });
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    // Sizes count bytes; the answers here are JSON, escaped to ASCII, so bytes and characters agree.
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 4 + size);
  }
}

/** `post { author { posts { edges { node { author ... } } } } }`, `levels` times round. */
export function deepQuery(postId: string, levels: number): string {
  const open = 'author { posts(first: 1) { edges { node { '.repeat(levels);
  const close = ' } } } }'.repeat(levels);
  return `{ post(id: "${postId}") { ${open}id${close} } }`;
}

/** Page sizes multiplied down three levels: cheap to write, costly to run. */
export const costlyQuery = (username: string, first: number) =>
  `{ user(username: "${username}") { followers(first: ${first}) { edges { node { followers(first: ${first}) {
     edges { node { followers(first: ${first}) { edges { node { id username } } } } } } } } } } }`;

export const wideQuery = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: viewer { __typename }`).join(' ')} }`;

/** Each fragment spreads the previous one twice: 2^n fields once expanded. */
export function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on User { id username }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`);
  return `{ viewer { user { ...F${levels} } } } ${fragments.join(' ')}`;
}

export const fragmentCycle = `{ viewer { user { ...A } } }
  fragment A on User { id ...B }
  fragment B on User { username ...A }`;

export const manyOperations = (count: number) =>
  Array.from({ length: count }, (_, i) => `query Q${i} { viewer { __typename } }`).join('\n');
