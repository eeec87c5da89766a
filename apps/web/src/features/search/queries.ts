import { graphql } from '../../graphql';
import { ProfileGrid_post } from '../profile/ProfileGrid';

export const SearchAccount_user = graphql(`
  fragment SearchAccount_user on User {
    id
    username
    displayName
    avatar { thumbhash dominantColor sources { url width format } }
  }
`);

/** Asked as the person types (debounced): accounts and hashtags only, cheap enough per pause. */
export const SearchTypeaheadQuery = graphql(
  `
  query SearchTypeahead($query: String!) {
    search(query: $query) {
      query
      accounts(first: 8) { id ...SearchAccount_user }
      hashtags(first: 8) { name postCount }
    }
  }
`,
  [SearchAccount_user],
);

/** The results page for a query someone submitted: the same accounts and tags, and matching posts. */
export const SearchResultsQuery = graphql(
  `
  query SearchResults($query: String!, $after: String) {
    search(query: $query) {
      query
      accounts(first: 8) { id ...SearchAccount_user }
      hashtags(first: 8) { name postCount }
      posts(first: 12, after: $after) {
        edges { node { id ...ProfileGrid_post } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [SearchAccount_user, ProfileGrid_post],
);

export const RecentSearchesQuery = graphql(
  `
  query RecentSearches {
    recentSearches(first: 20) {
      id
      kind
      hashtag
      text
      searchedAt
      user { id ...SearchAccount_user }
    }
  }
`,
  [SearchAccount_user],
);

export const AddRecentSearchMutation = graphql(`
  mutation AddRecentSearch($input: RecentSearchInput!) {
    addRecentSearch(input: $input) { id kind hashtag text searchedAt }
  }
`);

export const RemoveRecentSearchMutation = graphql(`
  mutation RemoveRecentSearch($id: ID!) {
    removeRecentSearch(id: $id)
  }
`);

export const ClearRecentSearchesMutation = graphql(`
  mutation ClearRecentSearches {
    clearRecentSearches
  }
`);
