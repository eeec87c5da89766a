import { render, screen } from '@testing-library/react';
import { getOperationAST } from 'graphql';
import { Client, type Exchange, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { delay, filter, fromArray, fromValue, mergeMap, pipe } from 'wonka';
import { useViewer, ViewerProvider } from './viewer';

const eve = {
  __typename: 'Viewer',
  isModerator: false,
  user: { __typename: 'User', id: '1', username: 'eve', displayName: 'Eve', isPrivate: false, avatar: null },
};

/** Answers the viewer query first from a stale copy (`first`), then from the server (`fresh`). */
function clientAnswering(first: unknown, fresh: unknown): Client {
  const server: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((operation) => {
        if (getOperationAST(operation.query)?.name?.value !== 'Viewer') {
          return fromValue({
            operation,
            data: { viewer: { __typename: 'Viewer', moderationNotices: [] } },
            stale: false,
            hasNext: false,
          });
        }
        return pipe(
          fromArray([
            { operation, data: { viewer: first }, stale: true, hasNext: false },
            { operation, data: { viewer: fresh }, stale: false, hasNext: false },
          ]),
          delay(10),
        );
      }),
    );
  return new Client({ url: '/graphql', exchanges: [server] });
}

/** Records every state a screen guarded by the viewer would have decided on. */
function Probe({ seen }: { seen: string[] }) {
  const { viewer, loading } = useViewer();
  const state = loading ? 'loading' : viewer ? `viewer ${viewer.username}` : 'logged out';
  if (seen.at(-1) !== state) seen.push(state);
  return <p>{state}</p>;
}

describe('ViewerProvider', () => {
  it('waits for the server before believing a cached "logged out" (no bounce to log-in after logging in)', async () => {
    const seen: string[] = [];
    render(
      <Provider value={clientAnswering(null, eve)}>
        <ViewerProvider>
          <Probe seen={seen} />
        </ViewerProvider>
      </Provider>,
    );
    await screen.findByText('viewer eve');
    expect(seen).toEqual(['loading', 'viewer eve']);
  });

  it('shows a cached viewer at once, and logs out when the server says the session is gone', async () => {
    const seen: string[] = [];
    render(
      <Provider value={clientAnswering(eve, null)}>
        <ViewerProvider>
          <Probe seen={seen} />
        </ViewerProvider>
      </Provider>,
    );
    await screen.findByText('logged out');
    expect(seen).toEqual(['loading', 'viewer eve', 'logged out']);
  });
});
