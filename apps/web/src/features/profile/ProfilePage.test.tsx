import { render, screen } from '@testing-library/react';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { ViewerProvider } from '../../lib/viewer';
import { dataReply, scriptedServer } from '../../test/scriptedServer';
import ProfilePage from './ProfilePage';

const viewer = {
  __typename: 'User',
  id: '1',
  username: 'maya',
  displayName: 'Maya',
  isPrivate: false,
  avatar: null,
};

function profile(id: string, username: string, viewerFollowState: string) {
  return {
    __typename: 'User',
    id,
    username,
    displayName: '',
    bio: '',
    bioEntities: [],
    website: null,
    isVerified: false,
    isPrivate: false,
    postCount: 0,
    followerCount: 0,
    followingCount: 0,
    viewerFollowState,
    viewerFavorite: false,
    viewerBlocks: false,
    viewerRestricted: false,
    viewerMutedPosts: false,
    viewerMutedStories: false,
    viewerCanSeeContent: true,
    avatar: null,
  };
}

const ids: Record<string, string> = { maya: '1', lena: '2', ben: '3' };

/** A real client over a scripted server: answers the viewer and profiles, records every operation. */
function scriptedClient(loggedIn = true) {
  const server = scriptedServer((name, operation) => {
    const username = String(operation.variables?.username ?? '');
    return dataReply(
      name === 'Viewer'
        ? { viewer: loggedIn ? { __typename: 'Viewer', user: viewer } : null }
        : name === 'Profile'
          ? { user: profile(ids[username] ?? '0', username, username === 'maya' ? 'SELF' : 'NONE') }
          : name === 'RecordProfileVisit'
            ? { recordProfileVisit: true }
            : undefined,
    );
  });
  const client = new Client({ url: '/graphql', exchanges: [server.exchange] });
  const visits = () => server.sent('RecordProfileVisit').map((variables) => variables.userId);
  return { client, visits };
}

function renderProfile(username: string, loggedIn = true) {
  const scripted = scriptedClient(loggedIn);
  const page = (name: string, tab: string | null = null) => (
    <Provider value={scripted.client}>
      <ViewerProvider>
        <ProfilePage username={name} tab={tab} />
      </ViewerProvider>
    </Provider>
  );
  const view = render(page(username));
  return { ...scripted, rerender: (name: string, tab?: string) => view.rerender(page(name, tab)) };
}

describe('ProfilePage visits', () => {
  it("records one visit to someone else's profile, however often it renders", async () => {
    const { visits, rerender } = renderProfile('lena');
    await screen.findByRole('heading', { name: 'lena', level: 1 });
    rerender('lena');
    rerender('lena', 'followers');
    await screen.findByRole('heading', { name: 'lena', level: 1 });
    expect(visits()).toEqual(['2']);
  });

  it('records a new visit when the reader goes on to another profile and comes back', async () => {
    const { visits, rerender } = renderProfile('lena');
    await screen.findByRole('heading', { name: 'lena', level: 1 });
    rerender('ben');
    await screen.findByRole('heading', { name: 'ben', level: 1 });
    rerender('lena');
    await screen.findByRole('heading', { name: 'lena', level: 1 });
    expect(visits()).toEqual(['2', '3', '2']);
  });

  it('does not record a visit to your own profile', async () => {
    const { visits } = renderProfile('maya');
    await screen.findByRole('heading', { name: 'maya', level: 1 });
    expect(visits()).toEqual([]);
  });

  it('does not record a visit by someone not logged in', async () => {
    const { visits } = renderProfile('lena', false);
    await screen.findByRole('heading', { name: 'lena', level: 1 });
    expect(visits()).toEqual([]);
  });
});
