import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gridPost, postPage, renderWithServer, type Script } from '../search/test-utils';
import HashtagPage from './HashtagPage';

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

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function sunset(viewerFollows: boolean) {
  return {
    __typename: 'Hashtag',
    name: 'sunset',
    postCount: 1234,
    viewerFollows,
    related: [
      { __typename: 'Hashtag', name: 'goldenhour' },
      { __typename: 'Hashtag', name: 'beach' },
    ],
    topPosts: [gridPost('t1'), gridPost('t2'), gridPost('t3')],
  };
}

function script(overrides: Script = {}, viewerFollows = false): Script {
  return {
    HashtagPage: () => ({ data: { hashtag: sunset(viewerFollows) } }),
    HashtagRecentPosts: (v) => ({
      data: {
        hashtag: {
          __typename: 'Hashtag',
          name: 'sunset',
          recentPosts: v.after ? postPage(['r3']) : postPage(['r1', 'r2'], 'c2'),
        },
      },
    }),
    ...overrides,
  };
}

describe('HashtagPage', () => {
  it('shows the tag, its post count, related tags as links, then top and recent posts', async () => {
    renderWithServer(<HashtagPage name="sunset" />, { script: script() });

    expect(await screen.findByRole('heading', { level: 1, name: '#sunset' })).toBeInTheDocument();
    expect(screen.getByText('1,234 posts')).toBeInTheDocument();
    const related = screen.getByRole('navigation', { name: 'Related hashtags' });
    expect(within(related).getByRole('link', { name: '#goldenhour' })).toHaveAttribute(
      'href',
      '/explore/tags/goldenhour',
    );
    expect(within(related).getByRole('link', { name: '#beach' })).toHaveAttribute(
      'href',
      '/explore/tags/beach',
    );

    const top = screen.getByRole('list', { name: 'Top posts tagged #sunset' });
    expect(within(top).getAllByRole('link')).toHaveLength(3);
    const recent = await screen.findByRole('list', { name: 'Recent posts tagged #sunset' });
    await waitFor(() => expect(within(recent).getAllByRole('link')).toHaveLength(2));
  });

  it('loads more recent posts as the end of the grid comes into view', async () => {
    const { server } = renderWithServer(<HashtagPage name="sunset" />, { script: script() });
    const recent = await screen.findByRole('list', { name: 'Recent posts tagged #sunset' });
    await waitFor(() => expect(within(recent).getAllByRole('link')).toHaveLength(2));

    scrollToEnd();
    await waitFor(() => expect(within(recent).getAllByRole('link')).toHaveLength(3));
    expect(server.sent('HashtagRecentPosts')).toEqual([{ name: 'sunset' }, { name: 'sunset', after: 'c2' }]);
  });

  it('follows at once, before the server answers', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<HashtagPage name="sunset" />, {
      script: script({ FollowHashtag: () => 'pending' }),
    });

    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('button', { name: 'Following' })).toBeInTheDocument();
    expect(server.sent('FollowHashtag')).toEqual([{ name: 'sunset' }]);
  });

  it('unfollows at once, before the server answers', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<HashtagPage name="sunset" />, {
      script: script({ UnfollowHashtag: () => 'pending' }, true),
    });

    await user.click(await screen.findByRole('button', { name: 'Following' }));
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(server.sent('UnfollowHashtag')).toEqual([{ name: 'sunset' }]);
  });

  it('goes back to Follow when the server refuses', async () => {
    const user = userEvent.setup();
    const { server } = renderWithServer(<HashtagPage name="sunset" />, {
      script: script({
        FollowHashtag: () => ({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) }),
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    await waitFor(() => expect(server.sent('FollowHashtag')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });

  it('says so when the tag is unknown', async () => {
    renderWithServer(<HashtagPage name="nope" />, {
      script: { HashtagPage: () => ({ data: { hashtag: null } }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'No posts for #nope' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Follow' })).not.toBeInTheDocument();
  });
});
