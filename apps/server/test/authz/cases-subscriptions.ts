import type { SeededUser } from '../support/seed';
import { connect, type SubscriptionError, type SubscriptionMessage } from '../support/subscriptions';
import { type Case, defineCase } from './case';
import { type Cell, marker, type Observed, type StoryFixture, type TargetWorld } from './world';

/**
 * The subscriptions, over WebSocket (graphql-ws) as the cell's viewer: a refused subscription answers
 * its first message with an error, whose code is the outcome; an accepted one must then deliver the
 * event a trigger causes, which proves it is really listening (and to what).
 */

/** How long a refusal may take to arrive; after it the subscription is taken to be listening. */
const REFUSAL_MS = 400;
/** How many times an accepted subscription's event is caused before it counts as never delivered. */
const TRIGGERS = 3;
const CODES: Record<string, Observed['outcome']> = {
  UNAUTHENTICATED: 'unauth',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'hidden',
  BAD_USER_INPUT: 'rejected',
};

/** The errors of a message: graphql-ws sends a list as an `error` payload, or `errors` on a `next`. */
function errorsOf(message: SubscriptionMessage): SubscriptionError[] {
  const { payload } = message;
  if (!payload) return [];
  return Array.isArray(payload) ? payload : (payload.errors ?? []);
}

async function subscribeAs(
  cell: Cell,
  query: string,
  trigger: () => Promise<void>,
  accepted: (data: Record<string, unknown>) => Observed['outcome'],
): Promise<Observed> {
  const socket = await connect(cell.world.api.url, cell.caller ? { token: cell.caller.token } : {});
  const mine = (messages: SubscriptionMessage[]) => messages.filter((m) => m.id === 'cell');
  try {
    socket.subscribe('cell', query);
    await socket.waitFor((messages) => mine(messages).length > 0, REFUSAL_MS).catch(() => {});
    // The server says nothing once it listens: an event caused too early is lost, so cause another.
    for (let attempt = 0; attempt < TRIGGERS && mine(socket.messages).length === 0; attempt++) {
      await trigger();
      await socket.waitFor((messages) => mine(messages).length > 0, 3_000).catch(() => {});
    }
    const body = JSON.stringify(socket.messages);
    const [first] = mine(socket.messages);
    if (!first) return { outcome: 'unexpected: accepted, but the event never came', body };
    const [error] = errorsOf(first);
    if (error) {
      const code = error.extensions?.code;
      return {
        outcome: (code ? CODES[code] : undefined) ?? `unexpected: ${code ?? 'no code'}: ${error.message}`,
        body,
      };
    }
    const data = Array.isArray(first.payload) ? null : first.payload?.data;
    return { outcome: data ? accepted(data) : `unexpected: a ${first.type} message`, body };
  } finally {
    await socket.close();
  }
}

/**
 * A first view of the story by the owner's follower (its earlier view is taken back first), which every
 * subscriber to the story's activity is told of.
 */
async function viewedByFollower(cell: Cell, story: StoryFixture): Promise<void> {
  const { world } = cell;
  const { follower } = world.people;
  await world.server.glimpse.platform.db.query(
    'delete from story_views where story_id = $1 and viewer_id = $2',
    [story.id, follower.id],
  );
  await world.api.ok(
    'mutation($ids: [ID!]!) { markStoriesSeen(ids: $ids) { id } }',
    { ids: [story.id] },
    follower.token,
  );
}

const storyActivity = (name: string, pick: (target: TargetWorld) => StoryFixture) =>
  defineCase({
    name,
    run: async (cell) => {
      const story = pick(cell.target);
      const observed = await subscribeAs(
        cell,
        `subscription { storyActivity(storyId: "${story.id}") { id overlays { text question }
           poll { counts total } viewers { edges { node { username } } } } }`,
        () => viewedByFollower(cell, story),
        (data) => ((data.storyActivity as { id?: string } | undefined)?.id === story.id ? 'ok' : 'hidden'),
      );
      // Leave the follower's view as the world had it: none recorded for the matrix's own calls.
      await cell.world.server.glimpse.platform.db.query(
        'delete from story_views where story_id = $1 and viewer_id = $2',
        [story.id, cell.world.people.follower.id],
      );
      return observed;
    },
  });

export const SUBSCRIPTION_CASES: Case<unknown>[] = [
  defineCase({
    name: 'Subscription.notificationReceived',
    // A new account follows the caller (or asks to): the entry reaches the caller, naming that account.
    run: async (cell) => {
      const { world, caller } = cell;
      // One new account per attempt: a second follow by the same one would not be announced again.
      const fans: SeededUser[] = [];
      const observed = await subscribeAs(
        cell,
        'subscription { notificationReceived { kind actorCount actors { username } post { caption } } }',
        async () => {
          if (!caller) return;
          const fan = await world.seed.user(marker('fan'));
          fans.push(fan);
          await fan.follow(caller);
        },
        (data) => {
          const entry = data.notificationReceived as { actors?: { username: string }[] } | undefined;
          return entry?.actors?.some((a) => fans.some((fan) => fan.username === a.username))
            ? 'self'
            : 'unexpected: not the caller’s entry';
        },
      );
      for (const fan of fans) {
        const unfollow = 'mutation($id: ID!) { unfollow(userId: $id) { id } }';
        if (caller) await world.api.ok(unfollow, { id: caller.id }, fan.token);
      }
      return observed;
    },
  }),
  defineCase({
    name: 'Subscription.unreadNotificationCount',
    // Marking its own entries read tells the caller its count (now none), not anyone else's.
    run: (cell) =>
      subscribeAs(
        cell,
        'subscription { unreadNotificationCount }',
        async () => {
          if (cell.caller)
            await cell.world.api.ok('mutation { markNotificationsRead }', {}, cell.caller.token);
        },
        (data) => (data.unreadNotificationCount === 0 ? 'self' : 'unexpected: not the caller’s count'),
      ),
  }),
  storyActivity('Subscription.storyActivity', (t) => t.story),
  storyActivity('Subscription.storyActivity[close friends]', (t) => t.closeFriendsStory),
];
