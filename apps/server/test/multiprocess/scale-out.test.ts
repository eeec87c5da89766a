import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createLogger } from '../../src/platform/logger';
import type { TimelineStore } from '../../src/platform/timelines/port';
import { createRedisTimelines } from '../../src/platform/timelines/redis';
import { solvedCaptcha } from '../support/captcha';
import { Api } from '../support/client';
import { PASSWORD, photo } from '../support/seed';
import { SERVICES } from '../support/services';
import { type Cluster, clusterAvailable, type GlimpseProcess, startCluster, until } from './cluster';
import { holdRequest, multipartPhoto } from './held-request';

/**
 * Glimpse scaled out as in production: two stateless API processes behind nginx and a worker process, on
 * PostgreSQL, Redis, RabbitMQ and S3. Sessions, feeds and jobs cross process boundaries, and SIGTERM
 * drains an API process or a worker without losing a request or a job.
 */

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { user { id } } } }`;
const VIEWER = '{ viewer { user { id } } }';
const FOLLOW = 'mutation($id: ID!) { follow(userId: $id) { viewerFollowState } }';
const HOME_FEED = '{ homeFeed(first: 50, order: CHRONOLOGICAL) { edges { node { id } } } }';
const CREATE_POST = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }';

interface Account {
  id: string;
  token: string;
}
type ViewerData = { viewer: { user: { id: string } } | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signUp(api: Api, name: string): Promise<Account> {
  const username = `${name}_${randomBytes(3).toString('hex')}`;
  const data = await api.ok<{ signUp: { token: string; viewer: { user: { id: string } } } }>(SIGN_UP, {
    input: {
      username,
      email: `${username}@example.test`,
      password: PASSWORD,
      captcha: await solvedCaptcha(api.url),
    },
  });
  return { id: data.signUp.viewer.user.id, token: data.signUp.token };
}

async function upload(api: Api, who: Account, data: Buffer): Promise<string> {
  const res = await api.upload(data, who.token);
  if (!res.body.id) throw new Error(`upload failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body.id;
}

function createPostBody(uploadId: string) {
  return { input: { caption: 'scaled out', media: [{ uploadId, altText: 'a test photo' }] } };
}

async function createPost(api: Api, who: Account, uploadId: string): Promise<string> {
  const data = await api.ok<{ createPost: { id: string } }>(CREATE_POST, createPostBody(uploadId), who.token);
  return data.createPost.id;
}

async function feedIds(api: Api, who: Account): Promise<string[]> {
  const data = await api.ok<{ homeFeed: { edges: { node: { id: string } }[] } }>(HOME_FEED, {}, who.token);
  return data.homeFeed.edges.map((edge) => edge.node.id);
}

/** A photo of noise: slow enough to render (three widths in three formats) that a worker is caught mid-job. */
function noisyPhoto(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .blur(2)
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** True when nothing listens on the port any more. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * Reads the viewer through the balancer every 40 ms until stopped. GET, as a browser's idempotent reads
 * are: nginx retries those on the next API process when one goes away mid-connection.
 */
function steadyTraffic(base: string, who: Account) {
  const results: { status: number; userId: string | null; upstream: string }[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const res = await fetch(`${base}/graphql?query=${encodeURIComponent(VIEWER)}`, {
          headers: { authorization: `Bearer ${who.token}` },
        });
        const body = (await res.json()) as { data?: ViewerData };
        const upstream = res.headers.get('x-upstream') ?? '';
        results.push({ status: res.status, userId: body.data?.viewer?.user.id ?? null, upstream });
      } catch {
        results.push({ status: 0, userId: null, upstream: '' });
      }
      await sleep(40);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return results;
    },
  };
}

describe.skipIf(!(await clusterAvailable()))(
  'scaled out: two API processes and a worker behind nginx',
  () => {
    let cluster: Cluster;
    let api1: Api;
    let api2: Api;
    let balanced: Api;
    let timelines: TimelineStore;
    let author: Account;
    let follower: Account;
    /** Every post the author made, for the final feed and counter checks. */
    const authored: string[] = [];

    const processNamed = (name: string): GlimpseProcess => {
      const found = cluster.processes().find((p) => p.name === name);
      if (!found) throw new Error(`no process ${name}`);
      return found;
    };
    const readyCount = async (postIds: readonly string[]) => {
      const [row] = await cluster.sql<{ ready: number }>(
        `select count(*)::int as ready from posts where id = any($1::bigint[]) and status = 'ready'`,
        [postIds],
      );
      return row?.ready ?? 0;
    };
    const allReady = (what: string, postIds: readonly string[], deadlineMs = 60_000) =>
      until(what, deadlineMs, async () => ((await readyCount(postIds)) === postIds.length ? true : null));
    const showLogsOnFailure = () =>
      onTestFailed(() => {
        for (const p of cluster.processes()) console.error(`--- ${p.name} ---\n${p.output()}`);
      });

    beforeAll(async () => {
      cluster = await startCluster({ apis: 2 });
      const [first, second] = cluster.apis;
      api1 = new Api(first!.url!);
      api2 = new Api(second!.url!);
      balanced = new Api(cluster.url);
      timelines = createRedisTimelines({
        url: SERVICES.redis.url,
        prefix: `${cluster.tag}:`,
        logger: createLogger('silent'),
      });
    });

    afterAll(async () => {
      await timelines?.close();
      await cluster?.stop();
    });

    it('a session made on one API process works on the other and through the balancer', async () => {
      showLogsOnFailure();
      author = await signUp(api1, 'author');
      const onOther = await api2.ok<ViewerData>(VIEWER, {}, author.token);
      expect(onOther.viewer?.user.id).toBe(author.id);

      const upstreams = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const res = await balanced.gql<ViewerData>(VIEWER, {}, { token: author.token });
        expect(res.status).toBe(200);
        expect(res.data?.viewer?.user.id).toBe(author.id);
        upstreams.add(res.headers.get('x-upstream') ?? '');
      }
      // Round-robin: the same session was served by both processes.
      expect(upstreams).toEqual(new Set(cluster.apis.map((api) => `127.0.0.1:${api.port}`)));
    });

    it('a session signed out through one API process is refused by the other at once, though it kept it', async () => {
      showLogsOnFailure();
      const leaver = await signUp(api1, 'leaver');
      // api2 resolves the session and keeps it in process for a few seconds.
      expect((await api2.ok<ViewerData>(VIEWER, {}, leaver.token)).viewer?.user.id).toBe(leaver.id);
      expect((await api2.ok<ViewerData>(VIEWER, {}, leaver.token)).viewer?.user.id).toBe(leaver.id);
      await api1.ok('mutation { logOut }', {}, leaver.token);
      // Well inside the 5 s an in-process copy may live: the revocation reached api2 over the bus.
      await until('the signed-out session refused by api2', 1500, async () =>
        (await api2.ok<ViewerData>(VIEWER, {}, leaver.token)).viewer === null ? true : null,
      );
    });

    it("a post made on one API process reaches a follower's feed on the other, fanned out by the worker", async () => {
      showLogsOnFailure();
      follower = await signUp(api2, 'follower');
      await api2.ok(FOLLOW, { id: author.id }, follower.token);
      expect(await feedIds(api2, follower)).toEqual([]);
      // Reading the feed built the follower's (empty) timeline in Redis: only a fan-out can add to it now,
      // and API processes run no jobs.
      expect(await timelines.read(follower.id)).toEqual([]);

      const postId = await createPost(api1, author, await upload(api1, author, await photo(96, 96)));
      authored.push(postId);
      const feed = await until('the post in the follower feed served by api2', 30_000, async () => {
        const ids = await feedIds(api2, follower);
        return ids.includes(postId) ? ids : null;
      });
      expect(feed).toEqual([postId]);
      expect(await timelines.read(follower.id)).toEqual([postId]);
    });

    it('the search box on one API process finds accounts that signed up or were renamed through the other', async () => {
      showLogsOnFailure();
      const SEARCH = 'query($q: String!) { search(query: $q) { accounts { id } } }';
      const found = async (query: string) =>
        (
          await api2.ok<{ search: { accounts: { id: string }[] } }>(SEARCH, { q: query }, follower.token)
        ).search.accounts.map((a) => a.id);
      // api2's index of accounts is built by its first keystroke; later changes reach it over the bus.
      expect(await found('follower')).toContain(follower.id);
      const newcomer = await signUp(api1, 'zircon');
      await until('the newcomer in api2’s suggestions', 10_000, async () =>
        (await found('zircon')).includes(newcomer.id) ? true : null,
      );
      await api1.ok(
        'mutation($n: String!) { updateProfile(input: { displayName: $n }) { id } }',
        { n: 'Quartzite Keeper' },
        newcomer.token,
      );
      await until('the new name in api2’s suggestions', 10_000, async () =>
        (await found('quartzite k')).includes(newcomer.id) ? true : null,
      );
    });

    it('SIGTERM to an API process finishes its in-flight requests, then it exits; the balancer keeps serving', async () => {
      showLogsOnFailure();
      const api = processNamed('api1');
      const base = api.url!;
      const auth = { authorization: `Bearer ${author.token}` };
      const uploadsForPosts = await Promise.all(
        [1, 2, 3].map(async () => upload(api2, author, await photo())),
      );
      const { body: uploadBody, contentType } = multipartPhoto(await noisyPhoto(1600, 1200));
      const keepAlive = new http.Agent({ keepAlive: true });

      const heldUploads = [0, 1, 2, 3].map((i) =>
        holdRequest(base, {
          path: '/uploads',
          headers: { ...auth, 'content-type': contentType },
          body: uploadBody,
          // One client keeps its connection alive: shutdown must not wait for it to go idle and time out.
          ...(i === 0 ? { agent: keepAlive } : {}),
        }),
      );
      const heldPosts = uploadsForPosts.map((uploadId) =>
        holdRequest(base, {
          path: '/graphql',
          headers: { ...auth, 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ query: CREATE_POST, variables: createPostBody(uploadId) })),
        }),
      );
      const held = [...heldUploads, ...heldPosts];
      await Promise.all(held.map((request) => request.accepted));

      const traffic = steadyTraffic(cluster.url, author);
      await sleep(200);
      const signalledAt = Date.now();
      api.signal('SIGTERM');

      // It stops accepting connections at once, while the requests it holds keep it running.
      await until('api1 to refuse new connections', 5000, async () =>
        (await refusesConnections(api.port!)) ? true : null,
      );
      expect(api.running()).toBe(true);

      const responses = await Promise.all(
        held.map((request) => request.release({ chunks: 5, pauseMs: 120 })),
      );
      for (const response of responses) expect(response.status, response.body).toBeLessThan(300);
      for (const response of responses.slice(0, heldUploads.length)) {
        expect((JSON.parse(response.body) as { id?: string }).id).toMatch(/^\d+$/);
      }
      const postIds = responses.slice(heldUploads.length).map((response) => {
        const body = JSON.parse(response.body) as { data?: { createPost: { id: string } }; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return body.data!.createPost.id;
      });
      // The keep-alive client was told to close, so the process did not wait out the keep-alive timeout.
      expect(responses[0]!.headers.connection).toBe('close');
      keepAlive.destroy();

      expect(await api.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(15_000);
      await sleep(300);
      const served = await traffic.stop();
      expect(served.length).toBeGreaterThan(5);
      expect(served.filter((r) => r.status !== 200 || r.userId !== author.id)).toEqual([]);
      // nginx lists every upstream it tried; in the end only api2 answers.
      expect(served.at(-1)?.upstream.split(', ').at(-1)).toBe(`127.0.0.1:${processNamed('api2').port}`);

      // Posts created in api1's last moments were handed to the queue and processed by the worker.
      await allReady('the posts created while api1 drained', postIds);
      authored.push(...postIds);
    });

    it('SIGTERM to a worker finishes its running jobs, leaves the rest queued for the next worker, loses none', async () => {
      showLogsOnFailure();
      const worker = processNamed('worker1');
      const photos = await Promise.all([0, 1, 2, 3, 4, 5].map(() => noisyPhoto(1200, 900)));
      // Through the balancer; the posts at once, so that every media job is queued before the first one ends.
      const uploadIds = await Promise.all(photos.map((data) => upload(balanced, author, data)));
      const postIds = await Promise.all(uploadIds.map((uploadId) => createPost(balanced, author, uploadId)));

      await until('a first post to be processed', 60_000, async () =>
        (await readyCount(postIds)) >= 1 ? true : null,
      );
      // Jobs run two at a time and take a second or more: 300 ms after one ended, the next ones are mid-run.
      await sleep(300);
      const readyAtSignal = await readyCount(postIds);
      worker.signal('SIGTERM');
      expect(await worker.exited).toBe(0);
      const readyAtExit = await readyCount(postIds);
      // The jobs it was running when signalled ran to the end before it exited...
      expect(readyAtExit).toBeGreaterThan(readyAtSignal);
      // ...it took no new ones...
      expect(readyAtExit).toBeLessThan(postIds.length);
      // ...and every job it did not finish is back on the queue, waiting, none lost and none half-done.
      const queues = await cluster.queues();
      expect(queues[cluster.jobQueue('media.process-post')]).toEqual({
        messages: postIds.length - readyAtExit,
        consumers: 0,
      });

      await cluster.start('worker', 'worker2');
      await allReady('every post processed by the second worker', postIds);
      authored.push(...postIds);

      // Every post was fanned out once into the follower's timeline.
      const newestFirst = [...authored].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
      await until("every post in the follower's feed", 30_000, async () => {
        const ids = await feedIds(balanced, follower);
        return ids.length === newestFirst.length ? ids : null;
      });
      expect(await feedIds(balanced, follower)).toEqual(newestFirst);
      expect(await timelines.read(follower.id)).toEqual(newestFirst);
    });

    it('stops cleanly and leaves nothing behind: no job waiting, retrying or dead-lettered, the outbox empty', async () => {
      showLogsOnFailure();
      const running = cluster.processes().filter((p) => p.running());
      expect(running.map((p) => p.name).sort()).toEqual(['api2', 'worker2']);
      for (const p of running) p.signal('SIGTERM');
      expect(await Promise.all(running.map((p) => p.exited))).toEqual([0, 0]);

      const queues = await cluster.queues();
      expect(Object.entries(queues).filter(([, counts]) => counts.messages > 0)).toEqual([]);
      expect(queues[cluster.deadLetterQueue]?.messages).toBe(0);
      expect(await cluster.sql('select id, job from outbox')).toEqual([]);
      expect(await cluster.sql(`select id from posts where status <> 'ready'`)).toEqual([]);
      expect(await cluster.sql(`select id from post_media where status <> 'ready'`)).toEqual([]);
      const [counts] = await cluster.sql<{ post_count: number }>(
        'select post_count from users where id = $1',
        [author.id],
      );
      expect(counts?.post_count).toBe(authored.length);
      // No process logged an error, nor a job that failed, was retried or could not be settled.
      for (const p of cluster.processes()) {
        expect(p.output(), p.name).not.toMatch(/"level":(50|60)|"msg":"job /);
      }
    });
  },
);
