/** Server answers for the Explore and feed tests: posts with every field the grid and PostCard select. */

const pageInfo = (endCursor: string | null) => ({
  __typename: 'PageInfo',
  hasNextPage: endCursor !== null,
  endCursor,
});

const author = (username: string) => ({
  __typename: 'User',
  id: `u-${username}`,
  username,
  isVerified: false,
  viewerFollowState: 'NONE',
  avatar: null,
});

const image = {
  __typename: 'Image',
  width: 1080,
  height: 1080,
  thumbhash: '',
  dominantColor: '#222222',
  sources: [],
};

/** A post as the Explore grid selects it. */
export function tilePost(id: string, username = `author${id}`) {
  return {
    __typename: 'Post',
    id,
    likeCount: 3,
    commentCount: 1,
    author: { __typename: 'User', id: `u-${username}`, username },
    media: [{ __typename: 'Media', id: `m${id}`, altText: `Photo ${id}`, image }],
  };
}

/** A post as the feeds select it (PostCard_post). */
export function feedPost(id: string, username = `author${id}`) {
  return {
    __typename: 'Post',
    id,
    status: 'READY',
    createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    caption: `Caption ${id}`,
    captionEntities: [],
    commentCount: 0,
    commentsDisabled: false,
    viewerCanComment: true,
    viewerHasLiked: false,
    viewerHasSaved: false,
    url: `/p/${id}`,
    likeCount: 4,
    likePreview: null,
    author: author(username),
    previewComments: [],
    media: [{ __typename: 'Media', id: `m${id}`, altText: `Photo ${id}`, status: 'READY', image }],
  };
}

/** One page of a PostConnection; `next` is the cursor of the page after, or null for the last. */
export function postPage<Post extends { id: string }>(
  posts: Post[],
  next: string | null,
  reasons: Record<string, unknown> = {},
) {
  return {
    __typename: 'PostConnection',
    edges: posts.map((node) => ({
      __typename: 'PostEdge',
      cursor: `c${node.id}`,
      node,
      reason: reasons[node.id] ?? null,
    })),
    pageInfo: pageInfo(next),
  };
}
