import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { operationName, testClient } from '../../components/post/test-client';
import { ViewerProvider } from '../../lib/viewer';
import { feedPost, postPage } from '../explore/test-fixtures';
import HomePage from './HomePage';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const noPosts = { __typename: 'PostConnection', edges: [], pageInfo };
const me = {
  __typename: 'User',
  id: '1',
  username: 'maya',
  displayName: 'Maya',
  isPrivate: false,
  avatar: null,
};
const lena = {
  __typename: 'User',
  id: '42',
  username: 'lena.climbs',
  displayName: 'Lena',
  isVerified: false,
  isPrivate: false,
  viewerFollowState: 'FOLLOWING',
  viewerFavorite: true,
  avatar: null,
};

function renderHome(path: string, favorites: (typeof lena)[] = [], feed: unknown = noPosts) {
  window.history.replaceState(null, '', path);
  const mock = testClient({
    Viewer: () => ({ data: { viewer: { __typename: 'Viewer', user: me } } }),
    HomeFeed: () => ({
      data: { viewer: { __typename: 'Viewer', user: { ...me, followingCount: 3 } }, feed },
    }),
    FavoritesFeed: () => ({
      data: {
        viewer: { __typename: 'Viewer', user: { ...me, followingCount: 3 }, favorites },
        feed: noPosts,
      },
    }),
    ManageFavorites: () => ({ data: { viewer: { __typename: 'Viewer', favorites } } }),
    AccountSuggestions: () => 'pending',
    RemoveFavorite: () => 'pending',
  });
  render(
    <Provider value={mock.client}>
      <ViewerProvider>
        <HomePage />
      </ViewerProvider>
    </Provider>,
  );
  const asked = (name: string) =>
    mock.executeQuery.mock.calls
      .filter((call) => operationName(call) === name)
      .map((call) => call[0].variables);
  return { ...mock, asked };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('HomePage feed switch', () => {
  it('opens on Home, the ranked feed', async () => {
    const { asked } = renderHome('/');
    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['Home', 'Following', 'Favorites']);
    expect(screen.getByRole('tab', { name: 'Home' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(asked('HomeFeed')).toContainEqual({ first: 8, order: 'RANKED' }));
    expect(screen.getByRole('tabpanel', { name: 'Home' })).toBeInTheDocument();
  });

  it('reads Following, newest first, from its address', async () => {
    const { asked } = renderHome('/?variant=following');
    expect(screen.getByRole('tab', { name: 'Following' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(asked('HomeFeed')).toContainEqual({ first: 8, order: 'CHRONOLOGICAL' }));
    expect(asked('HomeFeed')).not.toContainEqual({ first: 8, order: 'RANKED' });
  });

  it('switches to Favorites by its tab, and keeps the choice in the address', async () => {
    const { asked } = renderHome('/');
    await userEvent.click(screen.getByRole('tab', { name: 'Favorites' }));
    expect(window.location.search).toBe('?variant=favorites');
    expect(screen.getByRole('tab', { name: 'Favorites' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(asked('FavoritesFeed')).toContainEqual({ first: 8 }));
  });

  it('explains how to add favorites when there are none', async () => {
    renderHome('/?variant=favorites');
    expect(await screen.findByRole('heading', { name: 'Add favorites' })).toBeInTheDocument();
    expect(
      screen.getByText(/open their profile, select Following, then Add to favorites/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Manage favorites' }));
    const dialog = screen.getByRole('dialog', { name: 'Favorites' });
    expect(within(dialog).getByText(/haven't added any favorites yet/)).toBeInTheDocument();
  });

  it('lists the favorites in "Manage favorites", each with "Remove"', async () => {
    const { executeMutation } = renderHome('/?variant=favorites', [lena]);
    expect(
      await screen.findByRole('heading', { name: 'No posts from your favorites yet' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Manage favorites' }));
    const row = within(screen.getByRole('list', { name: 'Your favorites' })).getByRole('listitem');
    expect(row).toHaveTextContent('lena.climbs');
    await userEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    const removal = executeMutation.mock.calls.find((call) => operationName(call) === 'RemoveFavorite');
    expect(removal?.[0].variables).toEqual({ userId: '42' });
  });
});

describe('HomePage feed', () => {
  it('says which followed hashtag brought a post from someone not followed', async () => {
    const hashtag = {
      __typename: 'FeedReason',
      kind: 'HASHTAG',
      hashtag: { __typename: 'Hashtag', name: 'sunsets' },
    };
    renderHome('/', [], postPage([feedPost('1', 'lena'), feedPost('2', 'kenji')], null, { '2': hashtag }));
    const followed = await screen.findByRole('article', { name: 'Post by kenji' });
    const line = screen.getByText(/Because you follow/);
    expect(line).toHaveTextContent('Because you follow #sunsets');
    expect(within(line).getByRole('link', { name: '#sunsets' })).toHaveAttribute(
      'href',
      '/explore/tags/sunsets',
    );
    // The line sits right above its post, and only above it.
    expect(line.nextElementSibling).toBe(followed);
    expect(screen.getAllByText(/Because you follow/)).toHaveLength(1);
  });
});
