/**
 * Component tests of /accounts/security: the page over Graphcache (set up as lib/client.ts sets it up,
 * with the settings cache part) and a scripted server that answers each operation by name.
 */
import schema from 'virtual:graphcache-schema';
import { render } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider } from 'urql';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { settingsCache } from './cache';
import SecurityPage from './SecurityPage';

/** An answer's data, an API error, or undefined for an operation left in flight. */
type Answer = (variables: Record<string, unknown>) => unknown;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const THIS_DEVICE = {
  __typename: 'Session',
  id: '1',
  device: 'Chrome on Linux',
  ip: '203.0.113.7',
  lastUsedAt: ago(10_000),
  current: true,
};
export const PHONE_SESSION = {
  __typename: 'Session',
  id: '2',
  device: 'Safari on iPhone',
  ip: '198.51.100.23',
  lastUsedAt: ago(3 * HOUR),
  current: false,
};
export const OLD_SESSION = {
  __typename: 'Session',
  id: '3',
  device: 'Firefox on Windows',
  ip: null,
  lastUsedAt: ago(2 * DAY),
  current: false,
};

export const LAPTOP_PASSKEY = {
  __typename: 'Passkey',
  id: '41',
  name: 'MacBook',
  createdAt: '2025-03-04T10:00:00.000Z',
  lastUsedAt: ago(2 * DAY),
};

/** The Viewer as the Security query answers it; the sessions out of order, as the page sorts them. */
export function viewer(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Viewer',
    email: 'ada@example.com',
    emailVerified: true,
    twoFactorEnabled: false,
    recoveryCodesLeft: 0,
    passkeys: [LAPTOP_PASSKEY],
    sessions: [OLD_SESSION, THIS_DEVICE, PHONE_SESSION],
    ...overrides,
  };
}

/** A refusal as the API words it: BAD_USER_INPUT with the field it is about. */
export function fieldError(field: string, message: string): CombinedError {
  return new CombinedError({
    graphQLErrors: [
      new GraphQLError(message, {
        extensions: { code: 'BAD_USER_INPUT', field, fieldErrors: [{ field, message }] },
      }),
    ],
  });
}

/** An error no field claims (a rate limit, a missing record). */
export function apiError(message: string, code = 'RATE_LIMITED'): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })] });
}

export function renderSecurity(answers: Record<string, Answer> = {}, initial = viewer()) {
  const server = scriptedServer((name, operation) => {
    const answer =
      name === 'Security'
        ? { viewer: initial }
        : answers[name]?.((operation.variables ?? {}) as Record<string, unknown>);
    if (answer === undefined) return 'pending';
    return answer instanceof CombinedError ? { error: answer, data: undefined } : { data: answer };
  });
  const client = graphcacheClient(server.exchange, [settingsCache], {
    schema,
    keys: { TwoFactorSetup: () => null, HiddenWords: () => null },
  });
  render(
    <Provider value={client}>
      <SecurityPage />
    </Provider>,
  );
  return {
    /** The mutations sent, as [name, variables]. */
    mutations: server.mutations,
    /** How many times the page's query reached the server. */
    securityFetches: () => server.sent('Security').length,
  };
}
