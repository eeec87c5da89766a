/**
 * For the search and hashtag screens' component tests: Graphcache (with the search and hashtag cache
 * parts) over a scripted server answering by operation name, a signed-in viewer, and an in-memory
 * location that records where the screen navigates.
 */

import { render } from '@testing-library/react';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ViewerProvider } from '../../lib/viewer';
import { graphcacheClient, type Reply, scriptedServer } from '../../test/scriptedServer';
import { hashtagCache } from '../hashtag/cache';
import { searchCache } from './cache';

export type Script = Record<string, (variables: Record<string, unknown>) => Reply>;

export const MAYA = {
  __typename: 'User',
  id: '1',
  username: 'maya',
  displayName: 'Maya Okafor',
  isPrivate: false,
  avatar: null,
};

export function account(id: string, username: string, displayName = '') {
  return { __typename: 'User', id, username, displayName, avatar: null };
}

export function hashtag(name: string, postCount: number) {
  return { __typename: 'Hashtag', name, postCount };
}

export function gridPost(id: string) {
  return {
    __typename: 'Post',
    id,
    status: 'READY',
    likeCount: 3,
    commentCount: 1,
    author: { __typename: 'User', id: '9', username: 'lena' },
    media: [],
  };
}

export function postPage(ids: string[], endCursor: string | null = null) {
  return {
    __typename: 'PostConnection',
    edges: ids.map((id) => ({ __typename: 'PostEdge', node: gridPost(id) })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
  };
}

export function renderWithServer(
  ui: ReactNode,
  { path = '/', script = {} }: { path?: string; script?: Script },
) {
  const defaults: Script = {
    Viewer: () => ({ data: { viewer: { __typename: 'Viewer', user: MAYA, isModerator: false } } }),
    LatestNotice: () => ({ data: { viewer: { __typename: 'Viewer', moderationNotices: [] } } }),
  };
  const server = scriptedServer((name, operation) =>
    (script[name] ?? defaults[name])?.(operation.variables as Record<string, unknown>),
  );
  const client = graphcacheClient(server.exchange, [searchCache, hashtagCache], {
    keys: {
      Hashtag: (h) => (typeof h.name === 'string' ? h.name : null),
      RecentSearch: (r) => (typeof r.id === 'string' ? r.id : null),
      SearchResults: () => null,
      PostConnection: () => null,
      PostEdge: () => null,
      PageInfo: () => null,
    },
    resolvers: {
      SearchResults: { posts: relayPagination() },
      Hashtag: { recentPosts: relayPagination() },
    },
  });
  const [pathname, search = ''] = path.split('?');
  const location = memoryLocation({ path: pathname, searchPath: search, record: true });
  render(
    <Provider value={client}>
      <ViewerProvider>
        <Router hook={location.hook} searchHook={location.searchHook}>
          {ui}
        </Router>
      </ViewerProvider>
    </Provider>,
  );
  return { server, location };
}
