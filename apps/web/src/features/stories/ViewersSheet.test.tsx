import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type DocumentNode, print } from 'graphql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { testClient } from '../../components/post/test-client';
import { StoryViewer } from './StoryViewer';
import { pollOverlay, questionOverlay, type StoryFixture, storyOf } from './StoryViewerFixtures';

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
    // Each event carries the sheet's responses too, so the cache refreshes them with the viewers.
    const selection = print(subscriptions.mock.calls[0]?.[0].query as DocumentNode);
    expect(selection).toContain('replies: responses(kind: REPLY, first: 50)');
    expect(selection).toContain('reactions: responses(kind: REACTION, first: 50)');
    expect(selection).toContain('answers: responses(kind: ANSWER, first: 50)');
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

const answered: StoryFixture = {
  ...own,
  overlays: [pollOverlay(['Beach', 'Hills']), questionOverlay('Where should I go next?')],
  replies: [
    { username: 'kenji.nights', text: 'Take me with you', createdAt: minutesAgo(2) },
    { username: 'sofia.draws', text: 'So jealous!', createdAt: minutesAgo(90) },
  ],
  reactions: [{ username: 'lena.climbs', text: '🔥', createdAt: minutesAgo(5) }],
  answers: [
    { username: 'sofia.draws', text: 'Lisbon', createdAt: minutesAgo(1) },
    { username: 'kenji.nights', text: 'Kyoto in spring', createdAt: minutesAgo(30) },
  ],
};

async function openSheet(fixture: StoryFixture) {
  const utils = renderOwn(fixture);
  await userEvent.click(screen.getByRole('button', { name: /Seen by/ }));
  return { ...utils, sheet: screen.getByRole('dialog', { name: 'Story activity' }) };
}

const rowsOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((row) => row.textContent);

describe("the owner's replies, reactions and answers", () => {
  it('lists them between the poll and the viewers, newest first, with their authors', async () => {
    const { sheet } = await openSheet(answered);
    expect(
      within(sheet)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Poll: Beach or hills?',
      'Replies · 2',
      'Reactions · 1',
      'Where should I go next? · 2',
      'Viewers · 2',
    ]);

    const replies = within(sheet).getByRole('list', { name: 'Replies' });
    expect(rowsOf(replies)).toEqual(['kenji.nightsTake me with you2m', 'sofia.drawsSo jealous!1h']);
    expect(within(replies).getByRole('link', { name: 'kenji.nights' })).toHaveAttribute(
      'href',
      '/kenji.nights',
    );

    const reactions = within(sheet).getByRole('list', { name: 'Reactions' });
    expect(rowsOf(reactions)).toEqual(['lena.climbs🔥']);
    expect(within(reactions).getByRole('link', { name: 'lena.climbs' })).toBeInTheDocument();

    const answers = within(sheet).getByRole('list', { name: 'Answers' });
    expect(rowsOf(answers)).toEqual(['sofia.drawsLisbon1m', 'kenji.nightsKyoto in spring30m']);
  });

  it('leaves out the sections with nothing in them', async () => {
    const { sheet } = await openSheet({ ...answered, replies: [], answers: [] });
    expect(within(sheet).getByRole('list', { name: 'Reactions' })).toBeInTheDocument();
    expect(within(sheet).queryByRole('list', { name: 'Replies' })).toBeNull();
    expect(within(sheet).queryByRole('list', { name: 'Answers' })).toBeNull();
    expect(within(sheet).queryByText(/Replies|Where should I go next/)).toBeNull();
  });

  it('shows answers only on a story with a question sticker', async () => {
    const { sheet } = await openSheet({ ...answered, overlays: [pollOverlay(['Beach', 'Hills'])] });
    expect(within(sheet).queryByRole('list', { name: 'Answers' })).toBeNull();
    expect(within(sheet).queryByText('Lisbon')).toBeNull();
    expect(within(sheet).getByRole('list', { name: 'Replies' })).toBeInTheDocument();
  });

  it('notes when there are more than the sheet lists', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({
      username: `fan${i}`,
      text: '😍',
      createdAt: minutesAgo(i),
    }));
    const { sheet } = await openSheet({ ...own, reactions: many });
    expect(within(sheet).getByText('Reactions · 50+')).toBeInTheDocument();
    expect(
      within(within(sheet).getByRole('list', { name: 'Reactions' })).getAllByRole('listitem'),
    ).toHaveLength(50);
  });

  it('follows new replies, reactions and answers as they arrive', async () => {
    const { update, sheet } = await openSheet(answered);
    update({
      ...answered,
      replies: [
        { username: 'lena.climbs', text: 'Wow', createdAt: minutesAgo(0) },
        ...(answered.replies ?? []),
      ],
      reactions: [
        { username: 'kenji.nights', text: '😂', createdAt: minutesAgo(0) },
        ...(answered.reactions ?? []),
      ],
      answers: [
        { username: 'lena.climbs', text: 'Oslo', createdAt: minutesAgo(0) },
        ...(answered.answers ?? []),
      ],
    });
    expect(rowsOf(within(sheet).getByRole('list', { name: 'Replies' }))[0]).toBe('lena.climbsWownow');
    expect(rowsOf(within(sheet).getByRole('list', { name: 'Reactions' }))[0]).toBe('kenji.nights😂');
    expect(rowsOf(within(sheet).getByRole('list', { name: 'Answers' }))[0]).toBe('lena.climbsOslonow');
    expect(within(sheet).getByText('Replies · 3')).toBeInTheDocument();
  });
});
