import { graphql } from '../../graphql';

// The star on the user; Viewer.favorites and the Favorites feed follow in features/feed/cache.ts.

export const AddFavoriteMutation = graphql(`
  mutation AddFavorite($userId: ID!) {
    addFavorite(userId: $userId) { id viewerFavorite }
  }
`);

export const RemoveFavoriteMutation = graphql(`
  mutation RemoveFavorite($userId: ID!) {
    removeFavorite(userId: $userId) { id viewerFavorite }
  }
`);
