import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
};

/** REST routes answer errors in the same shape as GraphQL: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const { field, fieldErrors, retryAfterSeconds, reason } = error.details;
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(STATUS[error.code]).send({
    errors: [
      {
        message: error.message,
        extensions: {
          code: error.code,
          ...(field ? { field, fieldErrors } : {}),
          ...(reason ? { reason } : {}),
        },
      },
    ],
  });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendError(reply, error);
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .code(500)
      .send({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] });
  }
  const code =
    status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
  return reply.code(status).send({ errors: [{ message: error.message, extensions: { code } }] });
}
