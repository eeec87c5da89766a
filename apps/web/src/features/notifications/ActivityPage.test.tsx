import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { dataReply, graphcacheClient, type Reply, scriptedServer } from '../../test/scriptedServer';
import ActivityPage from './ActivityPage';
import { notificationsCache } from './cache';
import { notification, page, person } from './test-fixtures';

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();

const post = {
  __typename: 'Post',
  id: '77',
  media: [
    {
      __typename: 'PostMedia',
      id: 'm1',
      altText: 'A beach at dusk',
      image: {
        __typename: 'Image',
        width: 1080,
        height: 1080,
        thumbhash: '',
        dominantColor: '#ccc',
        sources: [{ __typename: 'ImageSource', url: '/media/p/77-320.jpg', width: 320, format: 'JPEG' }],
      },
    },
  ],
};

const entries = [
  notification('1', {
    kind: 'LIKE',
    actorCount: 13,
    actors: [person('20', 'ana'), person('21', 'ben'), person('22', 'cai')],
    post,
  }),
  notification('2', {
    kind: 'COMMENT',
    comment: { __typename: 'Comment', id: 'c1', text: 'So good' },
    post,
  }),
  notification('3', {
    kind: 'FOLLOW_REQUEST',
    actors: [person('23', 'dev')],
    read: true,
    createdAt: daysAgo(3),
  }),
  notification('4', { kind: 'FOLLOW', actors: [person('24', 'eli')], read: true, createdAt: daysAgo(60) }),
];

function renderPage(activity: () => Reply = () => dataReply(activityData(entries))) {
  const server = scriptedServer((name) => {
    if (name === 'Activity') return activity();
    if (name === 'ActivityPendingRequests')
      return dataReply({
        viewer: {
          __typename: 'Viewer',
          followRequests: {
            __typename: 'UserConnection',
            edges: [],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false },
          },
        },
      });
    if (name === 'ActivityStoryResponse')
      return dataReply({
        story: {
          __typename: 'Story',
          id: 's1',
          image: null,
          responses: {
            __typename: 'StoryResponseConnection',
            edges: [
              { __typename: 'StoryResponseEdge', node: storyResponse('r2', '25', '😂') },
              { __typename: 'StoryResponseEdge', node: storyResponse('r1', '20', '🔥') },
            ],
          },
        },
      });
    if (name === 'MarkNotificationsRead') return dataReply({ markNotificationsRead: 0 });
    if (name === 'ActivityApproveFollowRequest')
      return dataReply({ approveFollowRequest: person('23', 'dev') });
    if (name === 'ActivityDeclineFollowRequest')
      return dataReply({ declineFollowRequest: person('23', 'dev') });
    return undefined;
  });
  const client = graphcacheClient(server.exchange, [notificationsCache], {
    keys: {
      PageInfo: () => null,
      NotificationConnection: () => null,
      NotificationEdge: () => null,
      UserConnection: () => null,
      UserEdge: () => null,
      Image: () => null,
      ImageSource: () => null,
      StoryResponseConnection: () => null,
      StoryResponseEdge: () => null,
    },
  });
  render(
    <Provider value={client}>
      <ActivityPage />
    </Provider>,
  );
  return server;
}

function storyResponse(id: string, userId: string, text: string) {
  return { __typename: 'StoryResponse', id, text, user: { __typename: 'User', id: userId } };
}

function activityData(nodes: unknown[]) {
  return {
    viewer: { __typename: 'Viewer', notifications: page(nodes, { hasNextPage: false, endCursor: null }) },
  };
}

const rowOf = (text: string) => {
  const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes(text));
  if (!row) throw new Error(`No row with "${text}"`);
  return row;
};

describe('ActivityPage', () => {
  it('groups the entries by when they happened and writes each as a sentence', async () => {
    renderPage();
    const today = await screen.findByRole('region', { name: 'Today' });
    expect(
      within(today)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ana, ben and 11 others liked your photo. now', 'ana commented: So good now']);
    expect(within(screen.getByRole('region', { name: 'This week' })).getByRole('listitem')).toHaveTextContent(
      'dev requested to follow you.',
    );
    expect(within(screen.getByRole('region', { name: 'Earlier' })).getByRole('listitem')).toHaveTextContent(
      'eli started following you.',
    );
    expect(screen.queryByRole('region', { name: 'This month' })).toBeNull();
    // Names link to profiles; the post's thumbnail to the post.
    expect(within(today).getAllByRole('link', { name: 'ana' })[0]).toHaveAttribute('href', '/ana');
    expect(within(rowOf('liked your photo')).getByRole('link', { name: 'View post' })).toHaveAttribute(
      'href',
      '/p/77',
    );
    expect(within(rowOf('started following')).getByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });

  it('marks everything read once the list has shown, keeping this visit’s new entries highlighted', async () => {
    const server = renderPage();
    await screen.findByRole('region', { name: 'Today' });
    await waitFor(() => expect(server.sent('MarkNotificationsRead')).toEqual([{ upTo: null }]));
    expect(rowOf('liked your photo')).toHaveClass('unread');
    expect(rowOf('commented')).toHaveClass('unread');
    expect(rowOf('requested to follow')).not.toHaveClass('unread');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.sent('MarkNotificationsRead')).toHaveLength(1);
  });

  it('confirms a follow request in place, offering to follow back', async () => {
    const server = renderPage();
    await screen.findByRole('region', { name: 'This week' });
    await userEvent.click(within(rowOf('requested to follow')).getByRole('button', { name: 'Confirm' }));
    expect(server.sent('ActivityApproveFollowRequest')).toEqual([{ userId: '23' }]);
    await waitFor(() => expect(rowOf('dev')).toHaveTextContent('dev started following you.'));
    expect(within(rowOf('dev')).getByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });

  it('takes a deleted request off the list', async () => {
    const server = renderPage();
    await screen.findByRole('region', { name: 'This week' });
    await userEvent.click(within(rowOf('requested to follow')).getByRole('button', { name: 'Delete' }));
    expect(server.sent('ActivityDeclineFollowRequest')).toEqual([{ userId: '23' }]);
    await waitFor(() => expect(screen.queryByText(/requested to follow/)).toBeNull());
  });

  it('reads a story reaction’s emoji from the story, as the actor sent it', async () => {
    const server = renderPage(() =>
      dataReply(activityData([notification('7', { kind: 'STORY_REACTION', subjectId: 's1' })])),
    );
    expect(await screen.findByText(/reacted 🔥 to your story/)).toBeInTheDocument();
    expect(server.sent('ActivityStoryResponse')).toEqual([{ id: 's1', kind: 'REACTION' }]);
  });

  it('says where activity will show when there is none', async () => {
    renderPage(() => dataReply(activityData([])));
    expect(await screen.findByRole('heading', { name: 'No activity yet' })).toBeInTheDocument();
    expect(screen.getByText(/Activity on your posts will show here/)).toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    renderPage(() => 'pending');
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
  });

  it('offers to try again when the list fails', async () => {
    let offline = true;
    renderPage(() =>
      offline
        ? { error: new CombinedError({ networkError: new Error('offline') }) }
        : dataReply(activityData(entries)),
    );
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    offline = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Today' })).toBeInTheDocument();
  });
});
