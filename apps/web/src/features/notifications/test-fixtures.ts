/** Activity entries as the server sends them, for the tests of this feature. */
export function person(id: string, username: string, viewerFollowState = 'NONE') {
  return {
    __typename: 'User',
    id,
    username,
    isPrivate: false,
    viewerFollowState,
    viewerFavorite: false,
    avatar: null,
  };
}

export function notification(
  id: string,
  fields: Partial<{
    kind: string;
    createdAt: string;
    read: boolean;
    actorCount: number;
    subjectId: string;
    actors: ReturnType<typeof person>[];
    post: unknown;
    comment: unknown;
  }> = {},
) {
  return {
    __typename: 'Notification',
    id,
    kind: 'LIKE',
    createdAt: new Date().toISOString(),
    read: false,
    actorCount: 1,
    subjectId: `s${id}`,
    actors: [person('20', 'ana')],
    post: null,
    comment: null,
    ...fields,
  };
}

export function page(nodes: unknown[], pageInfo: { hasNextPage: boolean; endCursor: string | null }) {
  return {
    __typename: 'NotificationConnection',
    edges: nodes.map((node, i) => ({ __typename: 'NotificationEdge', cursor: `c${i}`, node })),
    pageInfo: { __typename: 'PageInfo', ...pageInfo },
  };
}
