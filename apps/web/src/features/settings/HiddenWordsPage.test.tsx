import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockClient, operationName } from '../profile/mock-client';
import HiddenWordsPage from './HiddenWordsPage';

function renderPage(interactionsLimitedUntil: string | null = null) {
  const mock = mockClient({
    HiddenWords: () => ({
      data: {
        viewer: {
          __typename: 'Viewer',
          hiddenWords: { __typename: 'HiddenWords', words: ['spoiler', 'ugly'], useDefault: true },
          interactionsLimitedUntil,
        },
      },
    }),
    SetHiddenWords: (variables) => ({
      data: { setHiddenWords: { __typename: 'HiddenWords', ...variables } },
    }),
    LimitInteractions: () => ({ data: { limitInteractions: '2030-01-08T12:00:00.000Z' } }),
  });
  render(
    <Provider value={mock.client}>
      <HiddenWordsPage />
    </Provider>,
  );
  return mock;
}

describe('HiddenWordsPage', () => {
  it('turns the offensive-comment filter off, keeping the words', async () => {
    const { executeMutation } = renderPage();
    const toggle = await screen.findByRole('switch', { name: 'Hide offensive comments' });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('SetHiddenWords');
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      words: ['spoiler', 'ugly'],
      useDefault: false,
    });
  });

  it('lists the words, adds new ones (comma-separated, no repeats) and removes one', async () => {
    const { executeMutation } = renderPage();
    const list = await screen.findByRole('list', { name: 'Your hidden words' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['spoilerRemove', 'uglyRemove']);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Add a word or phrase' }),
      'Ugly, boring , so bad',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      words: ['spoiler', 'ugly', 'boring', 'so bad'],
      useDefault: true,
    });
    expect(screen.getByRole('textbox', { name: 'Add a word or phrase' })).toHaveValue('');

    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Remove' }));
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({ words: ['ugly'], useDefault: true });
  });

  it('refuses a phrase over 60 characters', async () => {
    const { executeMutation } = renderPage();
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Add a word or phrase' }),
      'x'.repeat(61),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('at most 60 characters');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('limits interactions for the chosen days, and turns the limit off', async () => {
    const { executeMutation } = renderPage();
    await userEvent.click(await screen.findByRole('radio', { name: '14 days' }));
    await userEvent.click(screen.getByRole('button', { name: 'Turn on limits' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('LimitInteractions');
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ days: 14 });
  });

  it('shows until when interactions are limited, with a way to turn it off', async () => {
    const { executeMutation } = renderPage('2099-01-08T12:00:00.000Z');
    expect(await screen.findByText(/Limited until/)).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: '1 day' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Turn off limits' }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ days: null });
  });
});
