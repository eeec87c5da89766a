import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8: Node would otherwise replace bad bytes with U+FFFD silently and
 * store text the user never wrote. Refused with a clear error instead.
 */
export function registerStrictJson(app: FastifyInstance): void {
  // Fastify's own parser (secure-json-parse) refuses __proto__ and constructor poisoning.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new AppError('BAD_USER_INPUT', 'The request body is not valid UTF-8'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('BAD_USER_INPUT', 'The request body is empty'), undefined);
      return;
    }
    parseJson(_request, text, (error, parsed) => {
      if (error) done(new AppError('BAD_USER_INPUT', 'The request body is not valid JSON'), undefined);
      else done(null, parsed);
    });
  });
}
