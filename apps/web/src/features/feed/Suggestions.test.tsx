import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphcacheClient, type Reply, scriptedServer } from '../../test/scriptedServer';
import { feedCache } from './cache';
import { Suggestions } from './Suggestions';

const user = (id: string, username: string) => ({
  __typename: 'User',
  id,
  username,
  isVerified: false,
  viewerFollowState: 'NONE',
  avatar: null,
});

const suggestions = [
  { __typename: 'AccountSuggestion', reason: 'Followed by ana + 2 more', user: user('5', 'lena.climbs') },
  { __typename: 'AccountSuggestion', reason: 'Popular on Glimpse', user: user('6', 'kenji.nights') },
];

/** Suggestions over Graphcache with the feed's cache part, as lib/client.ts sets it up. */
function renderSuggestions(dismissal: Reply) {
  const server = scriptedServer((name) =>
    name === 'AccountSuggestions'
      ? { data: { accountSuggestions: suggestions } }
      : name === 'DismissSuggestion'
        ? dismissal
        : 'pending',
  );
  const client = graphcacheClient(server.exchange, [feedCache], {
    keys: { AccountSuggestion: () => null },
  });
  render(
    <Provider value={client}>
      <Suggestions limit={5} variant="aside" />
    </Provider>,
  );
  return server;
}

const rows = () =>
  within(screen.getByRole('region', { name: 'Suggested for you' }))
    .getAllByRole('listitem')
    .map((row) => row.textContent);

describe('Suggestions', () => {
  it('shows why each account is suggested, with Follow and a way to dismiss it', async () => {
    renderSuggestions('pending');
    const row = (await screen.findByText('lena.climbs')).closest('li') as HTMLElement;
    expect(within(row).getByText('Followed by ana + 2 more')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Dismiss lena.climbs' })).toBeInTheDocument();
    expect(screen.getByText('Popular on Glimpse')).toBeInTheDocument();
  });

  it('takes a dismissed account out at once, before the server answers', async () => {
    const server = renderSuggestions('pending');
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss lena.climbs' }));
    await waitFor(() => expect(screen.queryByText('lena.climbs')).not.toBeInTheDocument());
    expect(rows()).toHaveLength(1);
    expect(server.mutations()).toEqual([['DismissSuggestion', { userId: '5' }]]);
  });

  it('puts the account back when the server refuses', async () => {
    renderSuggestions({ error: new CombinedError({ networkError: new Error('offline') }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss lena.climbs' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('lena.climbs')).toBeInTheDocument();
  });
});
