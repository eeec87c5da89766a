/** What the search module's GraphQL types receive as their parent. */
export type { RecentSearchRow } from './recent';

/** A search box query, validated and normalised once by Query.search for all its fields. */
export interface SearchResultsParent {
  /** The normalised text (captions are searched for it). */
  text: string;
  /** The text without a leading @ or # (accounts and hashtags are looked up by it). */
  name: string;
}
