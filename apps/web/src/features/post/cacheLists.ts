import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql';

/**
 * Patching paginated lists in the normalised cache. Each page of a connection is its own field
 * (`comments({"first":20})`, `comments({"after":"…","first":20})`), which relayPagination joins
 * when read, so an edit touches every page the cache holds.
 */

/** Takes a node out of every cached page of `parent.fieldName`. */
export function removeFromConnection(cache: Cache, parent: string, fieldName: string, nodeKey: string): void {
  for (const field of cache.inspectFields(parent)) {
    if (field.fieldName !== fieldName) continue;
    const connection = cache.resolve(parent, field.fieldKey);
    if (typeof connection !== 'string') continue;
    const edges = cache.resolve(connection, 'edges');
    if (!Array.isArray(edges)) continue;
    const kept = edges.filter(
      (edge): edge is string => typeof edge === 'string' && cache.resolve(edge, 'node') !== nodeKey,
    );
    if (kept.length !== edges.length) cache.link(connection, 'edges', kept);
  }
}

/** Takes a node out of a plain list field (`Post.previewComments`). */
export function removeFromList(cache: Cache, parent: string, fieldName: string, nodeKey: string): void {
  const links = cache.resolve(parent, fieldName);
  if (!Array.isArray(links)) return;
  const kept = links.filter((link): link is string => typeof link === 'string' && link !== nodeKey);
  if (kept.length !== links.length) cache.link(parent, fieldName, kept);
}

export function appendToList(cache: Cache, parent: string, fieldName: string, nodeKey: string): void {
  const links = cache.resolve(parent, fieldName);
  if (!Array.isArray(links)) return;
  const kept = links.filter((link): link is string => typeof link === 'string' && link !== nodeKey);
  cache.link(parent, fieldName, [...kept, nodeKey]);
}

const CommentsPage = graphql(`
  fragment CommentsPage on Post {
    id
    comments(first: $first, after: $after) {
      edges { cursor node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RepliesPage = graphql(`
  fragment RepliesPage on Comment {
    id
    replies(first: $first, after: $after) {
      edges { cursor node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type PageArgs = Record<string, unknown>;

/** The page new items go on: the one no other cached page continues from (the newest loaded). */
function lastPage<T extends { args: PageArgs; endCursor: string | null | undefined }>(
  pages: T[],
): T | undefined {
  const continued = new Set(pages.map((p) => p.args.after).filter((a) => typeof a === 'string'));
  return pages.find((p) => !p.endCursor || !continued.has(p.endCursor)) ?? pages.at(-1);
}

const newEdge = (commentId: string) => ({
  __typename: 'CommentEdge',
  cursor: '',
  node: { __typename: 'Comment', id: commentId },
});

/** Adds a new top-level comment after the last loaded one (comments read oldest first). */
export function appendComment(cache: Cache, postId: string, commentId: string): void {
  const post = { __typename: 'Post', id: postId };
  const pages = cache
    .inspectFields(post)
    .filter((f) => f.fieldName === 'comments')
    .map((f) => {
      const args = f.arguments ?? {};
      const data = cache.readFragment(CommentsPage, post, args);
      return { args, data, endCursor: data?.comments.pageInfo.endCursor };
    });
  const page = lastPage(pages);
  if (!page?.data || page.data.comments.edges.some((e) => e.node.id === commentId)) return;
  const { data, args } = page;
  cache.writeFragment(
    CommentsPage,
    { ...data, comments: { ...data.comments, edges: [...data.comments.edges, newEdge(commentId)] } },
    args,
  );
}

/** Adds a reply at the end of its thread, when the thread's replies are loaded. */
export function appendReply(cache: Cache, parentId: string, commentId: string): void {
  const parent = { __typename: 'Comment', id: parentId };
  const pages = cache
    .inspectFields(parent)
    .filter((f) => f.fieldName === 'replies')
    .map((f) => {
      const args = f.arguments ?? {};
      const data = cache.readFragment(RepliesPage, parent, args);
      return { args, data, endCursor: data?.replies.pageInfo.endCursor };
    });
  const page = lastPage(pages);
  if (!page?.data || page.data.replies.edges.some((e) => e.node.id === commentId)) return;
  const { data, args } = page;
  cache.writeFragment(
    RepliesPage,
    { ...data, replies: { ...data.replies, edges: [...data.replies.edges, newEdge(commentId)] } },
    args,
  );
}

const NoReplies = graphql(`
  fragment NoReplies on Comment {
    id
    replies(first: $first) {
      edges { cursor node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/**
 * A new top-level comment has no replies yet. The post page asks for each comment's first replies, so
 * without this the new comment would read as incomplete and the whole list with it.
 */
export function writeNoReplies(cache: Cache, commentId: string, first: number): void {
  // Typenames let the cache key the embedded records; the fragment's own type does not list them.
  const replies = {
    __typename: 'CommentConnection',
    edges: [],
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  };
  cache.writeFragment(NoReplies, { id: commentId, replies }, { first });
}
