import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { Operation } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../graphql';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { notificationsCache } from './cache';
import {
  ActivityQuery,
  MarkNotificationsReadMutation,
  NotificationReceivedSubscription,
  UnreadNotificationCountQuery,
  UnreadNotificationCountSubscription,
} from './fragments';
import { notification, page } from './test-fixtures';

/** Graphcache as lib/client.ts sets it up for the activity list, over a server the test scripts. */
async function seededClient() {
  const events: unknown[] = [];
  const server = scriptedServer((name, operation: Operation) => {
    if (name === 'Activity') {
      const after = operation.variables && (operation.variables as { after?: string }).after;
      return dataReply({
        viewer: {
          __typename: 'Viewer',
          notifications: after
            ? page([notification('4'), notification('5')], { hasNextPage: false, endCursor: null })
            : page([notification('1'), notification('2'), notification('3', { read: true })], {
                hasNextPage: true,
                endCursor: 'c3',
              }),
        },
      });
    }
    if (name === 'UnreadNotificationCount')
      return dataReply({ viewer: { __typename: 'Viewer', unreadNotificationCount: 4 } });
    if (name === 'NotificationReceived' || name === 'UnreadNotificationCountChanged')
      return dataReply(events.shift());
    if (name === 'MarkNotificationsRead') return dataReply({ markNotificationsRead: 0 });
    return undefined;
  });
  const client = graphcacheClient(server.exchange, [notificationsCache], {
    keys: {
      PageInfo: () => null,
      NotificationConnection: () => null,
      NotificationEdge: () => null,
    },
    resolvers: { Viewer: { notifications: relayPagination() } },
  });
  await client.query(ActivityQuery, { first: 20 }).toPromise();
  await client.query(ActivityQuery, { first: 20, after: 'c3' }).toPromise();
  await client.query(UnreadNotificationCountQuery, {}).toPromise();

  /** The server pushes one event on a subscription; the cache takes it in. */
  const push = async (
    subscription: typeof NotificationReceivedSubscription | typeof UnreadNotificationCountSubscription,
    data: unknown,
  ) => {
    events.push(data);
    await client.subscription(subscription, {}).toPromise();
  };
  return { client, push };
}

const ListIds = graphql(`
  query TestActivityIds { viewer { notifications(first: 20) { edges { node { id read actorCount } } } } }
`);

function cachedList(client: Awaited<ReturnType<typeof seededClient>>['client']) {
  const result = client.readQuery(ListIds, {});
  return result?.data?.viewer?.notifications.edges.map((e) => e.node) ?? [];
}
const idsOf = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('notificationsCache', () => {
  it('joins the pages in order', async () => {
    const { client } = await seededClient();
    expect(idsOf(cachedList(client))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('puts a new entry at the top', async () => {
    const { client, push } = await seededClient();
    await push(NotificationReceivedSubscription, { notificationReceived: notification('9') });
    expect(idsOf(cachedList(client))).toEqual(['9', '1', '2', '3', '4', '5']);
  });

  it('moves a bumped entry to the top, from any page, without a duplicate', async () => {
    const { client, push } = await seededClient();
    await push(NotificationReceivedSubscription, {
      notificationReceived: notification('4', { actorCount: 2 }),
    });
    expect(idsOf(cachedList(client))).toEqual(['4', '1', '2', '3', '5']);
    await push(NotificationReceivedSubscription, {
      notificationReceived: notification('3', { actorCount: 5, read: false }),
    });
    const list = cachedList(client);
    expect(idsOf(list)).toEqual(['3', '4', '1', '2', '5']);
    expect(list[0]).toMatchObject({ id: '3', actorCount: 5, read: false });
    // The same event twice (a reconnect replays it) changes nothing.
    await push(NotificationReceivedSubscription, {
      notificationReceived: notification('3', { actorCount: 5, read: false }),
    });
    expect(idsOf(cachedList(client))).toEqual(['3', '4', '1', '2', '5']);
  });

  it('keeps the unread count the server pushes', async () => {
    const { client, push } = await seededClient();
    const count = () =>
      client.readQuery(UnreadNotificationCountQuery, {})?.data?.viewer?.unreadNotificationCount;
    expect(count()).toBe(4);
    await push(UnreadNotificationCountSubscription, { unreadNotificationCount: 12 });
    expect(count()).toBe(12);
  });

  it('marks every cached entry read and the count zero when the list is read', async () => {
    const { client } = await seededClient();
    await client.mutation(MarkNotificationsReadMutation, { upTo: null }).toPromise();
    expect(client.readQuery(UnreadNotificationCountQuery, {})?.data?.viewer?.unreadNotificationCount).toBe(0);
    expect(cachedList(client).every((n) => n.read)).toBe(true);
  });
});
