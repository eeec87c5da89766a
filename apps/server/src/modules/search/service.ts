import type { Db } from '../../platform/db';
import { createPostSearch, type PostSearch } from './posts';
import { createRecentSearches, type RecentSearches } from './recent';
import { createTypeahead, type Typeahead } from './typeahead';

/** Search (issue 7): the typeahead, caption search and the viewer's recent searches. */
export interface Search extends Typeahead, PostSearch {
  recent: RecentSearches;
}

export function createSearch(db: Db): Search {
  return { ...createTypeahead(db), ...createPostSearch(db), recent: createRecentSearches(db) };
}
