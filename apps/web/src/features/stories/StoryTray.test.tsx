import { act, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../graphql';
import { ViewerProvider } from '../../lib/viewer';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { storiesCache } from './cache';
import { StoryTray } from './StoryTray';
import { ringOf } from './StoryTrayRing';

const me = {
  __typename: 'User',
  id: '1',
  username: 'maya.okafor',
  displayName: 'Maya',
  isPrivate: false,
  avatar: null,
};

const story = (id: string, { seen = false, closeFriends = false } = {}) => ({
  __typename: 'Story',
  id,
  viewerHasSeen: seen,
  closeFriendsOnly: closeFriends,
});

const entry = (
  id: string,
  username: string,
  stories: ReturnType<typeof story>[],
  { hasUnseen = stories.some((s) => !s.viewerHasSeen), own = false } = {},
) => ({
  __typename: 'StoryTrayEntry',
  hasUnseen: own ? false : hasUnseen,
  closeFriendsOnly: stories.some((s) => s.closeFriendsOnly),
  user: { __typename: 'User', id, username, avatar: null },
  stories,
});

const MarkSeen = graphql(`
  mutation MarkTraySeen($ids: [ID!]!) {
    markStoriesSeen(ids: $ids) { id viewerHasSeen }
  }
`);

function renderTray(tray: unknown[] | 'pending') {
  const server = scriptedServer((name, operation) => {
    if (name === 'Viewer')
      return { data: { viewer: { __typename: 'Viewer', user: me, isModerator: false } } };
    if (name === 'StoryTray') return dataReply(tray === 'pending' ? 'pending' : { storyTray: tray });
    if (name === 'MarkTraySeen') {
      const ids = (operation.variables as { ids: string[] }).ids;
      return { data: { markStoriesSeen: ids.map((id) => ({ ...story(id), viewerHasSeen: true })) } };
    }
    return 'pending';
  });
  const client = graphcacheClient(server.exchange, [storiesCache], {
    keys: { StoryTrayEntry: () => null },
  });
  render(
    <Provider value={client}>
      <ViewerProvider>
        <StoryTray />
      </ViewerProvider>
    </Provider>,
  );
  return { client, server };
}

const ringOfLink = (name: string | RegExp) =>
  screen.getByRole('link', { name }).querySelector('[data-ring]')?.getAttribute('data-ring');

describe('ringOf', () => {
  const plain = { hasUnseen: true, closeFriendsOnly: false };
  it('is the gradient while a story is unseen, grey once all are seen', () => {
    expect(ringOf({ ...plain, stories: [story('a', { seen: true }), story('b')] })).toBe('unseen');
    expect(ringOf({ ...plain, stories: [story('a', { seen: true }), story('b', { seen: true })] })).toBe(
      'seen',
    );
  });

  it('is green when an unseen story is for close friends, grey once seen', () => {
    const closeFriends = { hasUnseen: true, closeFriendsOnly: true };
    expect(ringOf({ ...closeFriends, stories: [story('a', { closeFriends: true }), story('b')] })).toBe(
      'closeFriends',
    );
    expect(
      ringOf({ ...closeFriends, stories: [story('a', { closeFriends: true, seen: true }), story('b')] }),
    ).toBe('unseen');
    expect(ringOf({ ...closeFriends, stories: [story('a', { closeFriends: true, seen: true })] })).toBe(
      'seen',
    );
  });

  it("believes the server that the viewer's own stories are not unseen", () => {
    expect(ringOf({ hasUnseen: false, closeFriendsOnly: false, stories: [story('a')] })).toBe('seen');
  });
});

describe('StoryTray', () => {
  it('shows a skeleton while the tray loads', async () => {
    renderTray('pending');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading stories');
  });

  it('has only "Your story", with a + to add one, when nobody has a story', async () => {
    renderTray([]);
    const nav = await screen.findByRole('navigation', { name: 'Stories' });
    const links = within(nav).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('Your story: add to your story');
    expect(links[0]).toHaveAttribute('href', '/stories/create');
    expect(links[0]).toHaveTextContent('+');
  });

  it('lists the viewer first, then the accounts in order, each ringed by what is left to see', async () => {
    renderTray([
      entry('1', 'maya.okafor', [story('m1')], { own: true }),
      entry('7', 'kenji.nights', [story('k1', { seen: true }), story('k2')]),
      entry('8', 'sofia.draws', [story('f1', { closeFriends: true })]),
      entry('9', 'lena.climbs', [story('l1', { seen: true })]),
    ]);
    const nav = await screen.findByRole('navigation', { name: 'Stories' });
    const names = within(nav)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(names).toEqual(['Your story', 'kenji.nights', 'sofia.draws', 'lena.climbs']);
    expect(screen.getByRole('link', { name: /^Your story/ })).toHaveAttribute('href', '/stories/maya.okafor');
    expect(screen.getByRole('link', { name: /^Your story/ })).not.toHaveTextContent('+');
    expect(ringOfLink('Story by kenji.nights, not seen yet')).toBe('unseen');
    expect(ringOfLink('Story by sofia.draws, close friends, not seen yet')).toBe('closeFriends');
    expect(ringOfLink('Story by lena.climbs, seen')).toBe('seen');
    expect(screen.getByRole('link', { name: /kenji/ })).toHaveAttribute('href', '/stories/kenji.nights');
  });

  it('greys a ring as soon as its stories are marked seen', async () => {
    const { client } = renderTray([entry('7', 'kenji.nights', [story('k1'), story('k2')])]);
    await waitFor(() => expect(ringOfLink(/kenji/)).toBe('unseen'));
    await act(() => client.mutation(MarkSeen, { ids: ['k1'] }).toPromise());
    expect(ringOfLink(/kenji/)).toBe('unseen');
    await act(() => client.mutation(MarkSeen, { ids: ['k2'] }).toPromise());
    await waitFor(() => expect(ringOfLink(/kenji/)).toBe('seen'));
    expect(screen.getByRole('link', { name: 'Story by kenji.nights, seen' })).toBeInTheDocument();
  });
});
