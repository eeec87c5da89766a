import { graphql } from '../../../graphql';

/** What an archived or highlighted story shows as a tile or in the viewer. */
export const HighlightStory_story = graphql(`
  fragment HighlightStory_story on Story {
    id
    createdAt
    closeFriendsOnly
    image { width height thumbhash dominantColor sources { url width format } }
    overlays {
      index
      kind
      position { x y scale rotation }
      text
      style
      color
      user { id username }
      hashtag
      question
      options
      emoji
    }
  }
`);

export const CreateHighlightMutation = graphql(`
  mutation CreateHighlight($input: CreateHighlightInput!) {
    createHighlight(input: $input) {
      id
      title
      owner { id username }
    }
  }
`);

export const UpdateHighlightMutation = graphql(
  `
  mutation UpdateHighlight($input: UpdateHighlightInput!) {
    updateHighlight(input: $input) {
      id
      title
      cover { width height thumbhash dominantColor sources { url width format } }
      stories { id ...HighlightStory_story }
    }
  }
`,
  [HighlightStory_story],
);

export const DeleteHighlightMutation = graphql(`
  mutation DeleteHighlight($id: ID!) {
    deleteHighlight(id: $id) { deletedId }
  }
`);

export const HIGHLIGHT_TITLE_MAX = 30;

/** "12 Mar" (and the year when not this one), as Instagram dates archived stories. */
export function storyDate(iso: string): { day: string; month: string; year: string | null } {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return {
    day: String(date.getDate()),
    month: date.toLocaleString('en-US', { month: 'short' }),
    year: sameYear ? null : String(date.getFullYear()),
  };
}
