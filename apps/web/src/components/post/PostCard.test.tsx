import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments, readResult } from 'gql.tada/testing';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { ViewerProvider } from '../../lib/viewer';
import { FollowToggle_user } from './FollowToggle';
import { PostAuthor_user, PreviewComment_comment } from './fragments';
import { LikeSummary_post } from './LikeSummary';
import { PostActions_post } from './PostActions';
import { PostCaption_post } from './PostCaption';
import { PostCard, PostCard_post } from './PostCard';
import { PostHeader_post } from './PostHeader';
import { PostMedia_post } from './PostMedia';
import { operationName, testClient } from './test-client';

const author = { id: '7', username: 'kenji.nights', isVerified: false, avatar: null };

function post({ liked = false, commentCount = 5 } = {}) {
  const data = readResult(
    PostCard_post,
    {
      id: '100',
      status: 'READY',
      createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      caption: 'Festival of lights',
      captionEntities: [],
      commentCount,
      commentsDisabled: false,
      viewerCanComment: true,
      viewerHasLiked: liked,
      viewerHasSaved: false,
      url: '/p/100',
      likeCount: 4,
      likePreview: null,
      author: { ...author, viewerFollowState: 'FOLLOWING' },
      previewComments: [
        {
          id: 'c1',
          text: 'Was there night two?',
          textEntities: [],
          author: { ...author, id: '8', username: 'amara' },
        },
      ],
      media: [
        {
          id: 'm1',
          altText: 'Bokeh of festival lights',
          status: 'READY',
          image: { width: 1080, height: 1350, thumbhash: '', dominantColor: '#222222', sources: [] },
        },
      ],
    },
    [
      PostAuthor_user,
      FollowToggle_user,
      PreviewComment_comment,
      PostHeader_post,
      PostMedia_post,
      PostActions_post,
      LikeSummary_post,
      PostCaption_post,
    ],
  );
  return maskFragments([PostCard_post], data);
}

function renderCard(options: { liked?: boolean; commentCount?: number } = {}) {
  const mock = testClient({
    Viewer: () => ({
      data: {
        viewer: {
          __typename: 'Viewer',
          user: { id: '1', username: 'maya.okafor', displayName: 'Maya', isPrivate: false, avatar: null },
        },
      },
    }),
    LikePost: () => 'pending',
  });
  render(
    <Provider value={mock.client}>
      <ViewerProvider>
        <PostCard post={post(options)} />
      </ViewerProvider>
    </Provider>,
  );
  return mock;
}

const likeCalls = (mock: ReturnType<typeof testClient>) =>
  mock.executeMutation.mock.calls.filter((call) => operationName(call) === 'LikePost');

describe('PostCard', () => {
  it('likes the post on a double tap of the photos', async () => {
    const mock = renderCard();
    const article = await screen.findByRole('article', { name: 'Post by kenji.nights' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Like' })).toBeInTheDocument());
    fireEvent.doubleClick(screen.getByRole('group', { name: 'Photos' }));
    expect(likeCalls(mock)).toHaveLength(1);
    expect(likeCalls(mock)[0]![0].variables).toEqual({ id: '100' });
    expect(article).toContainElement(screen.getByTestId('heart-pop'));
  });

  it('does not unlike on a double tap of a post already liked', async () => {
    const mock = renderCard({ liked: true });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Unlike' })).toHaveAttribute('aria-pressed', 'true'),
    );
    fireEvent.doubleClick(screen.getByRole('group', { name: 'Photos' }));
    expect(mock.executeMutation).not.toHaveBeenCalled();
  });

  it('links to all the comments and shows the preview ones', async () => {
    renderCard({ commentCount: 5 });
    expect(await screen.findByRole('link', { name: 'View all 5 comments' })).toHaveAttribute(
      'href',
      '/p/100',
    );
    expect(screen.getByText('Was there night two?')).toBeInTheDocument();
  });

  it('shows "Post" once a comment is typed', async () => {
    renderCard();
    const box = await screen.findByRole('textbox', { name: 'Add a comment…' });
    expect(screen.queryByRole('button', { name: 'Post' })).toBeNull();
    await userEvent.type(box, 'So good');
    expect(screen.getByRole('button', { name: 'Post' })).toBeEnabled();
  });
});
