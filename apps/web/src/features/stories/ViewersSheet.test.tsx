import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { testClient } from '../../components/post/test-client';
import { StoryViewer } from './StoryViewer';
import { pollOverlay, type StoryFixture, storyOf } from './StoryViewerFixtures';

const maya = { id: '1', username: 'maya.okafor', viewerMutedPosts: false, avatar: null };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function renderOwn(fixture: StoryFixture) {
  const mock = testClient({});
  const props = {
    owner: maya,
    index: 0,
    order: ['maya.okafor'],
    onStory: vi.fn(),
    onAccount: vi.fn(),
    onClose: vi.fn(),
    onDeleted: vi.fn(),
  };
  const utils = render(
    <Provider value={mock.client}>
      <StoryViewer {...props} stories={[storyOf(fixture)]} />
    </Provider>,
  );
  const update = (next: StoryFixture) =>
    utils.rerender(
      <Provider value={mock.client}>
        <StoryViewer {...props} stories={[storyOf(next)]} />
      </Provider>,
    );
  return { ...mock, ...utils, update };
}

const own: StoryFixture = {
  id: 's1',
  viewerIsOwner: true,
  overlays: [pollOverlay(['Beach', 'Hills'])],
  poll: { counts: [2, 1], total: 3, viewerVote: null },
  viewers: [
    { username: 'kenji.nights', seenAt: minutesAgo(3) },
    { username: 'sofia.draws', seenAt: minutesAgo(40) },
  ],
};

describe("the owner's viewers sheet", () => {
  it('shows "Seen by N" instead of the reply field, and subscribes to the story\'s activity', () => {
    const mock = renderOwn(own);
    expect(screen.getByRole('button', { name: /Seen by 2/ })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Reply/ })).toBeNull();
    const subscriptions = mock.client.executeSubscription as ReturnType<typeof vi.fn>;
    expect(subscriptions).toHaveBeenCalled();
    expect(subscriptions.mock.calls[0]?.[0].variables).toEqual({ storyId: 's1' });
  });

  it('lists who saw the story, newest first, and the poll results', async () => {
    renderOwn(own);
    await userEvent.click(screen.getByRole('button', { name: /Seen by 2/ }));
    const sheet = screen.getByRole('dialog', { name: 'Story activity' });
    const viewers = within(sheet).getByRole('list', { name: 'Viewers' });
    expect(
      within(viewers)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['kenji.nights', 'sofia.draws']);
    expect(within(viewers).getByText('3m')).toBeInTheDocument();
    const results = within(sheet).getByRole('list', { name: 'Poll results' });
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual(['Beach67%', 'Hills33%']);
    expect(within(sheet).getByText('3 votes')).toBeInTheDocument();
  });

  it('follows new views and votes as they arrive', async () => {
    const { update } = renderOwn(own);
    await userEvent.click(screen.getByRole('button', { name: /Seen by 2/ }));
    update({
      ...own,
      poll: { counts: [2, 2], total: 4, viewerVote: null },
      viewers: [{ username: 'lena.climbs', seenAt: minutesAgo(0) }, ...(own.viewers ?? [])],
    });
    const sheet = screen.getByRole('dialog', { name: 'Story activity' });
    expect(within(sheet).getAllByRole('link')[0]).toHaveTextContent('lena.climbs');
    expect(within(sheet).getByText('4 votes')).toBeInTheDocument();
    expect(within(sheet).getByText('Viewers · 3')).toBeInTheDocument();
  });

  it('says when nobody has seen the story yet, and pauses the story while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { container } = renderOwn({ id: 's1', viewerIsOwner: true, viewers: [] });
      fireEvent.click(screen.getByRole('button', { name: /Seen by 0/ }));
      expect(screen.getByText('No one has seen this story yet.')).toBeInTheDocument();
      const fill = container.querySelector<HTMLElement>('[data-state="current"]');
      expect(fill?.style.animationPlayState).toBe('paused');
    } finally {
      vi.useRealTimers();
    }
  });
});
