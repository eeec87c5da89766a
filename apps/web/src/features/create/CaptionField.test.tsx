import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockClient } from '../profile/mock-client';
import { CaptionField } from './CaptionField';

const people = [
  { id: '1', username: 'maya.okafor', displayName: 'Maya Okafor', avatar: null },
  { id: '2', username: 'marco.espresso', displayName: 'Marco Bianchi', avatar: null },
];
const tags = [
  { name: 'sunset', postCount: 12 },
  { name: 'sunday', postCount: 1 },
];

function renderCaption(initial = '') {
  const mock = mockClient({
    CaptionAccountSuggestions: ({ query }) => ({
      data: { searchAccounts: people.filter((p) => p.username.startsWith(String(query))) },
    }),
    CaptionHashtagSuggestions: ({ query }) => ({
      data: { searchHashtags: tags.filter((t) => t.name.startsWith(String(query))) },
    }),
  });
  function Harness() {
    const [value, setValue] = useState(initial);
    return <CaptionField value={value} onChange={setValue} />;
  }
  render(
    <Provider value={mock.client}>
      <Harness />
    </Provider>,
  );
  return { ...mock, box: screen.getByRole('textbox', { name: 'Write a caption…' }) };
}

describe('CaptionField', () => {
  it('counts characters against the 2,200 limit as you type', async () => {
    const { box } = renderCaption();
    await userEvent.type(box, 'Golden hour 🌅');
    expect(screen.getByText(/13\/2,200/)).toBeInTheDocument();
  });

  it('suggests accounts after @ and inserts the one chosen with Enter', async () => {
    const { box, executeQuery } = renderCaption();
    await userEvent.type(box, 'With @ma');
    const list = await screen.findByRole('listbox', { name: 'Account suggestions' });
    expect(executeQuery.mock.calls.at(-1)![0].variables).toEqual({ query: 'ma' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('maya.okafor'),
      expect.stringContaining('marco.espresso'),
    ]);
    expect(box).toHaveAttribute('aria-controls', list.id);
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await userEvent.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');

    expect(box).toHaveValue('With @marco.espresso ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('suggests hashtags after # and inserts with Tab, keeping the text after the caret', async () => {
    const { box } = renderCaption();
    await userEvent.type(box, ' by the sea');
    await userEvent.type(box, '#su', { initialSelectionStart: 0, initialSelectionEnd: 0 });
    await screen.findByRole('listbox', { name: 'Hashtag suggestions' });
    expect(screen.getByRole('option', { name: /#sunday/ })).toHaveTextContent('1 post');
    await userEvent.keyboard('{Tab}');
    expect(box).toHaveValue('#sunset by the sea');
    expect(box).toHaveFocus();
  });

  it('wraps around with the arrow keys', async () => {
    const { box } = renderCaption();
    await userEvent.type(box, '@ma');
    const options = await screen.findAllByRole('option');
    await userEvent.keyboard('{ArrowUp}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
  });

  it('closes the list with Escape and lets Enter make a new line', async () => {
    const { box } = renderCaption();
    await userEvent.type(box, '@ma');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(box).toHaveValue('@ma\n');
  });

  it('inserts a suggestion clicked with the pointer', async () => {
    const { box } = renderCaption();
    await userEvent.type(box, 'Hi @may');
    await userEvent.click(await screen.findByRole('option', { name: /maya.okafor/ }));
    expect(box).toHaveValue('Hi @maya.okafor ');
  });

  it('asks nothing for a bare trigger or plain words', async () => {
    const { box, executeQuery } = renderCaption();
    await userEvent.type(box, 'plain words @');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(executeQuery).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
  });
});
