import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockClient, operationName } from '../../profile/mock-client';
import StoryArchivePage from './StoryArchivePage';

const image = {
  __typename: 'Image',
  width: 540,
  height: 960,
  thumbhash: '',
  dominantColor: '#334455',
  sources: [{ __typename: 'ImageSource', url: '/media/s.jpg', width: 540, format: 'JPEG' }],
};

const story = (id: string, createdAt: string) => ({
  __typename: 'Story',
  id,
  createdAt,
  closeFriendsOnly: false,
  image,
  overlays: [],
});

function renderArchive(
  createHighlight = () => ({
    data: {
      createHighlight: {
        __typename: 'Highlight',
        id: 'h1',
        title: 'Summer',
        owner: { __typename: 'User', id: '1', username: 'maya.okafor' },
      },
    },
  }),
) {
  const mock = mockClient({
    StoryArchive: () => ({
      data: {
        viewer: {
          __typename: 'Viewer',
          storyArchive: {
            __typename: 'StoryConnection',
            edges: [
              { __typename: 'StoryEdge', node: story('31', '2026-08-14T18:00:00.000Z') },
              { __typename: 'StoryEdge', node: story('30', '2026-08-12T09:00:00.000Z') },
              { __typename: 'StoryEdge', node: story('29', '2026-07-02T09:00:00.000Z') },
            ],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          },
        },
      },
    }),
    CreateHighlight: createHighlight,
  });
  render(
    <Provider value={mock.client}>
      <StoryArchivePage />
    </Provider>,
  );
  return mock;
}

describe('StoryArchivePage', () => {
  it('makes a highlight of the chosen stories, with a name and the chosen cover', async () => {
    const mock = renderArchive();
    const grid = await screen.findByRole('list', { name: 'Archived stories' });
    const tiles = within(grid).getAllByRole('button');
    expect(tiles).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'New highlight' })).toBeDisabled();
    await userEvent.click(tiles[2]!);
    await userEvent.click(tiles[0]!);
    expect(tiles[0]).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'New highlight (2)' }));

    const dialog = screen.getByRole('dialog', { name: 'New highlight' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give your highlight a name.');
    await userEvent.type(name, 'x'.repeat(31));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('at most 30 characters');
    expect(mock.executeMutation).not.toHaveBeenCalled();

    await userEvent.clear(name);
    await userEvent.type(name, 'Summer');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Story 2 as cover' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    const call = mock.executeMutation.mock.calls[0]!;
    expect(operationName(call)).toBe('CreateHighlight');
    // In the order chosen; the cover is the second one chosen.
    expect(call[0].variables).toEqual({
      input: { title: 'Summer', storyIds: ['29', '31'], coverStoryId: '31' },
    });
  });
});
