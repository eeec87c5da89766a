import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { operationName, testClient } from '../../components/post/test-client';
import { StoryViewer } from './StoryViewer';
import { type StoryFixture, storyOf } from './StoryViewerFixtures';
import { accountMove, gestureOf, nextMove, previousMove, startIndex, tapSide } from './StoryViewerNavigation';

const kenji = { id: '7', username: 'kenji.nights', viewerMutedPosts: false, avatar: null };
const three: StoryFixture[] = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];

function renderViewer({
  stories = three,
  index = 0,
  order = ['maya', 'kenji.nights', 'sofia.draws'],
}: {
  stories?: StoryFixture[];
  index?: number;
  order?: string[];
} = {}) {
  const mock = testClient({ MarkStoriesSeen: () => 'pending' });
  const handlers = { onStory: vi.fn(), onAccount: vi.fn(), onClose: vi.fn(), onDeleted: vi.fn() };
  const utils = render(
    <Provider value={mock.client}>
      <StoryViewer owner={kenji} stories={stories.map(storyOf)} index={index} order={order} {...handlers} />
    </Provider>,
  );
  const surface = utils.container.querySelector<HTMLElement>('.surface');
  if (!surface) throw new Error('no story surface');
  // happy-dom lays nothing out: the story is 300px wide, from x = 0.
  vi.spyOn(surface, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 300, 533));
  const tap = (x: number) => {
    fireEvent.pointerDown(surface, { clientX: x, clientY: 200, button: 0, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: x, clientY: 200, button: 0, pointerId: 1 });
  };
  const mutations = (name: string) =>
    mock.executeMutation.mock.calls.filter((call) => operationName(call) === name).map((c) => c[0].variables);
  return { ...utils, ...handlers, ...mock, surface, tap, mutations };
}

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

const segments = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-state]')].map((el) => el.getAttribute('data-state'));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('story navigation', () => {
  it('goes on through the stories, then to the next account, then closes', () => {
    const order = ['a', 'b'];
    expect(nextMove(order, 'a', 0, 2)).toEqual({ to: 'story', index: 1 });
    expect(nextMove(order, 'a', 1, 2)).toEqual({ to: 'account', username: 'b' });
    expect(nextMove(order, 'b', 0, 1)).toEqual({ to: 'close' });
    // An account opened from a profile, outside the tray, has no neighbours.
    expect(nextMove(order, 'c', 0, 1)).toEqual({ to: 'close' });
  });

  it('goes back through the stories, then to the previous account, and restarts the very first', () => {
    expect(previousMove(['a', 'b'], 'b', 1)).toEqual({ to: 'story', index: 0 });
    expect(previousMove(['a', 'b'], 'b', 0)).toEqual({ to: 'account', username: 'a' });
    expect(previousMove(['a', 'b'], 'a', 0)).toEqual({ to: 'restart' });
  });

  it('swipes between accounts', () => {
    expect(accountMove(['a', 'b'], 'a', 1)).toEqual({ to: 'account', username: 'b' });
    expect(accountMove(['a', 'b'], 'b', -1)).toEqual({ to: 'account', username: 'a' });
    expect(accountMove(['a', 'b'], 'b', 1)).toEqual({ to: 'close' });
    expect(accountMove(['a', 'b'], 'a', -1)).toEqual({ to: 'stay' });
  });

  it('opens an account at its first unseen story (the owner at the first)', () => {
    const seen = (s: boolean, owner = false) => ({ viewerHasSeen: s, viewerIsOwner: owner });
    expect(startIndex([seen(true), seen(false), seen(false)])).toBe(1);
    expect(startIndex([seen(true), seen(true)])).toBe(0);
    expect(startIndex([seen(false, true), seen(false, true)])).toBe(0);
  });

  it('reads taps by thirds and tells swipes from taps', () => {
    expect(tapSide(99, 0, 300)).toBe('previous');
    expect(tapSide(100, 0, 300)).toBe('next');
    expect(tapSide(290, 0, 300)).toBe('next');
    expect(gestureOf(-80, 10)).toBe('swipeLeft');
    expect(gestureOf(80, -10)).toBe('swipeRight');
    expect(gestureOf(5, 120)).toBe('swipeDown');
    expect(gestureOf(3, 4)).toBe('tap');
    expect(gestureOf(30, 0)).toBe('none');
  });
});

describe('StoryViewer', () => {
  it('shows each photo story for 5 seconds, filling its progress bar, then asks for the next', () => {
    const { container, onStory } = renderViewer({ index: 1 });
    expect(segments(container)).toEqual(['done', 'current', 'pending']);
    expect(screen.getByText('Story 2 of 3')).toBeInTheDocument();
    advance(4999);
    expect(onStory).not.toHaveBeenCalled();
    advance(1);
    expect(onStory).toHaveBeenCalledWith(2);
  });

  it("moves to the next account in the tray's order after the account's last story", () => {
    const { onAccount, onClose } = renderViewer({ index: 2 });
    advance(5000);
    expect(onAccount).toHaveBeenCalledWith('sofia.draws');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes after the last story of the last account', () => {
    const { onClose } = renderViewer({ index: 2, order: ['kenji.nights'] });
    advance(5000);
    expect(onClose).toHaveBeenCalled();
  });

  it('goes on with a tap on the right, back with a tap on the left third, to the previous account from the first', () => {
    const first = renderViewer({ index: 1 });
    first.tap(250);
    expect(first.onStory).toHaveBeenLastCalledWith(2);
    first.tap(50);
    expect(first.onStory).toHaveBeenLastCalledWith(0);
    first.unmount();

    const atStart = renderViewer({ index: 0 });
    atStart.tap(20);
    expect(atStart.onAccount).toHaveBeenCalledWith('maya');
  });

  it('changes account with a swipe, and closes with a swipe down', () => {
    const { surface, onAccount, onClose } = renderViewer();
    fireEvent.pointerDown(surface, { clientX: 250, clientY: 200, button: 0, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: 100, clientY: 210, button: 0, pointerId: 1 });
    expect(onAccount).toHaveBeenCalledWith('sofia.draws');
    fireEvent.pointerDown(surface, { clientX: 150, clientY: 100, button: 0, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: 150, clientY: 300, button: 0, pointerId: 1 });
    expect(onClose).toHaveBeenCalled();
  });

  it('pauses while held, hiding the chrome, and goes on from where it was when let go', () => {
    const { container, surface, onStory } = renderViewer();
    const player = container.firstElementChild;
    advance(1000);
    fireEvent.pointerDown(surface, { clientX: 250, clientY: 200, button: 0, pointerId: 1 });
    advance(200);
    expect(player).toHaveClass('held');
    advance(20_000);
    expect(onStory).not.toHaveBeenCalled();
    fireEvent.pointerUp(surface, { clientX: 250, clientY: 200, button: 0, pointerId: 1 });
    // A hold is not a tap: it does not move on.
    expect(onStory).not.toHaveBeenCalled();
    expect(player).not.toHaveClass('held');
    // 1 s before the hold and 200 ms into it ran: 3.8 s are left.
    advance(3799);
    expect(onStory).not.toHaveBeenCalled();
    advance(1);
    expect(onStory).toHaveBeenCalledWith(1);
  });

  it('pauses with the Pause button, and moves with the arrow keys and closes with Escape', () => {
    const { onStory, onClose } = renderViewer({ index: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    advance(10_000);
    expect(onStory).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    fireEvent.keyDown(document, { key: 'ArrowRight' });
    expect(onStory).toHaveBeenLastCalledWith(2);
    fireEvent.keyDown(document, { key: 'ArrowLeft' });
    expect(onStory).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('waits for the photo before its time runs, and marks the story seen once shown', () => {
    const { container, onStory, mutations } = renderViewer({
      stories: [{ id: 's1', withImage: true }, { id: 's2' }],
    });
    advance(8000);
    expect(onStory).not.toHaveBeenCalled();
    expect(mutations('MarkStoriesSeen')).toEqual([]);
    const img = container.querySelector('img');
    if (!img) throw new Error('no photo');
    fireEvent.load(img);
    expect(mutations('MarkStoriesSeen')).toEqual([{ ids: ['s1'] }]);
    advance(5000);
    expect(onStory).toHaveBeenCalledWith(1);
  });

  it('does not mark a story already seen, nor the viewer their own', () => {
    const seen = renderViewer({ stories: [{ id: 's1', viewerHasSeen: true }] });
    expect(seen.mutations('MarkStoriesSeen')).toEqual([]);
    seen.unmount();
    const own = renderViewer({ stories: [{ id: 's1', viewerIsOwner: true }] });
    expect(own.mutations('MarkStoriesSeen')).toEqual([]);
  });

  it("offers a reply and the quick reactions under someone else's story", () => {
    renderViewer({ stories: [{ id: 's1', closeFriendsOnly: true }] });
    expect(screen.getByText('Close friends')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Reply to kenji.nights' });
    fireEvent.focus(field);
    const reactions = screen.getByRole('list', { name: 'Quick reactions' });
    expect(within(reactions).getAllByRole('button')).toHaveLength(8);
    expect(screen.queryByRole('button', { name: /Seen by/ })).toBeNull();
  });
});
