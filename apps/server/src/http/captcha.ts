import type { FastifyInstance } from 'fastify';
import type { Captcha } from '../modules/security/captcha';

/** GET /captcha: a fresh proof-of-work challenge, in the JSON the ALTCHA widget fetches. Never cached. */
export function registerCaptchaRoute(http: FastifyInstance, captcha: Captcha): void {
  http.get('/captcha', async (_, reply) => {
    reply.header('cache-control', 'no-store');
    return captcha.challenge();
  });
}
