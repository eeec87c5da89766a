import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../src/graphql/realtime';
import { SESSION_COOKIE } from '../src/http/auth';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { photo, type Seed, type SeededUser } from './support/seed';
import { connect, type Socket } from './support/subscriptions';

const NOTIFICATION = `subscription { notificationReceived { id kind actorCount actors { username } post { id } } }`;
const UNREAD = 'subscription { unreadNotificationCount }';

describe.skipIf(!(await modeAvailable()))(`GraphQL subscriptions over WebSocket [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const sockets: Socket[] = [];
  const open = async (auth: Parameters<typeof connect>[1] = {}) => {
    const socket = await connect(server.url, auth);
    sockets.push(socket);
    return socket;
  };
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  /** Counts the pub/sub listeners open on each channel, to see that a finished subscription lets go. */
  const trackListeners = () => {
    const { pubsub } = server.glimpse.platform;
    const subscribe = pubsub.subscribe;
    const open = new Map<string, number>();
    const bump = (channel: string, by: number) => open.set(channel, (open.get(channel) ?? 0) + by);
    pubsub.subscribe = async (channel, onMessage) => {
      const unsubscribe = await subscribe.call(pubsub, channel, onMessage);
      bump(channel, 1);
      let done = false;
      return async () => {
        if (!done) bump(channel, -1);
        done = true;
        await unsubscribe();
      };
    };
    return {
      count: (channel: string) => open.get(channel) ?? 0,
      restore: () => {
        pubsub.subscribe = subscribe;
      },
    };
  };
  const until = async (check: () => boolean, what: string, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const channelOf = (user: SeededUser) => CHANNELS.notifications(user.id);
  const unreadOf = (user: SeededUser) => CHANNELS.unreadNotifications(user.id);

  it('a socket signed in by its session cookie hears of a like on its post, and of the unread count', async () => {
    const [author, fan] = [await seed.user(), await seed.user()];
    const post = await author.post();
    const listeners = trackListeners();
    const socket = await open({ cookie: `${SESSION_COOKIE}=${author.token}` });
    socket.subscribe('n', NOTIFICATION);
    socket.subscribe('u', UNREAD);
    // Events published before the server subscribed would be missed: wait for both listeners.
    await until(
      () => listeners.count(channelOf(author)) === 1 && listeners.count(unreadOf(author)) === 1,
      'the subscriptions',
    );
    listeners.restore();
    await fan.like(post);
    await seed.waitForJobs();
    await socket.waitFor(() => socket.data('n').length > 0 && socket.data('u').length > 0);
    expect(socket.data('n')).toEqual([
      {
        notificationReceived: {
          id: expect.any(String),
          kind: 'LIKE',
          actorCount: 1,
          actors: [{ username: fan.username }],
          post: { id: post.id },
        },
      },
    ]);
    expect(socket.data('u')).toEqual([{ unreadNotificationCount: 1 }]);
    // Marking read publishes the new count.
    await api.ok('mutation { markNotificationsRead }', {}, author.token);
    await socket.waitFor(() => socket.data('u').length > 1);
    expect(socket.data('u').at(-1)).toEqual({ unreadNotificationCount: 0 });
    expect(socket.errors('n')).toEqual([]);
  });

  it('a socket signed in by a token in connection_init hears of it too; the liker hears nothing', async () => {
    const [author, fan] = [await seed.user(), await seed.user()];
    const post = await author.post();
    const listeners = trackListeners();
    try {
      const mine = await open({ token: author.token });
      const theirs = await open({ token: fan.token });
      mine.subscribe('n', NOTIFICATION);
      theirs.subscribe('n', NOTIFICATION);
      await until(() => listeners.count(channelOf(author)) === 1, 'the subscription');
      await until(() => listeners.count(channelOf(fan)) === 1, "the liker's subscription");
      await fan.like(post);
      await seed.waitForJobs();
      await mine.waitFor(() => mine.data('n').length > 0);
      expect(mine.data('n')[0]).toMatchObject({
        notificationReceived: { kind: 'LIKE', post: { id: post.id } },
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(theirs.messages).toEqual([]);
    } finally {
      listeners.restore();
    }
  });

  it('a signed-out socket may connect, but subscribing is UNAUTHENTICATED', async () => {
    const socket = await open();
    socket.subscribe('n', NOTIFICATION);
    socket.subscribe('u', UNREAD);
    await socket.waitFor(() => socket.errors('n').length > 0 && socket.errors('u').length > 0);
    expect(socket.errors('n')[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(socket.errors('u')[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(socket.data('n')).toEqual([]);
  });

  it('refuses a token that is no session, and a socket opened from another site', async () => {
    await expect(connect(server.url, { token: 'not-a-session' })).rejects.toThrow(/connection refused/);
    const user = await seed.user();
    await expect(
      connect(server.url, { cookie: `${SESSION_COOKIE}=${user.token}`, origin: 'https://evil.example' }),
    ).rejects.toThrow(/upgrade refused/);
    await expect(connect(server.url, { origin: 'null' })).rejects.toThrow(/upgrade refused/);
    // The site's own origin (and clients that send none) are let in.
    const same = await open({ cookie: `${SESSION_COOKIE}=${user.token}`, origin: server.url });
    same.subscribe('u', UNREAD);
    await api.ok('mutation { markNotificationsRead }', {}, user.token);
    await same.waitFor(() => same.data('u').length > 0);
    expect(same.data('u')).toEqual([{ unreadNotificationCount: 0 }]);
  });

  it('completing a subscription stops delivery and releases its pub/sub listener; so does closing', async () => {
    const [author, fan, other] = [await seed.user(), await seed.user(), await seed.user()];
    const [first, second] = [await author.post(), await author.post()];
    const listeners = trackListeners();
    try {
      const socket = await open({ token: author.token });
      socket.subscribe('n', NOTIFICATION);
      await until(() => listeners.count(channelOf(author)) === 1, 'the subscription');
      await fan.like(first);
      await seed.waitForJobs();
      await socket.waitFor(() => socket.data('n').length === 1);
      socket.complete('n');
      // Released at once, without waiting for another event on the channel.
      await until(() => listeners.count(channelOf(author)) === 0, 'the listener to be released');
      await other.like(second);
      await seed.waitForJobs();
      await new Promise((r) => setTimeout(r, 300));
      expect(socket.data('n')).toHaveLength(1);

      // A socket that goes away lets go of its listeners too.
      const again = await open({ token: author.token });
      again.subscribe('n', NOTIFICATION);
      again.subscribe('u', UNREAD);
      await until(() => listeners.count(channelOf(author)) === 1, 'the new subscription');
      await again.close();
      await until(
        () => listeners.count(channelOf(author)) === 0 && listeners.count(unreadOf(author)) === 0,
        'the listeners of a closed socket to be released',
      );
    } finally {
      listeners.restore();
    }
  });

  it("storyActivity: the owner hears of views; a story you can't see can't be subscribed to", async () => {
    const [owner, friend, stranger] = [await seed.user(), await seed.user(), await seed.user()];
    const upload = await api.upload(await photo(90, 160), owner.token);
    expect(upload.body.id).toBeDefined();
    const created = await api.ok<{ createStory: { id: string } }>(
      'mutation($input: CreateStoryInput!) { createStory(input: $input) { id } }',
      { input: { uploadId: upload.body.id, audience: 'CLOSE_FRIENDS' } },
      owner.token,
    );
    const storyId = created.createStory.id;
    await seed.waitForJobs();
    const status = await api.ok<{ story: { status: string } | null }>(
      'query($id: ID!) { story(id: $id) { status } }',
      { id: storyId },
      owner.token,
    );
    expect(status.story?.status).toBe('READY');
    await api.ok('mutation($id: ID!) { addCloseFriend(userId: $id) { id } }', { id: friend.id }, owner.token);
    const activity = (id: string) => `subscription { storyActivity(storyId: "${id}") { id } }`;
    const outsider = await open({ token: stranger.token });
    outsider.subscribe('s', activity(storyId));
    outsider.subscribe('missing', activity('123'));
    await outsider.waitFor(() => outsider.errors('s').length > 0 && outsider.errors('missing').length > 0);
    expect(outsider.errors('s')[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outsider.errors('missing')[0]?.extensions?.code).toBe('NOT_FOUND');

    const listeners = trackListeners();
    try {
      const mine = await open({ token: owner.token });
      // As the web app asks: the story's id in a variable (the cost check has no variables to read).
      mine.subscribe(
        's',
        'subscription StoryActivity($storyId: ID!) { storyActivity(storyId: $storyId) { id } }',
        { storyId },
      );
      await until(() => listeners.count(CHANNELS.story(storyId)) === 1, 'the story subscription');
      await api.ok(
        'mutation($ids: [ID!]!) { markStoriesSeen(ids: $ids) { id } }',
        { ids: [storyId] },
        friend.token,
      );
      await mine.waitFor(() => mine.data('s').length > 0);
      expect(mine.data('s')).toEqual([{ storyActivity: { id: storyId } }]);
      expect(outsider.data('s')).toEqual([]);
    } finally {
      listeners.restore();
    }
  });
});
