import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphcacheClient, scriptedServer } from '../../../test/scriptedServer';
import CloseFriendsPage from './CloseFriendsPage';
import { highlightsCache } from './cache';

const person = (id: string, username: string, viewerCloseFriend: boolean) => ({
  __typename: 'User',
  id,
  username,
  displayName: username.split('.')[0],
  viewerCloseFriend,
  avatar: null,
});

/** A server holding the close friends list (newest first), changed by the mutations it is sent. */
function renderPage() {
  let friends = [person('2', 'lena.climbs', true), person('3', 'kenji.nights', true)];
  const sam = person('4', 'sam.bakes', false);
  const server = scriptedServer(
    (name, operation) => {
      const vars = operation.variables as { userId?: string; query?: string };
      switch (name) {
        case 'CloseFriends':
          return {
            data: {
              viewer: {
                __typename: 'Viewer',
                closeFriends: {
                  __typename: 'UserConnection',
                  edges: friends.map((node) => ({ __typename: 'UserEdge', node })),
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                },
              },
            },
          };
        case 'CloseFriendSearch':
          return { data: { searchAccounts: vars.query?.startsWith('sa') ? [sam] : [] } };
        case 'AddCloseFriend':
          friends = [{ ...sam, viewerCloseFriend: true }, ...friends];
          return {
            data: { addCloseFriend: { __typename: 'User', id: vars.userId, viewerCloseFriend: true } },
          };
        case 'RemoveCloseFriend':
          friends = friends.filter((f) => f.id !== vars.userId);
          return {
            data: { removeCloseFriend: { __typename: 'User', id: vars.userId, viewerCloseFriend: false } },
          };
        default:
          return 'pending';
      }
    },
    { delayMs: 1 },
  );
  const client = graphcacheClient(server.exchange, [highlightsCache], {
    keys: { PageInfo: () => null, Image: () => null, UserConnection: () => null, UserEdge: () => null },
    resolvers: { Viewer: { closeFriends: relayPagination() } },
  });
  render(
    <Provider value={client}>
      <CloseFriendsPage />
    </Provider>,
  );
  return server;
}

const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((link) => link.getAttribute('href'));

describe('CloseFriendsPage', () => {
  it('removes someone from the list at once', async () => {
    const server = renderPage();
    const list = await screen.findByRole('list', { name: 'Your close friends' });
    expect(names(list)).toEqual(['/lena.climbs', '/kenji.nights']);
    await userEvent.click(
      within(list).getByRole('button', { name: 'Remove lena.climbs from close friends' }),
    );
    await waitFor(() => expect(names(list)).toEqual(['/kenji.nights']));
    expect(server.mutations()).toEqual([['RemoveCloseFriend', { userId: '2' }]]);
  });

  it('adds someone found by search: their star turns green and they join the top of the list', async () => {
    const server = renderPage();
    await screen.findByRole('list', { name: 'Your close friends' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search accounts' }), 'sam');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const toggle = await within(results).findByRole('button', { name: 'sam.bakes in close friends' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
    expect(server.mutations()).toEqual([['AddCloseFriend', { userId: '4' }]]);
    const list = screen.getByRole('list', { name: 'Your close friends' });
    await waitFor(() => expect(names(list)).toEqual(['/sam.bakes', '/lena.climbs', '/kenji.nights']));
  });
});
