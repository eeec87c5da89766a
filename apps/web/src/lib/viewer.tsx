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
    }
  }
`);

export type ViewerUser = NonNullable<ResultOf<typeof ViewerQuery>['viewer']>['user'];

interface ViewerState {
  viewer: ViewerUser | null;
  loading: boolean;
  refresh: () => void;
}

const ViewerContext = createContext<ViewerState>({ viewer: null, loading: true, refresh: () => {} });

/** Who is logged in, from the session cookie; refreshed after log-in, sign-up and log-out. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: ViewerQuery });
  const state: ViewerState = {
    viewer: result.data?.viewer?.user ?? null,
    loading: result.fetching && !result.data,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
