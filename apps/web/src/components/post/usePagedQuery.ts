import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type AnyVariables,
  type CombinedError,
  type RequestPolicy,
  type TypedDocumentNode,
  useClient,
  useQuery,
} from 'urql';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export interface PagedQuery<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  hasNextPage: boolean;
  /** Fetches the page after the last one shown, then shows it. */
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  loadMoreError: CombinedError | null;
  /** Tries again whatever failed: the next page, or the list itself. */
  retry: () => void;
  refetch: () => void;
}

/**
 * A keyset-paginated query whose pages Graphcache joins (relayPagination). The query itself always
 * asks for the first page; `loadMore` fetches the next page into the cache and then reads the query
 * again from the cache, which now joins one more page. So the list grows in one step, never blanks
 * out while a page is on its way, and when the cache drops the list (a follow changes the feed) it
 * starts again from the top rather than from some page in the middle.
 */
export function usePagedQuery<Data, Variables extends AnyVariables & { after?: string | null }>({
  query,
  variables,
  pageInfo,
  pause = false,
  requestPolicy,
}: {
  query: TypedDocumentNode<Data, Variables>;
  variables: Omit<Variables, 'after'>;
  pageInfo: (data: Data) => PageInfo | null | undefined;
  pause?: boolean;
  /** For lists others change meanwhile (the moderation queue): 'cache-and-network'. */
  requestPolicy?: RequestPolicy;
}): PagedQuery<Data> {
  const client = useClient();
  const base = JSON.stringify(variables);
  const [result, reexecute] = useQuery<Data, Variables>({
    query,
    variables: variables as Variables,
    pause,
    requestPolicy,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<CombinedError | null>(null);
  const inFlight = useRef<string | null>(null);

  const info = result.data ? pageInfo(result.data) : null;
  const endCursor = info?.endCursor ?? null;
  const hasNextPage = Boolean(info?.hasNextPage && endCursor);

  // A new list (another post, say) starts again from its first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list changes
  useEffect(() => {
    setLoadMoreError(null);
    inFlight.current = null;
  }, [base]);

  const loadMore = useCallback(async () => {
    if (!hasNextPage || !endCursor || inFlight.current === endCursor) return;
    inFlight.current = endCursor;
    setLoadingMore(true);
    setLoadMoreError(null);
    const page = await client
      .query(query, { ...JSON.parse(base), after: endCursor } as Variables)
      .toPromise();
    setLoadingMore(false);
    // Another list replaced this one meanwhile: its page is cached, but this list does not move.
    if (inFlight.current !== endCursor) return;
    inFlight.current = null;
    if (page.error && !page.data) setLoadMoreError(page.error);
    // Root fields (the home feed) do not tell the first page's query about a new page: read it again.
    else reexecute({ requestPolicy: 'cache-only' });
  }, [client, query, base, hasNextPage, endCursor, reexecute]);

  const retry = useCallback(() => {
    if (loadMoreError) {
      void loadMore();
    } else {
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [loadMoreError, loadMore, reexecute]);

  return {
    data: result.data,
    error: result.error,
    fetching: result.fetching,
    hasNextPage,
    loadMore,
    loadingMore,
    loadMoreError,
    retry,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
