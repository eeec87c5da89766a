import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments, readResult } from 'gql.tada/testing';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { ViewerProvider } from '../../lib/viewer';
import { CommentRow, CommentRow_comment } from './CommentRow';
import { PostAuthor_user } from './fragments';
import { operationName, testClient } from './test-client';

const user = (id: string, username: string) => ({ id, username, isVerified: false, avatar: null });
const maya = user('1', 'maya');
const lena = user('2', 'lena');

function renderRow(viewer: typeof maya, heldFor: 'RESTRICTED' | 'HIDDEN_WORD' | null) {
  const mock = testClient({
    Viewer: () => ({
      data: { viewer: { __typename: 'Viewer', user: { ...viewer, displayName: '', isPrivate: false } } },
    }),
    ApproveComment: () => 'pending',
  });
  const data = readResult(
    CommentRow_comment,
    {
      id: '10',
      text: 'nice one',
      textEntities: [],
      createdAt: '2026-11-20T10:00:00.000Z',
      likeCount: 0,
      replyCount: 0,
      parentId: null,
      viewerHasLiked: false,
      viewerCanDelete: true,
      heldFor,
      author: lena,
      post: { id: '100', author: { id: maya.id, username: maya.username } },
    },
    [PostAuthor_user],
  );
  const comment = maskFragments([CommentRow_comment], data);
  render(
    <Provider value={mock.client}>
      <ViewerProvider>
        <ul>
          <CommentRow comment={comment} />
        </ul>
      </ViewerProvider>
    </Provider>,
  );
  return mock;
}

describe('CommentRow, held comments', () => {
  it("tells the post's author why and lets them approve it", async () => {
    const mock = renderRow(maya, 'RESTRICTED');
    expect(
      await screen.findByText('Only you and lena can see this comment — restricted'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const approve = mock.executeMutation.mock.calls.find((call) => operationName(call) === 'ApproveComment');
    expect(approve![0].variables).toEqual({ id: '10' });
  });

  it('names a hidden word as the reason', async () => {
    renderRow(maya, 'HIDDEN_WORD');
    expect(
      await screen.findByText('Only you and lena can see this comment — hidden word'),
    ).toBeInTheDocument();
  });

  it('shows its author a note without the reason, and no Approve', async () => {
    renderRow(lena, 'RESTRICTED');
    expect(await screen.findByText('Only you and maya can see this comment')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('shows nothing for a comment everyone sees', async () => {
    renderRow(maya, null);
    expect(await screen.findByRole('button', { name: 'Comment options' })).toBeInTheDocument();
    expect(screen.queryByText(/can see this comment/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });
});
