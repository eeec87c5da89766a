import { act, render, screen } from '@testing-library/react';
import { type Exchange, type Operation, type OperationResult, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { filter, fromValue, makeSubject, mergeMap, never, pipe, type Subject } from 'wonka';
import { notificationsCache } from '../features/notifications/cache';
import { notification } from '../features/notifications/test-fixtures';
import { ViewerProvider } from '../lib/viewer';
import { graphcacheClient, nameOf } from '../test/scriptedServer';
import { Shell } from './Shell';

/**
 * A server for the signed-in shell: answers the viewer and the unread count, and keeps each subscription
 * open so the test can push events down it, as the socket would.
 */
function liveServer(unread: number) {
  const open = new Map<string, { operation: Operation; subject: Subject<OperationResult> }>();
  const answers: Record<string, unknown> = {
    Viewer: {
      viewer: {
        __typename: 'Viewer',
        user: {
          __typename: 'User',
          id: '1',
          username: 'maya',
          displayName: 'Maya',
          isPrivate: false,
          avatar: null,
        },
        isModerator: false,
      },
    },
    LatestNotice: { viewer: { __typename: 'Viewer', moderationNotices: [] } },
    UnreadNotificationCount: { viewer: { __typename: 'Viewer', unreadNotificationCount: unread } },
  };
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((operation) => {
        if (operation.kind === 'subscription') {
          const subject = makeSubject<OperationResult>();
          open.set(nameOf(operation), { operation, subject });
          return subject.source;
        }
        const data = answers[nameOf(operation)];
        return data ? fromValue({ operation, data, stale: false, hasNext: false }) : never;
      }),
    );
  const push = (name: string, data: unknown) => {
    const live = open.get(name);
    if (!live) throw new Error(`${name} is not subscribed`);
    act(() => live.subject.next({ operation: live.operation, data, stale: false, hasNext: true }));
  };
  return { exchange, push, subscribed: () => [...open.keys()] };
}

function renderShell(unread: number) {
  const server = liveServer(unread);
  const client = graphcacheClient(server.exchange, [notificationsCache]);
  render(
    <Provider value={client}>
      <ViewerProvider>
        <Shell>
          <p>Home</p>
        </Shell>
      </ViewerProvider>
    </Provider>,
  );
  return server;
}

/** The Notifications items: the top bar's (phones) and the rail's (wider screens). */
const notificationLinks = () => screen.getAllByRole('link', { name: /^Notifications/ });

describe('Shell notifications', () => {
  it('links to the activity list with the unread count on the heart', async () => {
    renderShell(3);
    expect(await screen.findAllByRole('link', { name: /^Notifications\W+3 new$/ })).toHaveLength(2);
    for (const link of notificationLinks()) {
      expect(link).toHaveAttribute('href', '/activity');
      expect(link).toHaveTextContent('3');
    }
  });

  it('shows 9+ past nine', async () => {
    renderShell(14);
    const links = await screen.findAllByRole('link', { name: /^Notifications\W+14 new$/ });
    expect(links[0]).toHaveTextContent('9+');
  });

  it('hides the badge at zero', async () => {
    renderShell(0);
    await screen.findAllByRole('link', { name: 'Profile' });
    expect(notificationLinks().every((link) => link.textContent === 'Notifications')).toBe(true);
    expect(screen.queryByTestId('unread-badge')).toBeNull();
  });

  it('updates the badge live and raises a toast for new activity', async () => {
    const server = renderShell(1);
    await screen.findAllByRole('link', { name: /^Notifications\W+1 new$/ });
    expect(server.subscribed()).toEqual(
      expect.arrayContaining(['NotificationReceived', 'UnreadNotificationCountChanged']),
    );
    server.push('UnreadNotificationCountChanged', { unreadNotificationCount: 2 });
    expect(await screen.findAllByRole('link', { name: /^Notifications\W+2 new$/ })).toHaveLength(2);
    server.push('NotificationReceived', { notificationReceived: notification('9', { kind: 'FOLLOW' }) });
    expect(await screen.findByText('ana started following you.')).toBeInTheDocument();
    server.push('UnreadNotificationCountChanged', { unreadNotificationCount: 0 });
    await screen.findAllByRole('link', { name: 'Notifications' });
    expect(screen.queryByTestId('unread-badge')).toBeNull();
  });
});

describe('Shell navigation', () => {
  it('has a Search item, named by its label, that opens the search box', async () => {
    renderShell(0);
    const search = await screen.findByRole('link', { name: 'Search' });
    expect(search).toHaveAttribute('href', '/explore/search');
  });
});
