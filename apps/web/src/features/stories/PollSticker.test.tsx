import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { operationName, testClient } from '../../components/post/test-client';
import type { OverlayData, PollResults } from './OverlaysShared';
import { PollSticker, pollPercentages } from './PollSticker';

const poll: OverlayData = {
  index: 0,
  kind: 'POLL',
  position: { x: 0.5, y: 0.5, scale: 1, rotation: 0 },
  question: 'Dumplings or noodles?',
  options: ['Dumplings', 'Noodles', 'Both!'],
};

function renderPoll(results: PollResults | null, { owner = false } = {}) {
  const mock = testClient({ VoteInStoryPoll: () => 'pending' });
  render(
    <Provider value={mock.client}>
      <PollSticker
        overlay={poll}
        stickers={{ storyId: 's1', viewerIsOwner: owner, poll: results, slider: null }}
      />
    </Provider>,
  );
  return mock;
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Poll results' }))
    .getAllByRole('listitem')
    .map((row) => row.textContent);

describe('pollPercentages', () => {
  it('gives whole percentages that add up to 100', () => {
    expect(pollPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(pollPercentages([2, 1])).toEqual([67, 33]);
    expect(pollPercentages([3, 0, 1])).toEqual([75, 0, 25]);
    expect(pollPercentages([0, 0])).toEqual([0, 0]);
    for (const counts of [
      [7, 11, 13],
      [1, 2, 3, 4],
      [999, 1],
    ]) {
      expect(pollPercentages(counts).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });
});

describe('PollSticker', () => {
  it('offers the options as buttons before voting, and votes with a click', async () => {
    const mock = renderPoll({ counts: null, total: null, viewerVote: null });
    const group = screen.getByRole('group', { name: 'Poll: Dumplings or noodles?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Dumplings', 'Noodles', 'Both!']);
    expect(screen.queryByRole('list', { name: 'Poll results' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Noodles' }));
    const vote = mock.executeMutation.mock.calls.find((call) => operationName(call) === 'VoteInStoryPoll');
    expect(vote?.[0].variables).toEqual({ storyId: 's1', option: 1 });
  });

  it("shows the results after voting, as percentages with the viewer's choice marked", () => {
    renderPoll({ counts: [3, 1, 0], total: 4, viewerVote: 1 });
    expect(screen.queryByRole('button')).toBeNull();
    expect(rows()).toEqual(['Dumplings75%', 'Noodles✓25%', 'Both!0%']);
    const chosen = screen.getAllByRole('listitem')[1];
    expect(chosen).toHaveClass('chosen');
    expect(within(chosen as HTMLElement).getByRole('img', { name: 'your vote' })).toBeInTheDocument();
    // Bars as wide as their share.
    const bars = [...document.querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.style.width);
    expect(bars).toEqual(['75%', '25%', '0%']);
    // Voters see shares; the total is the owner's.
    expect(screen.queryByText(/votes?$/)).toBeNull();
  });

  it('shows the owner the results and the number of votes, without voting', () => {
    renderPoll({ counts: [2, 2, 1], total: 5, viewerVote: null }, { owner: true });
    expect(rows()).toEqual(['Dumplings40%', 'Noodles40%', 'Both!20%']);
    expect(screen.getByText('5 votes')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'your vote' })).toBeNull();
  });
});
