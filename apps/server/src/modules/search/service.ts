import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Db } from '../../platform/db';
import { type Circles, createCircles } from './circles';
import { createPostSearch, type PostSearch } from './posts';
import { createRecentSearches, type RecentSearches } from './recent';
import { createTypeahead, type Typeahead } from './typeahead';

/** Search (issue 7): the typeahead, caption search and the viewer's recent searches. */
export interface Search extends Typeahead, PostSearch {
  recent: RecentSearches;
  /** The viewers' circles the typeahead ranks by; follows changing drop them. */
  circles: Circles;
}

export function createSearch(deps: { db: Db; invalidations?: InvalidationBus }): Search {
  const { db, invalidations } = deps;
  const circles = createCircles({ db, invalidations });
  return {
    ...createTypeahead({ db, circles, invalidations }),
    ...createPostSearch(db),
    recent: createRecentSearches(db),
    circles,
  };
}
