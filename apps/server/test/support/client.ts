/** A small GraphQL-over-HTTP client for tests: real requests against a running server. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    field?: string;
    fieldErrors?: { field: string; message: string }[];
    reason?: string;
    challenge?: string;
    retryAfterSeconds?: number;
  };
}

export interface GqlResult<T> {
  status: number;
  data: T | null;
  errors: GqlError[] | undefined;
  headers: Headers;
}

export class Api {
  constructor(readonly url: string) {}

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: { token?: string; cookie?: string } = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GqlError[] };
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors,
      headers: response.headers,
    };
  }

  /** Runs a query that must succeed; throws with the errors otherwise. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, token ? { token } : {});
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL failed (${result.status}): ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** Runs a query that must fail; returns its first error. */
  async fails(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlError> {
    const result = await this.gql(query, variables, token ? { token } : {});
    const first = result.errors?.[0];
    if (!first) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return first;
  }

  async upload(
    data: Buffer | Uint8Array,
    token: string | undefined,
    filename = 'photo.jpg',
    type = 'image/jpeg',
  ): Promise<{
    status: number;
    body: { id?: string; width?: number; height?: number; format?: string; errors?: GqlError[] };
  }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
    const response = await fetch(`${this.url}/uploads`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  async get(pathname: string, token?: string): Promise<Response> {
    return fetch(`${this.url}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }
}
