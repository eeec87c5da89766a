import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments } from 'gql.tada';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { FollowButton, FollowButton_user } from './FollowButton';
import { mockClient, operationName } from './mock-client';

type State = 'SELF' | 'NONE' | 'REQUESTED' | 'FOLLOWING';

function person(viewerFollowState: State, isPrivate = false, viewerFavorite = false) {
  return maskFragments([FollowButton_user], {
    id: '42',
    username: 'lena.climbs',
    isPrivate,
    viewerFollowState,
    viewerFavorite,
    avatar: null,
  });
}

type Answer = 'pending' | 'error' | 'ok';

function answerWith(answer: Answer | undefined, message: string) {
  return () =>
    answer === 'error'
      ? { error: new CombinedError({ graphQLErrors: [{ message }] }) }
      : answer === 'pending'
        ? ('pending' as const)
        : { data: {} };
}

function renderButton(
  state: State,
  options: { isPrivate?: boolean; favorite?: boolean; answer?: Answer; favoriteAnswer?: Answer } = {},
) {
  const answer = answerWith(options.answer, 'You are following too many accounts');
  const favoriteAnswer = answerWith(options.favoriteAnswer, 'You can have up to 50 favorites');
  const mock = mockClient({
    Follow: answer,
    Unfollow: answer,
    AddFavorite: favoriteAnswer,
    RemoveFavorite: favoriteAnswer,
  });
  const view = render(
    <Provider value={mock.client}>
      <FollowButton user={person(state, options.isPrivate, options.favorite)} />
    </Provider>,
  );
  return { ...mock, ...view };
}

describe('FollowButton', () => {
  it('shows nothing on your own profile', () => {
    const { container } = renderButton('SELF');
    expect(container).toBeEmptyDOMElement();
  });

  it('follows a public account and shows "Following" while the server answers', async () => {
    const { executeMutation } = renderButton('NONE', { answer: 'pending' });
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('Follow');
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ userId: '42' });
    expect(screen.getByRole('button', { name: 'Following' })).toBeDisabled();
  });

  it('requests to follow a private account: the button becomes "Requested"', async () => {
    renderButton('NONE', { isPrivate: true, answer: 'pending' });
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('button', { name: 'Requested' })).toBeInTheDocument();
  });

  it('cancels a pending request with one click on "Requested"', async () => {
    const { executeMutation } = renderButton('REQUESTED', { isPrivate: true, answer: 'pending' });
    await userEvent.click(screen.getByRole('button', { name: 'Requested' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('Unfollow');
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });

  it('asks before unfollowing, in a dialog with "Unfollow"', async () => {
    const { executeMutation } = renderButton('FOLLOWING', { answer: 'pending' });
    await userEvent.click(screen.getByRole('button', { name: 'Following' }));
    const dialog = screen.getByRole('dialog', { name: 'lena.climbs' });
    expect(executeMutation).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Unfollow' }));
    expect(dialog).not.toBeInTheDocument();
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('Unfollow');
  });

  it('warns that a private account will need a new request', async () => {
    renderButton('FOLLOWING', { isPrivate: true });
    await userEvent.click(screen.getByRole('button', { name: 'Following' }));
    expect(screen.getByText(/you'll have to request to follow @lena.climbs again/)).toBeInTheDocument();
  });

  it('keeps following when the dialog is cancelled', async () => {
    const { executeMutation } = renderButton('FOLLOWING');
    await userEvent.click(screen.getByRole('button', { name: 'Following' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Following' })).toBeInTheDocument();
  });

  it('says why a follow failed and shows the state it had', async () => {
    renderButton('NONE', { answer: 'error' });
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are following too many accounts');
    expect(screen.getByRole('button', { name: 'Follow' })).toBeEnabled();
  });

  it('goes back to the state the server has once it answers', async () => {
    // The cache, not the button, holds the new state: here it did not change, so "Follow" returns.
    renderButton('NONE');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Follow' })).toBeEnabled());
  });

  describe('favorites, in the Following menu', () => {
    it('adds the account to favorites and keeps the menu open', async () => {
      const { executeMutation } = renderButton('FOLLOWING', { favoriteAnswer: 'pending' });
      await userEvent.click(screen.getByRole('button', { name: 'Following' }));
      await userEvent.click(screen.getByRole('button', { name: 'Add to favorites' }));
      expect(operationName(executeMutation.mock.calls[0]!)).toBe('AddFavorite');
      expect(executeMutation.mock.calls[0]![0].variables).toEqual({ userId: '42' });
      expect(screen.getByRole('dialog', { name: 'lena.climbs' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Add to favorites' })).toBeDisabled();
    });

    it('offers "Remove from favorites" for a favorite', async () => {
      const { executeMutation } = renderButton('FOLLOWING', { favorite: true, favoriteAnswer: 'pending' });
      await userEvent.click(screen.getByRole('button', { name: 'Following' }));
      expect(screen.queryByRole('button', { name: 'Add to favorites' })).not.toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Remove from favorites' }));
      expect(operationName(executeMutation.mock.calls[0]!)).toBe('RemoveFavorite');
    });

    it("shows the server's reason when adding fails", async () => {
      renderButton('FOLLOWING', { favoriteAnswer: 'error' });
      await userEvent.click(screen.getByRole('button', { name: 'Following' }));
      await userEvent.click(screen.getByRole('button', { name: 'Add to favorites' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('You can have up to 50 favorites');
      expect(screen.getByRole('button', { name: 'Add to favorites' })).toBeEnabled();
    });
  });
});
