/** A minimal GraphQL-over-HTTP client for set-up, checks and polling (the load itself goes through autocannon). */

export interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  constructor(
    readonly operation: string,
    readonly errors: readonly GraphQLError[],
  ) {
    super(`${operation}: ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'} ${e.message}`).join('; ')}`);
  }
}

export function operationName(query: string): string {
  return /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
}

export function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Posts one operation; throws GraphQLRequestError on any error, returns `data` otherwise. */
export async function graphql<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<Data> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data | null; errors?: GraphQLError[] };
  if (body.errors?.length || body.data == null) {
    throw new GraphQLRequestError(
      operationName(query),
      body.errors ?? [{ message: `HTTP ${response.status}` }],
    );
  }
  return body.data;
}

export interface Session {
  username: string;
  userId: string;
  token: string;
}

const LOG_IN = `mutation BenchLogIn($input: LogInInput!) {
  logIn(input: $input) { token viewer { user { id } } }
}`;

export async function logIn(url: string, username: string, password: string): Promise<Session> {
  const data = await graphql<{ logIn: { token: string; viewer: { user: { id: string } } } }>(
    url,
    LOG_IN,
    { input: { login: username, password } },
    null,
  );
  return { username, userId: data.logIn.viewer.user.id, token: data.logIn.token };
}
