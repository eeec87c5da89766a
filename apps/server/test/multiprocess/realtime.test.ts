import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/graphql/realtime';
import { solvedCaptcha } from '../support/captcha';
import { Api } from '../support/client';
import { PASSWORD, photo } from '../support/seed';
import { SERVICES } from '../support/services';
import { connect, type Socket } from '../support/subscriptions';
import { type Cluster, clusterAvailable, startCluster, until } from './cluster';

/**
 * Realtime across processes: a subscriber holds a socket on API 1 while the like that concerns it is made
 * through API 2; a job consumer (in whichever process takes it) writes the notification and publishes it
 * through Redis pub/sub, which carries it to API 1's socket.
 */

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { user { id } } } }`;
const NOTIFICATION =
  'subscription { notificationReceived { kind actorCount actors { username } post { id } } }';

interface Account {
  id: string;
  username: string;
  token: string;
}

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
  return { id: data.signUp.viewer.user.id, username, token: data.signUp.token };
}

describe.skipIf(!(await clusterAvailable()))('realtime across two API processes on Redis', () => {
  let cluster: Cluster;
  let api1: Api;
  let api2: Api;
  let redis: Redis;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ apis: 2 });
    api1 = new Api(cluster.apis[0]!.url!);
    api2 = new Api(cluster.apis[1]!.url!);
    redis = new Redis(SERVICES.redis.url);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    redis?.disconnect();
    await cluster?.stop();
  });

  /** Processes subscribed to a channel, as Redis counts them (the channel carries the cluster's prefix). */
  const subscribers = async (channel: string) => {
    const reply = (await redis.call('PUBSUB', 'NUMSUB', `${cluster.tag}:${channel}`)) as [string, number];
    return Number(reply[1]);
  };

  it('a subscriber on API 1 hears of a like made through API 2', async () => {
    const author = await signUp(api1, 'author');
    const fan = await signUp(api2, 'fan');
    const uploaded = await api1.upload(await photo(80, 80), author.token);
    if (!uploaded.body.id) throw new Error(`upload failed: ${JSON.stringify(uploaded.body)}`);
    const created = await api1.ok<{ createPost: { id: string } }>(
      'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
      { input: { caption: 'across processes', media: [{ uploadId: uploaded.body.id, altText: 'a photo' }] } },
      author.token,
    );
    const postId = created.createPost.id;
    await until('the post to be published', 30_000, async () => {
      const [row] = await cluster.sql<{ status: string }>('select status from posts where id = $1', [postId]);
      return row?.status === 'ready' ? true : null;
    });

    const socket = await connect(api1.url, { token: author.token });
    sockets.push(socket);
    socket.subscribe('n', NOTIFICATION);
    socket.subscribe('u', 'subscription { unreadNotificationCount }');
    await until('API 1 to subscribe on Redis', 10_000, async () =>
      (await subscribers(CHANNELS.notifications(author.id))) >= 1 ? true : null,
    );
    await until('API 1 to subscribe to the unread count', 10_000, async () =>
      (await subscribers(CHANNELS.unreadNotifications(author.id))) >= 1 ? true : null,
    );

    await api2.ok('mutation($id: ID!) { likePost(id: $id) { id } }', { id: postId }, fan.token);
    await socket.waitFor(() => socket.data('n').length > 0 && socket.data('u').length > 0, 30_000);
    expect(socket.data('n')).toEqual([
      {
        notificationReceived: {
          kind: 'LIKE',
          actorCount: 1,
          actors: [{ username: fan.username }],
          post: { id: postId },
        },
      },
    ]);
    expect(socket.data('u')).toEqual([{ unreadNotificationCount: 1 }]);
    // The row is in the shared database, read the same through either process.
    const listed = await api2.ok<{ viewer: { notifications: { edges: { node: { kind: string } }[] } } }>(
      '{ viewer { notifications { edges { node { kind } } } } }',
      {},
      author.token,
    );
    expect(listed.viewer.notifications.edges.map((e) => e.node.kind)).toEqual(['LIKE']);

    // Completing releases API 1's Redis subscription (the last local listener of the channel).
    socket.complete('n');
    await until('API 1 to unsubscribe on Redis', 10_000, async () =>
      (await subscribers(CHANNELS.notifications(author.id))) === 0 ? true : null,
    );
  });
});
