import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockClient, operationName } from '../../profile/mock-client';
import { HighlightsRow } from './HighlightsRow';

const image = {
  __typename: 'Image',
  width: 540,
  height: 960,
  thumbhash: '',
  dominantColor: '#334455',
  sources: [{ __typename: 'ImageSource', url: '/media/s.jpg', width: 540, format: 'JPEG' }],
};

const story = (id: string) => ({
  __typename: 'Story',
  id,
  createdAt: '2026-08-14T18:00:00.000Z',
  closeFriendsOnly: false,
  image,
  overlays: [],
});

function renderRow(
  isOwner: boolean,
  highlights = [
    { __typename: 'Highlight', id: 'h1', title: 'Summer', cover: image, stories: [story('31'), story('30')] },
  ],
) {
  const mock = mockClient({
    ProfileHighlights: () => ({ data: { user: { __typename: 'User', id: '1', highlights } } }),
    UpdateHighlight: () => ({
      data: {
        updateHighlight: {
          __typename: 'Highlight',
          id: 'h1',
          title: 'Summer',
          cover: image,
          stories: [story('30')],
        },
      },
    }),
    DeleteHighlight: () => ({ data: { deleteHighlight: { __typename: 'DeletePayload', deletedId: 'h1' } } }),
  });
  render(
    <Provider value={mock.client}>
      <HighlightsRow username="maya.okafor" isOwner={isOwner} />
    </Provider>,
  );
  return mock;
}

describe('HighlightsRow', () => {
  it("shows others' highlights without the New circle, and nothing when there are none", async () => {
    renderRow(false);
    const row = await screen.findByRole('list', { name: 'Highlights' });
    expect(within(row).getByRole('button', { name: 'Summer' })).toBeInTheDocument();
    expect(within(row).queryByRole('link', { name: 'New highlight' })).not.toBeInTheDocument();
  });

  it('lets the owner open a highlight, take a story out of it and change its cover', async () => {
    const mock = renderRow(true);
    expect(await screen.findByRole('link', { name: 'New highlight' })).toHaveAttribute(
      'href',
      '/archive/stories',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Summer' }));
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next story' }));
    expect(screen.getByText('2 of 2')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Highlight options' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Edit highlight' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit highlight' });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep story 1' }));
    await userEvent.click(within(dialog).getAllByRole('radio', { name: 'Cover' })[1]!);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const call = mock.executeMutation.mock.calls[0]!;
    expect(operationName(call)).toBe('UpdateHighlight');
    expect(call[0].variables).toEqual({
      input: { id: 'h1', title: 'Summer', removeStoryIds: ['31'], coverStoryId: '30' },
    });
  });

  it('lets the owner delete a highlight after confirming', async () => {
    const mock = renderRow(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Summer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Highlight options' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete highlight' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(operationName(mock.executeMutation.mock.calls[0]!)).toBe('DeleteHighlight');
    expect(mock.executeMutation.mock.calls[0]![0].variables).toEqual({ id: 'h1' });
  });
});
