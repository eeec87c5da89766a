import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors';
import { isForeignKeyViolation } from '../platform/db/errors';

/**
 * Maps every error to a stable `extensions.code`. User-caused errors keep their message and field;
 * anything unexpected becomes INTERNAL with a generic message (the details go to the log only).
 */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export function formatError(error: GraphQLError, log: FastifyBaseLogger): GraphQLFormattedError {
  const original = error.originalError;
  const base = {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  if (original instanceof AppError) {
    const { field, fieldErrors, retryAfterSeconds, reason, challenge } = original.details;
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(field ? { field } : {}),
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
        ...(reason ? { reason } : {}),
        ...(challenge ? { challenge } : {}),
      },
    };
  }
  if (original && isForeignKeyViolation(original)) {
    return { ...base, message: 'That item no longer exists', extensions: { code: 'NOT_FOUND' } };
  }
  const code = classify(error);
  if (code === 'INTERNAL') {
    log.error({ err: original ?? error, path: error.path }, 'unexpected error in GraphQL execution');
    return {
      message: 'Internal server error',
      ...(error.path ? { path: error.path } : {}),
      extensions: { code },
    };
  }
  return { ...base, extensions: { code } };
}

function classify(error: GraphQLError): ApiErrorCode {
  const original = error.originalError as (Error & { code?: string }) | undefined;
  if (
    original?.code === 'MER_ERR_GQL_QUERY_DEPTH' ||
    /exceeds the query depth|query is too complex|exceeds the maximum allowed number of nodes/i.test(
      error.message,
    ) ||
    // A document nested thousands deep overflows the parser's stack before any limit can look at it.
    (original instanceof RangeError && /call stack/i.test(original.message))
  ) {
    return 'QUERY_TOO_COMPLEX';
  }
  // Fastify refused the HTTP body (too large, not a JSON object) before GraphQL saw it.
  const status = (original as { statusCode?: number } | undefined)?.statusCode;
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_USER_INPUT';
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (
    /^Variable "\$|got invalid value|Expected value of type|Int cannot represent|Float cannot represent/.test(
      error.message,
    )
  ) {
    return 'BAD_USER_INPUT';
  }
  // Errors of the GraphQL layer itself (mercurius wraps parse and validation failures in MER_ERR_*).
  if (!original || original.code?.startsWith('MER_ERR_GQL')) return 'GRAPHQL_VALIDATION_FAILED';
  return 'INTERNAL';
}

export { GraphQLError };

/**
 * Mercurius reports parse, validation and depth failures as one error carrying the real ones in `errors`.
 * Inner errors may come from another copy of graphql-js (mercurius loads the CommonJS build), so they are
 * recognised by name, not instanceof.
 */
export function unwrapErrors(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    if (!Array.isArray(inner)) return [error];
    return inner.map((e: unknown) => {
      if (e instanceof GraphQLError) return e;
      const like = e as Error & Partial<Pick<GraphQLError, 'source' | 'positions' | 'path'>>;
      if (like.name === 'GraphQLError') {
        return new GraphQLError(like.message, {
          ...(like.source ? { source: like.source } : {}),
          ...(like.positions ? { positions: like.positions } : {}),
        });
      }
      return new GraphQLError(like.message, { originalError: like });
    });
  });
}
