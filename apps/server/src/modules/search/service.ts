import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { type Circles, createCircles } from './circles';
import { createAccountIndex } from './name-index';
import { createPostSearch, type PostSearch } from './posts';
import { createRecentSearches, type RecentSearches } from './recent';
import { createTypeahead, type Typeahead } from './typeahead';

/** Search (issue 7): the typeahead, caption search and the viewer's recent searches. */
export interface Search extends Typeahead, PostSearch {
  recent: RecentSearches;
  /** The viewers' circles the typeahead ranks by; follows changing drop them. */
  circles: Circles;
}

export function createSearch(deps: { db: Db; logger: Logger; invalidations?: InvalidationBus }): Search {
  const { db, logger, invalidations } = deps;
  const circles = createCircles({ db, invalidations });
  const index = createAccountIndex({ db, logger, invalidations });
  return {
    ...createTypeahead({ db, circles, index }),
    ...createPostSearch(db),
    recent: createRecentSearches(db),
    circles,
  };
}
