import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { OPENED_FROM_EXPLORE } from './ExploreGrid';
import ExplorePage from './ExplorePage';
import SimilarPostsPage from './SimilarPostsPage';
import { feedPost, postPage, tilePost } from './test-fixtures';

/** An IntersectionObserver the test scrolls by hand: `scrollToEnd` reports every watched element in view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly watched = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.watched.add(element);
  }
  unobserve(element: Element) {
    this.watched.delete(element);
  }
  disconnect() {
    this.watched.clear();
  }
  takeRecords() {
    return [];
  }
}

function scrollToEnd() {
  act(() => {
    for (const observer of FakeObserver.all) {
      const entries = [...observer.watched].map(
        (target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry,
      );
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  });
}

/** Graphcache as lib/client.ts sets it up for these lists, over a server answering by operation name. */
function renderWith(
  ui: React.ReactNode,
  answers: Record<string, (variables: Record<string, unknown>) => unknown>,
) {
  const server = scriptedServer((name, operation) => {
    const data = answers[name]?.(operation.variables as Record<string, unknown>);
    return data === undefined ? 'pending' : { data };
  });
  const client = graphcacheClient(server.exchange, [], {
    keys: {
      PageInfo: () => null,
      PostConnection: () => null,
      PostEdge: () => null,
      Image: () => null,
      FeedReason: () => null,
    },
    resolvers: { Query: { explore: relayPagination(), similarPosts: relayPagination() } },
  });
  render(<Provider value={client}>{ui}</Provider>);
  return server;
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('ExplorePage', () => {
  it('shows the posts as tiles, each opening the feed of posts like it', async () => {
    renderWith(<ExplorePage />, {
      Explore: () => ({ explore: postPage([tilePost('1'), tilePost('2'), tilePost('3')], null) }),
    });
    const grid = await screen.findByRole('list', { name: 'Explore posts' });
    const tiles = within(grid).getAllByRole('link');
    expect(tiles).toHaveLength(3);
    expect(tiles[0]).toHaveAttribute('href', '/explore/p/1');
    expect(within(tiles[1] as HTMLElement).getByRole('img', { name: 'Photo 2' })).toBeInTheDocument();
  });

  it('loads the next page on the cursor as the end of the grid comes into view', async () => {
    const server = renderWith(<ExplorePage />, {
      Explore: ({ after }) =>
        after === 'c3'
          ? { explore: postPage([tilePost('4'), tilePost('5')], null) }
          : { explore: postPage([tilePost('1'), tilePost('2'), tilePost('3')], 'c3') },
    });
    const grid = await screen.findByRole('list', { name: 'Explore posts' });
    expect(within(grid).getAllByRole('link')).toHaveLength(3);

    scrollToEnd();
    await waitFor(() => expect(within(grid).getAllByRole('link')).toHaveLength(5));
    expect(server.sent('Explore')).toEqual([{ first: 30 }, { first: 30, after: 'c3' }]);
    expect(within(grid).getAllByRole('link').at(-1)).toHaveAttribute('href', '/explore/p/5');
  });

  it('says so when there is nothing to explore', async () => {
    renderWith(<ExplorePage />, { Explore: () => ({ explore: postPage([], null) }) });
    expect(await screen.findByText('Nothing to explore yet')).toBeInTheDocument();
  });
});

describe('SimilarPostsPage', () => {
  it('starts with the tapped post, then posts like it, page after page', async () => {
    const server = renderWith(<SimilarPostsPage postId="7" />, {
      SimilarPosts: ({ after }) =>
        after === 'c8'
          ? { similarPosts: postPage([feedPost('9', 'noor')], null) }
          : { similarPosts: postPage([feedPost('7', 'lena'), feedPost('8', 'kenji')], 'c8') },
    });
    await screen.findByRole('article', { name: 'Post by lena' });
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Post by lena',
      'Post by kenji',
    ]);

    scrollToEnd();
    await screen.findByRole('article', { name: 'Post by noor' });
    expect(server.sent('SimilarPosts')).toEqual([
      { postId: '7', first: 8 },
      { postId: '7', first: 8, after: 'c8' },
    ]);
  });

  it('goes back to the grid it was opened from', async () => {
    window.history.replaceState(OPENED_FROM_EXPLORE, '', '/explore/p/7');
    const back = vi.spyOn(window.history, 'back').mockImplementation(() => {});
    renderWith(<SimilarPostsPage postId="7" />, { SimilarPosts: () => undefined });
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(back).toHaveBeenCalled();
  });

  it('opens Explore when it was opened from elsewhere (a shared link)', async () => {
    window.history.replaceState(null, '', '/explore/p/7');
    renderWith(<SimilarPostsPage postId="7" />, { SimilarPosts: () => undefined });
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(window.location.pathname).toBe('/explore');
  });
});
