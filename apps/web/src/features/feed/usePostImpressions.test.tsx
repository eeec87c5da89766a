import { act, render, screen } from '@testing-library/react';
import { Client, type Exchange, makeErrorResult, makeResult, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filter, map, pipe } from 'wonka';
import { SEEN_AFTER_MS, SEND_EVERY_MS, usePostImpressions } from './usePostImpressions';

/** A stand-in IntersectionObserver whose entries the test reports by hand. */
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

/** Reports `share` of the post with this label as on screen, to every observer watching it. */
function showPost(label: string, share: number) {
  const target = screen.getByRole('article', { name: label });
  const entry = {
    target,
    isIntersecting: share > 0,
    intersectionRatio: share,
    intersectionRect: { height: 600 * share },
    boundingClientRect: { height: 600 },
    rootBounds: { height: 800 },
  } as unknown as IntersectionObserverEntry;
  act(() => {
    for (const observer of FakeObserver.all) {
      if (observer.watched.has(target))
        observer.callback([entry], observer as unknown as IntersectionObserver);
    }
  });
}

function wait(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

function Posts({ ids, enabled = true }: { ids: string[]; enabled?: boolean }) {
  const track = usePostImpressions(enabled);
  return (
    <>
      {ids.map((id) => (
        <article key={id} ref={track(id)} aria-label={`Post ${id}`} />
      ))}
    </>
  );
}

/** A client over a scripted server that records each markPostsSeen call's IDs. */
function recordingClient(fails: boolean) {
  const calls: string[][] = [];
  const server: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind === 'mutation'),
      map((operation) => {
        calls.push((operation.variables as { postIds: string[] }).postIds);
        return fails
          ? makeErrorResult(operation, new Error('offline'))
          : makeResult(operation, { data: { markPostsSeen: true } });
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [server] }), calls };
}

function renderPosts(ids: string[], options: { enabled?: boolean; fails?: boolean } = {}) {
  const { client, calls } = recordingClient(options.fails ?? false);
  const view = render(
    <Provider value={client}>
      <Posts ids={ids} enabled={options.enabled} />
    </Provider>,
  );
  const rerender = (next: string[]) =>
    view.rerender(
      <Provider value={client}>
        <Posts ids={next} enabled={options.enabled} />
      </Provider>,
    );
  return { ...view, client, sent: () => calls, rerender };
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setVisibility('visible');
});

describe('usePostImpressions', () => {
  it('reports a post once half of it has been on screen for a second, in the next batch', () => {
    const { sent } = renderPosts(['1', '2']);
    showPost('Post 1', 0.6);
    wait(SEEN_AFTER_MS);
    expect(sent()).toEqual([]);
    wait(SEND_EVERY_MS);
    expect(sent()).toEqual([['1']]);
  });

  it('does not count a post that scrolls past in under a second, or shows less than half', () => {
    const { sent } = renderPosts(['1', '2']);
    showPost('Post 1', 0.8);
    wait(SEEN_AFTER_MS - 200);
    showPost('Post 1', 0.3);
    showPost('Post 2', 0.4);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([]);
  });

  it('counts a post taller than the screen once it fills half the screen', () => {
    const { sent } = renderPosts(['1']);
    // 40% of a 1200 px post is 480 px of an 800 px screen.
    const target = screen.getByRole('article', { name: 'Post 1' });
    act(() => {
      FakeObserver.all[0]?.callback(
        [
          {
            target,
            isIntersecting: true,
            intersectionRatio: 0.4,
            intersectionRect: { height: 480 },
            rootBounds: { height: 800 },
          } as unknown as IntersectionObserverEntry,
        ],
        FakeObserver.all[0] as unknown as IntersectionObserver,
      );
    });
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([['1']]);
  });

  it('reports each post only once per page load, even when seen again or after coming back', () => {
    const { client, sent, unmount } = renderPosts(['1']);
    showPost('Post 1', 1);
    wait(SEEN_AFTER_MS);
    showPost('Post 1', 0);
    showPost('Post 1', 1);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    unmount();
    // Back to the feed in the same page load (same client): the post is not reported again.
    render(
      <Provider value={client}>
        <Posts ids={['1', '2']} />
      </Provider>,
    );
    showPost('Post 1', 1);
    showPost('Post 2', 1);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([['1'], ['2']]);
  });

  it('sends at most 50 posts per call', () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(i + 1));
    const { sent } = renderPosts(ids);
    for (const id of ids) showPost(`Post ${id}`, 1);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent().map((batch) => batch.length)).toEqual([50, 10]);
    expect(sent().flat()).toEqual(ids);
  });

  it('sends what it has at once when the page is hidden', () => {
    const { sent } = renderPosts(['1', '2']);
    showPost('Post 1', 1);
    showPost('Post 2', 1);
    wait(SEEN_AFTER_MS);
    setVisibility('hidden');
    expect(sent()).toEqual([['1', '2']]);
  });

  it('sends what it has when the feed goes away (the reader opens a post)', () => {
    const { sent, unmount } = renderPosts(['1']);
    showPost('Post 1', 1);
    wait(SEEN_AFTER_MS);
    unmount();
    expect(sent()).toEqual([['1']]);
  });

  it('forgets a post removed from the list before its second was up', () => {
    const { sent, rerender } = renderPosts(['1', '2']);
    showPost('Post 1', 1);
    rerender(['2']);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([]);
  });

  it('keeps the feed as it is when the report fails', () => {
    const { sent } = renderPosts(['1', '2'], { fails: true });
    showPost('Post 1', 1);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([['1']]);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    // Not tried again: the report is fire and forget.
    showPost('Post 1', 1);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([['1']]);
  });

  it('watches nothing when turned off (the Favorites feed)', () => {
    const { sent } = renderPosts(['1'], { enabled: false });
    expect(FakeObserver.all).toHaveLength(0);
    wait(SEEN_AFTER_MS + SEND_EVERY_MS);
    expect(sent()).toEqual([]);
  });
});
