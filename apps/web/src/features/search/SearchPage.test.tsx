import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { postPage as explorePage, tilePost } from '../explore/test-fixtures';
import SearchPage from './SearchPage';
import { account, hashtag, postPage, renderWithServer, type Script } from './test-utils';

const RECENT = [
  {
    __typename: 'RecentSearch',
    id: 'r1',
    kind: 'ACCOUNT',
    hashtag: null,
    text: null,
    searchedAt: '2026-11-20T10:00:00Z',
    user: account('2', 'lena', 'Lena Park'),
  },
  {
    __typename: 'RecentSearch',
    id: 'r2',
    kind: 'HASHTAG',
    hashtag: 'sunset',
    text: null,
    searchedAt: '2026-11-19T10:00:00Z',
    user: null,
  },
  {
    __typename: 'RecentSearch',
    id: 'r3',
    kind: 'QUERY',
    hashtag: null,
    text: 'beach day',
    searchedAt: '2026-11-18T10:00:00Z',
    user: null,
  },
];

const typeahead = (query: string) => ({
  data: {
    search: {
      __typename: 'SearchResults',
      query,
      accounts: [account('1', 'maya', 'Maya Okafor'), account('3', 'mayank', '')],
      hashtags: [hashtag('makeup', 1234)],
    },
  },
});

const script: Script = {
  RecentSearches: () => ({ data: { recentSearches: RECENT } }),
  SearchTypeahead: (v) => typeahead(String(v.query)),
  AddRecentSearch: (v) => ({
    data: {
      addRecentSearch: {
        __typename: 'RecentSearch',
        id: 'new',
        kind: 'QUERY',
        hashtag: null,
        text: null,
        searchedAt: '2026-11-21T10:00:00Z',
        ...(v.input as object),
      },
    },
  }),
  RemoveRecentSearch: () => ({ data: { removeRecentSearch: true } }),
  ClearRecentSearches: () => ({ data: { clearRecentSearches: 3 } }),
  SearchResults: (v) => ({
    data: {
      search: {
        __typename: 'SearchResults',
        query: String(v.query),
        accounts: [account('4', 'beachbum', 'Sam')],
        hashtags: [hashtag('beach', 12)],
        posts: postPage(['p1', 'p2']),
      },
    },
  }),
};

const box = () => screen.getByRole('searchbox', { name: 'Search' });

describe('SearchPage typeahead', () => {
  it('asks once typing pauses and lists accounts and hashtags with their post counts', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.type(box(), 'may');

    const suggestions = await screen.findByRole('list', { name: 'Suggestions' });
    expect(within(suggestions).getByRole('link', { name: /maya\s*Maya Okafor/ })).toHaveAttribute(
      'href',
      '/maya',
    );
    expect(within(suggestions).getByRole('link', { name: /#makeup\s*1,234 posts/ })).toHaveAttribute(
      'href',
      '/explore/tags/makeup',
    );
    // Three keystrokes inside the pause: one question, for the whole word.
    expect(server.sent('SearchTypeahead')).toEqual([{ query: 'may' }]);
  });

  it('walks the suggestions with the arrow keys and opens one with Enter', async () => {
    const user = userEvent.setup();
    const { server, location } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.type(box(), 'may');
    const suggestions = await screen.findByRole('list', { name: 'Suggestions' });
    const [first, second] = within(suggestions).getAllByRole('link');

    await user.keyboard('{ArrowDown}');
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(box()).toHaveFocus();
    await user.keyboard('{ArrowDown}{Escape}');
    expect(box()).toHaveFocus();
    expect(box()).toHaveValue('may');

    await user.keyboard('{ArrowDown}{Enter}');
    expect(server.sent('AddRecentSearch')).toEqual([{ input: { userId: '1' } }]);
    expect(location.history?.at(-1)).toBe('/maya');
  });

  it('records the account chosen and opens its profile', async () => {
    const user = userEvent.setup();
    const { server, location } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.type(box(), 'may');
    await user.click(await screen.findByRole('link', { name: /maya\s*Maya Okafor/ }));

    expect(server.sent('AddRecentSearch')).toEqual([{ input: { userId: '1' } }]);
    expect(location.history?.at(-1)).toBe('/maya');
  });

  it('records a hashtag chosen and opens its page', async () => {
    const user = userEvent.setup();
    const { server, location } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.type(box(), '#mak');
    await user.click(await screen.findByRole('link', { name: /#makeup/ }));

    expect(server.sent('AddRecentSearch')).toEqual([{ input: { hashtag: 'makeup' } }]);
    expect(location.history?.at(-1)).toBe('/explore/tags/makeup');
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithServer(<SearchPage />, {
      path: '/explore/search',
      script: {
        ...script,
        SearchTypeahead: (v) => ({
          data: { search: { __typename: 'SearchResults', query: v.query, accounts: [], hashtags: [] } },
        }),
      },
    });
    await user.type(box(), 'zzz');
    expect(await screen.findByText('No results found.')).toBeInTheDocument();
  });

  it('shows the server’s complaint about the text under the box', async () => {
    const user = userEvent.setup();
    const message = 'Search for at most 100 characters.';
    renderWithServer(<SearchPage />, {
      path: '/explore/search',
      script: {
        ...script,
        SearchTypeahead: () => ({
          error: new CombinedError({
            graphQLErrors: [
              {
                message,
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'query',
                  fieldErrors: [{ field: 'query', message }],
                },
              },
            ],
          }),
        }),
      },
    });
    await user.type(box(), 'a very long query');
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(box()).toHaveAccessibleDescription(message);
    expect(box()).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('SearchPage recent searches', () => {
  it('lists them while the box is empty, and hides them once typing starts', async () => {
    const user = userEvent.setup();
    renderWithServer(<SearchPage />, { path: '/explore/search', script });

    expect(await screen.findByRole('link', { name: /lena\s*Lena Park/ })).toHaveAttribute('href', '/lena');
    expect(screen.getByRole('link', { name: '#sunset' })).toHaveAttribute('href', '/explore/tags/sunset');
    expect(screen.getByRole('link', { name: 'beach day' })).toHaveAttribute(
      'href',
      '/explore/search?q=beach%20day',
    );

    await user.type(box(), 'm');
    expect(screen.queryByRole('heading', { name: 'Recent' })).not.toBeInTheDocument();
  });

  it('shows the Explore grid under the empty box, as the way into Explore on a phone', async () => {
    renderWithServer(<SearchPage />, {
      path: '/explore/search',
      script: {
        ...script,
        Explore: () => ({ data: { explore: explorePage([tilePost('41'), tilePost('42')], null) } }),
      },
    });
    const explore = await screen.findByRole('region', { name: 'Explore' });
    expect(await within(explore).findByRole('link', { name: /Photo 41/ })).toHaveAttribute(
      'href',
      '/explore/p/41',
    );
  });

  it('removes one entry with its × button', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.click(await screen.findByRole('button', { name: 'Remove #sunset' }));

    expect(server.sent('RemoveRecentSearch')).toEqual([{ id: 'r2' }]);
    expect(screen.queryByRole('link', { name: '#sunset' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /lena/ })).toBeInTheDocument();
  });

  it('clears them all', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.click(await screen.findByRole('button', { name: 'Clear all' }));

    expect(server.mutations().map(([name]) => name)).toEqual(['ClearRecentSearches']);
    expect(await screen.findByText('No recent searches.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });
});

describe('SearchPage results', () => {
  it('records the query on Enter and shows accounts, tags and posts for it', async () => {
    const user = userEvent.setup();
    const { server, location } = renderWithServer(<SearchPage />, { path: '/explore/search', script });
    await user.type(box(), ' beach {Enter}');

    expect(server.sent('AddRecentSearch')).toEqual([{ input: { text: 'beach' } }]);
    expect(location.history?.at(-1)).toBe('/explore/search?q=beach');
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /beachbum\s*Sam/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /#beach\s*12 posts/ })).toBeInTheDocument();
    const grid = screen.getByRole('list', { name: 'Posts matching beach' });
    expect(within(grid).getAllByRole('link')).toHaveLength(2);
    expect(server.sent('SearchResults')).toEqual([{ query: 'beach' }]);
  });

  it('opens results from the address, with the query in the box', async () => {
    renderWithServer(<SearchPage />, { path: '/explore/search?q=beach', script });
    expect(await screen.findByRole('heading', { name: 'Posts' })).toBeInTheDocument();
    expect(box()).toHaveValue('beach');
  });

  it('says when a query finds nothing', async () => {
    renderWithServer(<SearchPage />, {
      path: '/explore/search?q=qwerty',
      script: {
        ...script,
        SearchResults: () => ({
          data: {
            search: {
              __typename: 'SearchResults',
              query: 'qwerty',
              accounts: [],
              hashtags: [],
              posts: postPage([]),
            },
          },
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'No results for “qwerty”' })).toBeInTheDocument();
  });

  it('offers to try again when the search fails', async () => {
    const user = userEvent.setup();
    let failing = true;
    renderWithServer(<SearchPage />, {
      path: '/explore/search?q=beach',
      script: {
        ...script,
        SearchResults: (v) =>
          failing
            ? { error: new CombinedError({ networkError: new Error('Failed to fetch') }) }
            : (script.SearchResults?.(v) ?? undefined),
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach Glimpse");
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Posts' })).toBeInTheDocument());
  });
});
