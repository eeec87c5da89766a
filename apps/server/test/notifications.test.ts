import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../src/graphql/realtime';
import { notificationEvent } from '../src/jobs';
import type { NotificationEvent, NotificationKind } from '../src/modules/notifications/service';
import type { Db, SqlParam } from '../src/platform/db';
import type { JobDefinition } from '../src/platform/queue/port';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed, SeededUser } from './support/seed';

const INBOX = `query($first: Int, $after: String) { viewer { unreadNotificationCount
  notifications(first: $first, after: $after) {
    edges { cursor node { id kind read actorCount subjectId actors { username } post { id } comment { id text } } }
    pageInfo { hasNextPage endCursor } } } }`;

interface Entry {
  id: string;
  kind: NotificationKind;
  read: boolean;
  actorCount: number;
  subjectId: string;
  actors: { username: string }[];
  post: { id: string } | null;
  comment: { id: string; text: string } | null;
}
type Inbox = {
  viewer: {
    unreadNotificationCount: number;
    notifications: {
      edges: { cursor: string; node: Entry }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

const MARK_READ = 'mutation($upTo: ID) { markNotificationsRead(upTo: $upTo) }';
const PREFERENCES = `mutation($input: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(input: $input) { kind enabled } }`;

describe.skipIf(!(await modeAvailable()))(`notifications [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const page = async (user: SeededUser, first = 20, after: string | null = null) =>
    (await api.ok<Inbox>(INBOX, { first, after }, user.token)).viewer;
  const inbox = async (user: SeededUser) => {
    await seed.waitForJobs();
    return (await page(user)).notifications.edges.map((e) => e.node);
  };
  /** What the recipient sees, in a form that reads well in an assertion. */
  const summary = async (user: SeededUser) =>
    (await inbox(user)).map((n) => ({
      kind: n.kind,
      actors: n.actors.map((a) => a.username),
      count: n.actorCount,
    }));
  const rowsOf = async (user: SeededUser) =>
    server.glimpse.platform.db.query<{ kind: string }>(
      'select kind from notifications where recipient_id = $1',
      [user.id],
    );
  const likePost = (user: SeededUser, postId: string) =>
    api.ok('mutation($id: ID!) { likePost(id: $id) { id } }', { id: postId }, user.token);
  const unlikePost = (user: SeededUser, postId: string) =>
    api.ok('mutation($id: ID!) { unlikePost(id: $id) { id } }', { id: postId }, user.token);

  /**
   * Holds the notification jobs the outbox relays while `work` runs, so a test can see that the request
   * wrote no notification itself and that only the job does; then lets them run, one at a time in the
   * order `runOrder` gives (as held, unless told).
   */
  const throughTheJob = async (
    work: () => Promise<unknown>,
    runOrder: (held: NotificationEvent[]) => NotificationEvent[] = (held) => held,
  ) => {
    const { queue } = server.glimpse.platform;
    const enqueue = queue.enqueue;
    const held: NotificationEvent[] = [];
    queue.enqueue = async <Payload>(job: JobDefinition<Payload>, payload: Payload) => {
      if (job.name === notificationEvent.name) held.push(payload as NotificationEvent);
      else await enqueue.call(queue, job, payload);
    };
    try {
      await work();
      await seed.waitForJobs();
    } finally {
      queue.enqueue = enqueue;
    }
    const written = await server.glimpse.platform.db.query<{ n: number }>(
      'select count(*)::int as n from notifications',
    );
    for (const event of runOrder([...held])) {
      await queue.enqueue(notificationEvent, event);
      await seed.waitForJobs();
    }
    return { held, writtenBefore: written[0]!.n };
  };

  /** Counts what the realtime channel of a user's notifications announces. */
  const announcements = async (user: SeededUser) => {
    const seen: string[] = [];
    const stop = await server.glimpse.platform.pubsub.subscribe(CHANNELS.notifications(user.id), (m) =>
      seen.push(m),
    );
    return {
      seen,
      async settle() {
        await seed.waitForJobs();
        // Redis delivers on its own connection: give it a moment.
        await new Promise((r) => setTimeout(r, 200));
        await stop();
        return seen.length;
      },
    };
  };

  it('needs a session', async () => {
    expect(await api.ok('{ viewer { notifications { edges { cursor } } } }')).toEqual({ viewer: null });
    expect((await api.fails(MARK_READ, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a like reaches the author only through the job written with it, not from the request', async () => {
    const [author, fan, bystander] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await author.post();
    await seed.waitForJobs();
    const before = (
      await server.glimpse.platform.db.query<{ n: number }>('select count(*)::int as n from notifications')
    )[0]!.n;
    const { held, writtenBefore } = await throughTheJob(() => fan.like(post));
    expect(held).toEqual([{ kind: 'LIKE', actorId: fan.id, subjectId: post.id }]);
    expect(writtenBefore).toBe(before);
    const [entry] = await inbox(author);
    expect(entry).toMatchObject({
      kind: 'LIKE',
      read: false,
      actorCount: 1,
      actors: [{ username: fan.username }],
      post: { id: post.id },
      subjectId: post.id,
      comment: null,
    });
    expect(await inbox(fan)).toEqual([]);
    expect(await inbox(bystander)).toEqual([]);
    // Liking again changes nothing, so no event is written.
    const again = await throughTheJob(() => likePost(fan, post.id));
    expect(again.held).toEqual([]);
  });

  it('actors are ordered by when they acted, whichever job settles first', async () => {
    const author = await seed.user();
    const post = await author.post();
    const fans = [await seed.user(), await seed.user(), await seed.user()];
    const { held } = await throughTheJob(
      async () => {
        for (const fan of fans) await fan.like(post);
      },
      (events) => events.reverse(),
    );
    expect(held.map((e) => e.actorId)).toEqual(fans.map((f) => f.id));
    const [entry] = await inbox(author);
    expect(entry!.actorCount).toBe(3);
    expect(entry!.actors.map((a) => a.username)).toEqual(
      [fans[2]!, fans[1]!, fans[0]!].map((f) => f.username),
    );
  });

  it('likes aggregate into one entry: the count, and the three latest actors newest first', async () => {
    const author = await seed.user();
    const post = await author.post();
    const fans: SeededUser[] = [];
    for (let i = 0; i < 13; i++) fans.push(await seed.user());
    for (const fan of fans.slice(0, 3)) await fan.like(post);
    let entries = await inbox(author);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'LIKE', actorCount: 3 });
    expect(entries[0]!.actors.map((a) => a.username)).toEqual(
      fans
        .slice(0, 3)
        .reverse()
        .map((f) => f.username),
    );
    for (const fan of fans.slice(3)) await fan.like(post);
    entries = await inbox(author);
    expect(entries).toHaveLength(1);
    // "fans[12] and 12 others"
    expect(entries[0]!.actorCount).toBe(13);
    expect(entries[0]!.actors.map((a) => a.username)).toEqual(
      [fans[12]!, fans[11]!, fans[10]!].map((f) => f.username),
    );
    // Unliking takes the actor out; the next latest shows instead.
    await unlikePost(fans[12]!, post.id);
    entries = await inbox(author);
    expect(entries[0]!.actorCount).toBe(12);
    expect(entries[0]!.actors.map((a) => a.username)).toEqual(
      [fans[11]!, fans[10]!, fans[9]!].map((f) => f.username),
    );
  });

  it('an entry whose every actor took the like back disappears', async () => {
    const [author, a, b] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await author.post();
    await a.like(post);
    await b.like(post);
    expect(await summary(author)).toEqual([{ kind: 'LIKE', actors: [b.username, a.username], count: 2 }]);
    await unlikePost(a, post.id);
    expect(await summary(author)).toEqual([{ kind: 'LIKE', actors: [b.username], count: 1 }]);
    await unlikePost(b, post.id);
    expect(await inbox(author)).toEqual([]);
    expect(await rowsOf(author)).toEqual([]);
    expect((await page(author)).unreadNotificationCount).toBe(0);
  });

  it('a like/unlike flood ends in the final state, announced at most once', async () => {
    const [author, flooder] = [await seed.user(), await seed.user()];
    const post = await author.post();
    await seed.waitForJobs();
    const heard = await announcements(author);
    const { engagement } = server.glimpse.services;
    // 1,001 toggles through the service (the GraphQL rate limits would rightly stop a real client): liked at the end.
    for (let i = 0; i <= 1000; i++) {
      if (i % 2 === 0) await engagement.like(flooder.id, post.id);
      else await engagement.unlike(flooder.id, post.id);
    }
    expect(await heard.settle()).toBe(1);
    expect(await summary(author)).toEqual([{ kind: 'LIKE', actors: [flooder.username], count: 1 }]);
    expect(await rowsOf(author)).toHaveLength(1);
    const [actors] = await server.glimpse.platform.db.query<{ n: number }>(
      `select count(*)::int as n from notification_actors a join notifications n on n.id = a.notification_id
       where n.recipient_id = $1`,
      [author.id],
    );
    expect(actors!.n).toBe(1);

    // And a flood that ends unliked leaves nothing, and announces nothing more.
    const again = await announcements(author);
    for (let i = 0; i < 200; i++) {
      if (i % 2 === 0) await engagement.unlike(flooder.id, post.id);
      else await engagement.like(flooder.id, post.id);
    }
    await engagement.unlike(flooder.id, post.id);
    expect(await again.settle()).toBe(0);
    expect(await inbox(author)).toEqual([]);
    expect(await rowsOf(author)).toEqual([]);
  }, 180_000);

  it('liking your own post, or commenting on it, notifies nobody', async () => {
    const me = await seed.user();
    const post = await me.post();
    await me.like(post);
    await me.comment(post, `nice one @${me.username}`);
    expect(await inbox(me)).toEqual([]);
    expect(await rowsOf(me)).toEqual([]);
  });

  it('blocked and muted actors notify nobody, and a later block hides what they did', async () => {
    const [me, blocked, muted, friend, other] = [
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    const post = await me.post();
    const elsewhere = await other.post();
    await me.block(blocked);
    await api.ok(
      'mutation($id: ID!) { mute(userId: $id, posts: true, stories: false) { id } }',
      { id: muted.id },
      me.token,
    );
    // A blocked account can't see the post; past that rule (the service), the job still refuses.
    await server.glimpse.services.engagement.like(blocked.id, post.id);
    await blocked.comment(elsewhere, `look @${me.username}`);
    await muted.like(post);
    await muted.comment(post, 'hello?');
    expect(await inbox(me)).toEqual([]);
    expect(await rowsOf(me)).toEqual([]);

    await friend.like(post);
    await friend.comment(post, 'lovely');
    expect((await summary(me)).map((n) => n.kind).sort()).toEqual(['COMMENT', 'LIKE']);
    expect((await page(me)).unreadNotificationCount).toBe(2);
    await me.block(friend);
    expect(await inbox(me)).toEqual([]);
    // The badge counts only what the list shows.
    expect((await page(me)).unreadNotificationCount).toBe(0);
  });

  it('kinds can be turned off and on; the input is validated', async () => {
    const [me, fan] = [await seed.user(), await seed.user()];
    const prefs = await api.ok<{ viewer: { notificationPreferences: { kind: string; enabled: boolean }[] } }>(
      '{ viewer { notificationPreferences { kind enabled } } }',
      {},
      me.token,
    );
    expect(prefs.viewer.notificationPreferences.every((p) => p.enabled)).toBe(true);
    expect(prefs.viewer.notificationPreferences).toHaveLength(10);
    const updated = await api.ok<{ updateNotificationPreferences: { kind: string; enabled: boolean }[] }>(
      PREFERENCES,
      { input: [{ kind: 'LIKE', enabled: false }] },
      me.token,
    );
    expect(updated.updateNotificationPreferences.filter((p) => !p.enabled)).toEqual([
      { kind: 'LIKE', enabled: false },
    ]);
    const post = await me.post();
    await fan.like(post);
    await fan.comment(post, 'hi');
    expect((await summary(me)).map((n) => n.kind)).toEqual(['COMMENT']);
    await api.ok(PREFERENCES, { input: [{ kind: 'LIKE', enabled: true }] }, me.token);
    const another = await me.post();
    await fan.like(another);
    expect((await summary(me)).map((n) => n.kind)).toEqual(['LIKE', 'COMMENT']);

    const duplicate = await api.fails(
      PREFERENCES,
      {
        input: [
          { kind: 'LIKE', enabled: false },
          { kind: 'LIKE', enabled: true },
        ],
      },
      me.token,
    );
    expect(duplicate.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.1.kind',
      fieldErrors: [{ field: 'input.1.kind', message: 'LIKE is listed twice' }],
    });
    // An unknown kind does not get past the schema's enum; the service refuses it too.
    const unknown = await api.gql(
      PREFERENCES,
      { input: [{ kind: 'POKE', enabled: false }] },
      { token: me.token },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data).toBeNull();
    await expect(
      server.glimpse.services.notifications.updatePreferences(me.id, [
        { kind: 'POKE' as NotificationKind, enabled: false },
      ]),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ field: 'input.0.kind', message: 'Unknown notification kind' }] },
    });
    // Nothing changed by the refused updates.
    const after = await api.ok<{ viewer: { notificationPreferences: { kind: string; enabled: boolean }[] } }>(
      '{ viewer { notificationPreferences { kind enabled } } }',
      {},
      me.token,
    );
    expect(after.viewer.notificationPreferences.every((p) => p.enabled)).toBe(true);
  });

  it('marks read: everything, or up to an entry; the unread count follows', async () => {
    const me = await seed.user();
    const fans = [await seed.user(), await seed.user(), await seed.user()];
    const posts = [await me.post(), await me.post(), await me.post()];
    for (const [i, fan] of fans.entries()) await fan.like(posts[i]!);
    const entries = await inbox(me);
    expect(entries).toHaveLength(3);
    expect((await page(me)).unreadNotificationCount).toBe(3);
    // Up to the middle one: it and the older one are read.
    const upTo = await api.ok<{ markNotificationsRead: number }>(
      MARK_READ,
      { upTo: entries[1]!.id },
      me.token,
    );
    expect(upTo.markNotificationsRead).toBe(1);
    expect((await inbox(me)).map((n) => n.read)).toEqual([false, true, true]);
    // Another account's entry, or one that does not exist, is refused.
    const stranger = await seed.user();
    for (const id of [entries[0]!.id, '123', 'nope']) {
      const err = await api.fails(MARK_READ, { upTo: id }, stranger.token);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upTo' });
    }
    const all = await api.ok<{ markNotificationsRead: number }>(MARK_READ, {}, me.token);
    expect(all.markNotificationsRead).toBe(0);
    expect((await page(me)).unreadNotificationCount).toBe(0);
    // New activity in a read entry makes it unread again.
    await (await seed.user()).like(posts[0]!);
    const bumped = await inbox(me);
    expect(bumped[0]).toMatchObject({ kind: 'LIKE', read: false, actorCount: 2, post: { id: posts[0]!.id } });
    expect((await page(me)).unreadNotificationCount).toBe(1);
  });

  it('mentions in a comment and in a caption (once the post is published)', async () => {
    const [author, ana, bo, commenter] = [
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    const { held } = await throughTheJob(() => author.post({ caption: `with @${ana.username} today` }));
    expect(held).toContainEqual({ kind: 'MENTION', actorId: author.id, subjectId: expect.any(String) });
    const [mention] = await inbox(ana);
    expect(mention).toMatchObject({
      kind: 'MENTION',
      actors: [{ username: author.username }],
      comment: null,
    });
    const post = mention!.post!;
    expect(mention!.subjectId).toBe(post.id);
    expect(await inbox(bo)).toEqual([]);

    const commentId = await commenter.comment(
      { id: post.id, authorId: author.id, mediaIds: [] },
      `@${bo.username} look at this`,
    );
    const [bos] = await inbox(bo);
    expect(bos).toMatchObject({
      kind: 'MENTION',
      subjectId: commentId,
      actors: [{ username: commenter.username }],
      post: { id: post.id },
      comment: { id: commentId, text: `@${bo.username} look at this` },
    });
    // The post's author hears of the comment once, as a comment.
    expect((await summary(author)).map((n) => n.kind)).toEqual(['COMMENT']);
  });

  it('a reply notifies the parent author with REPLY and the post author with COMMENT', async () => {
    const [author, first, replier] = [await seed.user(), await seed.user(), await seed.user()];
    const post = await author.post();
    const parentId = await first.comment(post, 'first');
    const replyId = await replier.comment(post, 'second to that', parentId);
    const firsts = await inbox(first);
    expect(firsts).toHaveLength(1);
    expect(firsts[0]).toMatchObject({
      kind: 'REPLY',
      subjectId: replyId,
      actors: [{ username: replier.username }],
      comment: { id: replyId },
      post: { id: post.id },
    });
    const authors = await inbox(author);
    expect(authors.map((n) => [n.kind, n.subjectId])).toEqual([
      ['COMMENT', replyId],
      ['COMMENT', parentId],
    ]);
    // Replying to the post author's own comment: one entry for them, a reply.
    const own = await author.comment(post, 'thanks all');
    const back = await replier.comment(post, 'welcome', own);
    expect((await inbox(author))[0]).toMatchObject({ kind: 'REPLY', subjectId: back });
    expect((await inbox(author)).filter((n) => n.subjectId === back)).toHaveLength(1);
  });

  it('a held comment (restricted author, hidden word) notifies nobody until approved', async () => {
    const [me, troll, other, mentioned] = [
      await seed.user(),
      await seed.user(),
      await seed.user(),
      await seed.user(),
    ];
    const post = await me.post();
    await api.ok('mutation($id: ID!) { restrict(userId: $id) { id } }', { id: troll.id }, me.token);
    await api.ok(
      'mutation { setHiddenWords(words: ["spoiler"], useDefault: false) { words } }',
      {},
      me.token,
    );
    const restricted = await troll.comment(post, `first! @${mentioned.username}`);
    const hidden = await other.comment(post, 'spoiler: it ends');
    expect(await inbox(me)).toEqual([]);
    expect(await inbox(mentioned)).toEqual([]);
    expect(await rowsOf(me)).toEqual([]);
    const APPROVE = 'mutation($id: ID!) { approveComment(id: $id) { heldFor } }';
    await api.ok(APPROVE, { id: restricted }, me.token);
    await api.ok(APPROVE, { id: hidden }, me.token);
    // The two approvals' notifications are written by two jobs, which a queue with several consumers may
    // run in either order: both must be there, in whichever order they came.
    const afterApproval = (await inbox(me)).map((n) => [n.kind, n.subjectId]);
    expect(afterApproval).toHaveLength(2);
    expect(afterApproval).toEqual(
      expect.arrayContaining([
        ['COMMENT', hidden],
        ['COMMENT', restricted],
      ]),
    );
    expect((await inbox(mentioned)).map((n) => [n.kind, n.subjectId])).toEqual([['MENTION', restricted]]);
  });

  it('follows aggregate; a request notifies, its approval tells the requester and clears the request', async () => {
    const [star, a, b] = [await seed.user(), await seed.user(), await seed.user()];
    await a.follow(star);
    await b.follow(star);
    expect(await summary(star)).toEqual([{ kind: 'FOLLOW', actors: [b.username, a.username], count: 2 }]);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: a.id }, b.token);
    await api.ok('mutation($id: ID!) { unfollow(userId: $id) { id } }', { id: star.id }, b.token);
    expect(await summary(star)).toEqual([{ kind: 'FOLLOW', actors: [a.username], count: 1 }]);

    const [closed, asker, declined] = [
      await seed.user(undefined, { private: true }),
      await seed.user(),
      await seed.user(),
    ];
    expect(await asker.follow(closed)).toBe('REQUESTED');
    expect(await declined.follow(closed)).toBe('REQUESTED');
    const requests = await inbox(closed);
    expect(requests.map((n) => [n.kind, n.subjectId])).toEqual([
      ['FOLLOW_REQUEST', declined.id],
      ['FOLLOW_REQUEST', asker.id],
    ]);
    await closed.approve(asker);
    await api.ok(
      'mutation($id: ID!) { declineFollowRequest(userId: $id) { id } }',
      { id: declined.id },
      closed.token,
    );
    expect(await inbox(closed)).toEqual([]);
    expect(await summary(asker)).toEqual([{ kind: 'FOLLOW_ACCEPTED', actors: [closed.username], count: 1 }]);
    expect(await inbox(declined)).toEqual([]);
  });

  it('pages with keyset cursors, latest activity first', async () => {
    const me = await seed.user();
    const fans: SeededUser[] = [];
    for (let i = 0; i < 5; i++) fans.push(await seed.user());
    const posts: string[] = [];
    for (const fan of fans) {
      const post = await me.post();
      await fan.like(post);
      posts.push(post.id);
    }
    // New activity on the oldest entry moves it first.
    await fans[1]!.like({ id: posts[0]!, authorId: me.id, mediaIds: [] });
    await seed.waitForJobs();
    const expected = [posts[0]!, posts[4]!, posts[3]!, posts[2]!, posts[1]!];
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const viewer: Inbox['viewer'] = await page(me, 2, after);
      seen.push(...viewer.notifications.edges.map((e) => e.node.post!.id));
      if (!viewer.notifications.pageInfo.hasNextPage) break;
      after = viewer.notifications.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const bad = await api.fails(INBOX, { first: 2, after: 'garbage' }, me.token);
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('costs a constant number of SQL statements whatever the page size', async () => {
    const me = await seed.user();
    const likers = [await seed.user(), await seed.user(), await seed.user(), await seed.user()];
    const commenter = await seed.user();
    for (let i = 0; i < 6; i++) {
      const post = await me.post();
      for (const liker of likers) await liker.like(post);
      await commenter.comment(post, `nice ${i}`);
    }
    await seed.waitForJobs();
    const db = server.glimpse.platform.db;
    const cost = async (first: number) => {
      await page(me, 1);
      const names: string[] = [];
      const query = db.query;
      db.query = <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
        names.push(/\/\* (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
        return query.call<Db, [string, (readonly SqlParam[])?], Promise<Row[]>>(db, sql, params);
      };
      try {
        const viewer = await page(me, first);
        return { statements: names.length, names, size: viewer.notifications.edges.length };
      } finally {
        db.query = query;
      }
    };
    const small = await cost(2);
    const large = await cost(12);
    expect(small.size).toBe(2);
    expect(large.size).toBe(12);
    expect(large.statements, large.names.join(', ')).toBeLessThanOrEqual(small.statements + 1);
    for (const run of [small, large]) expect(run.statements, run.names.join(', ')).toBeLessThanOrEqual(10);
  });
});
