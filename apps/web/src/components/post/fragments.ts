import { graphql } from '../../graphql';

/** An author as posts and comments show them: the avatar, the username and the verified badge. */
export const PostAuthor_user = graphql(`
  fragment PostAuthor_user on User {
    id
    username
    isVerified
    avatar { thumbhash sources { url width format } }
  }
`);

/** A comment as the feed previews it: who said what. */
export const PreviewComment_comment = graphql(
  `
  fragment PreviewComment_comment on Comment {
    id
    text
    textEntities { kind start end value }
    author { id ...PostAuthor_user }
  }
`,
  [PostAuthor_user],
);
