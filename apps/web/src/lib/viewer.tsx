import { createContext, type ReactNode, useContext } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      user {
        id
        username
        displayName
        isPrivate
        avatar { thumbhash sources { url width format } }
      }
      isModerator
    }
  }
`);

/** The latest moderation notice's time, asked of the server on every load (see ViewerProvider). */
const LatestNoticeQuery = graphql(`
  query LatestNotice {
    viewer {
      moderationNotices { id createdAt }
    }
  }
`);

export type ViewerUser = NonNullable<ResultOf<typeof ViewerQuery>['viewer']>['user'];

interface ViewerState {
  viewer: ViewerUser | null;
  loading: boolean;
  /** Whether the moderation screens are open to this account. */
  isModerator: boolean;
  /** When moderators last acted on this account or its content (for the "new notice" banner). */
  latestNoticeAt: string | null;
  refresh: () => void;
}

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  loading: true,
  isModerator: false,
  latestNoticeAt: null,
  refresh: () => {},
});

/** Who is logged in, from the session cookie; refreshed after log-in, sign-up and log-out. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: ViewerQuery });
  // A notice arrives while the person is away; the copy of the cache restored offline can't know of it.
  const [notices] = useQuery({
    query: LatestNoticeQuery,
    requestPolicy: 'network-only',
    pause: !result.data?.viewer,
  });
  const state: ViewerState = {
    viewer: result.data?.viewer?.user ?? null,
    // The session lives in a cookie the offline cache can't see: a cached "logged out" is only believed
    // once the server confirms it, or a reload just after logging in would bounce to the log-in page
    // (losing the address it was opened at).
    loading: !result.data ? result.fetching : result.stale && !result.data.viewer,
    isModerator: result.data?.viewer?.isModerator ?? false,
    latestNoticeAt: notices.data?.viewer?.moderationNotices?.[0]?.createdAt ?? null,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
