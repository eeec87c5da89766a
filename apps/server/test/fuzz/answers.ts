import type { ApiErrorCode } from '../../src/graphql/errors';
import type { GqlError } from '../support/client';

/** Raw requests to the API, and what every answer must be: no 5xx, and only the stable error codes. */
export interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GqlError[] } | null;
}

/** Every code but INTERNAL (a record, so a code added to ApiErrorCode must be placed here). */
const STABLE: Record<Exclude<ApiErrorCode, 'INTERNAL'>, true> = {
  BAD_USER_INPUT: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  RATE_LIMITED: true,
  CONFLICT: true,
  GRAPHQL_PARSE_FAILED: true,
  GRAPHQL_VALIDATION_FAILED: true,
  QUERY_TOO_COMPLEX: true,
  PAYLOAD_TOO_LARGE: true,
};
/** Codes of the HTTP layer (src/http/errors.ts), for requests refused before GraphQL. */
const HTTP_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'];

export const isStableCode = (code: string | undefined) =>
  code !== undefined && (code in STABLE || HTTP_CODES.includes(code));

export async function send(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // Reported by problemsOf.
  }
  return { status: response.status, text, body: parsed };
}

export const bearer = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** What is wrong with an answer, if anything. */
export function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.status === 0) return [...problems, 'the connection closed with no answer'];
  if (!answer.body) return [...problems, `not JSON: ${answer.text.slice(0, 200)}`];
  for (const error of answer.body.errors ?? []) {
    const code = error.extensions?.code;
    if (!isStableCode(code)) problems.push(`code ${code ?? '(none)'}: ${error.message.slice(0, 200)}`);
  }
  if (!answer.body.errors?.length && answer.body.data == null) problems.push('neither data nor errors');
  return problems;
}

/** The codes of an answer's errors, in order. */
export const codesOf = (answer: Answer) => (answer.body?.errors ?? []).map((e) => e.extensions?.code);

/** Whether the mutation itself was refused (not merely a field of its result). */
export function refused(answer: Answer, field: string): boolean {
  const errors = answer.body?.errors ?? [];
  return errors.some((e) => !e.path || (e.path.length === 1 && e.path[0] === field));
}

/** Whether resolvers ran: a request refused by parsing, validation or variable coercion answers 400 with no data. */
export const executed = (answer: Answer) => !(answer.status === 400 && answer.body?.data == null);
