import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * A request held open on purpose: its headers go out at once with `Expect: 100-continue`, and the server's
 * `100 Continue` proves it has read them and is handling the request; the body follows only on release().
 * So the test knows, without guessing at timings, that the request is in flight when it signals the server.
 */
export interface HeldResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HeldRequest {
  /** Resolves once the server has read the headers and started on the request. */
  accepted: Promise<void>;
  /** Sends the body in `chunks` pieces `pauseMs` apart and resolves with the response. */
  release(pacing?: { chunks?: number; pauseMs?: number }): Promise<HeldResponse>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function holdRequest(
  base: string,
  request: {
    path: string;
    headers: Record<string, string>;
    body: Buffer;
    /** A keep-alive agent, to check that shutdown does not wait for idle keep-alive connections. */
    agent?: http.Agent;
  },
): HeldRequest {
  const { body } = request;
  const req = http.request(new URL(request.path, base), {
    method: 'POST',
    agent: request.agent ?? false,
    headers: { ...request.headers, 'content-length': String(body.length), expect: '100-continue' },
  });
  const response = new Promise<HeldResponse>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  const accepted = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  // Both are awaited later; until then a failure must not count as an unhandled rejection.
  response.catch(() => {});
  accepted.catch(() => {});
  req.flushHeaders();

  return {
    accepted,
    async release({ chunks = 4, pauseMs = 100 } = {}) {
      const size = Math.ceil(body.length / chunks);
      for (let offset = 0; offset < body.length; offset += size) {
        req.write(body.subarray(offset, offset + size));
        await sleep(pauseMs);
      }
      req.end();
      return response;
    },
  };
}

/** A multipart/form-data body carrying one photo in the field `file`, as POST /uploads expects. */
export function multipartPhoto(photo: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----glimpse${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), photo, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
