import type { CachePart } from '../../lib/cache-parts';

/** How this feature's mutations change the normalised cache. */
export const feedCache: CachePart = {};
