/**
 * For the auth screens' component tests: a real urql client over a scripted server (answers by operation
 * name), the viewer from that server, and an in-memory location to see where a screen navigates.
 */
import { render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { Client, CombinedError, Provider } from 'urql';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ViewerProvider } from '../../lib/viewer';
import { nameOf, scriptedServer } from '../../test/scriptedServer';

export type Answer = { data: unknown } | { error: CombinedError } | 'pending';
export type Script = Record<string, (variables: Record<string, unknown>) => Answer>;

/** An API error as the server formats it: a message and its extensions (code, field, reason…). */
export function refusal(message: string, extensions: Record<string, unknown>): { error: CombinedError } {
  return { error: new CombinedError({ graphQLErrors: [{ message, extensions }] }) };
}

export function fieldError(field: string, message: string): { error: CombinedError } {
  return refusal(message, { code: 'BAD_USER_INPUT', field, fieldErrors: [{ field, message }] });
}

export const ADA = { id: '1', username: 'ada', displayName: 'Ada', isPrivate: false, avatar: null };

/**
 * Renders `ui` at `path`. `session.user` is who the Viewer query answers with (null: logged out); a
 * script may change it, as a log-in or a password reset does on the server.
 */
export function renderScreen(
  ui: ReactNode,
  {
    path = '/',
    script = {},
    user = null,
    strict = false,
  }: { path?: string; script?: Script; user?: typeof ADA | null; strict?: boolean } = {},
) {
  const session = { user };
  const defaults: Script = {
    Viewer: () => ({ data: { viewer: session.user ? { user: session.user, isModerator: false } : null } }),
    LatestNotice: () => ({ data: { viewer: { moderationNotices: [] } } }),
  };
  const server = scriptedServer((name, operation) =>
    (script[name] ?? defaults[name])?.(operation.variables as Record<string, unknown>),
  );
  const client = new Client({ url: '/graphql', exchanges: [server.exchange] });
  const location = memoryLocation({ path, record: true });
  const tree = (
    <Provider value={client}>
      <ViewerProvider>
        <Router hook={location.hook}>{ui}</Router>
      </ViewerProvider>
    </Provider>
  );
  render(strict ? <StrictMode>{tree}</StrictMode> : tree);

  /** How often the viewer was asked for again past the cache, as a log-in or log-out refresh does. */
  const viewerRefreshes = () =>
    server.operations.filter((op) => nameOf(op) === 'Viewer' && op.context.requestPolicy === 'network-only')
      .length;
  return { session, sent: server.sent, viewerRefreshes, path: () => location.history.at(-1) };
}
