import type { RateLimiter } from '../http/rate-limit';
import type { Services } from '../services';
import type { Loaders } from './loaders';

/** What every resolver receives: who is asking, the domain services, and this request's batching loaders. */
export interface GraphQLContext {
  viewer: { userId: string; sessionId: string } | null;
  services: Services;
  loaders: Loaders;
  request: { ip: string; userAgent: string | null };
  session: {
    set(token: string, expiresAt: Date): void;
    clear(): void;
  };
  rateLimit: RateLimiter;
  urls: {
    /** Public URL of a served blob (through the media route, which applies the privacy rules). */
    media(key: string): string;
    post(id: string): string;
  };
}
