import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql';
import type { CachePart } from '../../lib/cache-parts';
import {
  appendComment,
  appendReply,
  appendToList,
  removeFromConnection,
  removeFromList,
  writeNoReplies,
} from './cacheLists';
import { REPLIES_PAGE } from './pageSizes';

/**
 * Comments: add, delete, like. Each change is optimistic; Graphcache drops the optimistic layer by
 * itself when the server refuses. (archivePost and deletePost are handled in features/profile/cache.ts.)
 */

const postRef = (id: string) => ({ __typename: 'Post', id });
const commentRef = (id: string) => ({ __typename: 'Comment', id });

const number = (value: unknown) => (typeof value === 'number' ? value : 0);
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** The logged-in user as a comment author, from what the Viewer query always loads. */
const ViewerAuthor = graphql(`
  fragment ViewerAuthor on User {
    id
    username
    avatar { thumbhash sources { url width format } }
  }
`);

function viewerAuthor(cache: Cache) {
  const viewer = text(cache.resolve('Query', 'viewer'));
  const user = viewer ? text(cache.resolve(viewer, 'user')) : null;
  const author = user ? cache.readFragment(ViewerAuthor, user) : null;
  if (!user || !author) return null;
  return { ...author, __typename: 'User', isVerified: cache.resolve(user, 'isVerified') === true };
}

/** A cached post's author as CommentRow_comment selects it (id and username). */
function postAuthor(cache: Cache, postId: string) {
  const user = text(cache.resolve(postRef(postId), 'author'));
  if (!user) return null;
  return {
    __typename: 'User',
    id: text(cache.resolve(user, 'id')),
    username: text(cache.resolve(user, 'username')),
  };
}

let optimisticIds = 0;

interface AddCommentInput {
  postId: string;
  text: string;
  replyToId?: string | null;
}

function likeState(cache: Cache, id: string) {
  return {
    liked: cache.resolve(commentRef(id), 'viewerHasLiked') === true,
    count: number(cache.resolve(commentRef(id), 'likeCount')),
  };
}

export const postCache: CachePart = {
  optimistic: {
    // Every field of CommentRow_comment and PreviewComment_comment (components/post), so the new
    // comment reads whole in both lists.
    addComment: (args, cache) => {
      const input = args.input as AddCommentInput;
      const replyTo = input.replyToId ?? null;
      // A reply to a reply joins the same thread, as the server does.
      const parentId = replyTo ? (text(cache.resolve(commentRef(replyTo), 'parentId')) ?? replyTo) : null;
      return {
        __typename: 'Comment',
        id: `optimistic-${++optimisticIds}`,
        text: input.text,
        textEntities: [],
        createdAt: new Date().toISOString(),
        likeCount: 0,
        replyCount: 0,
        parentId,
        viewerHasLiked: false,
        viewerCanDelete: true,
        // The server may hold it (a restriction, a hidden word); its answer says so.
        heldFor: null,
        author: viewerAuthor(cache),
        post: {
          __typename: 'Post',
          id: input.postId,
          author: postAuthor(cache, input.postId),
          commentCount: number(cache.resolve(postRef(input.postId), 'commentCount')) + 1,
        },
      };
    },
    deleteComment: (args) => ({ __typename: 'DeletePayload', deletedId: String(args.id) }),
    // An approved comment shows to everyone: the note and the Approve button go at once.
    approveComment: (args) => ({ __typename: 'Comment', id: String(args.id), heldFor: null }),
    likeComment: (args, cache) => {
      const id = String(args.id);
      const { liked, count } = likeState(cache, id);
      return { __typename: 'Comment', id, viewerHasLiked: true, likeCount: liked ? count : count + 1 };
    },
    unlikeComment: (args, cache) => {
      const id = String(args.id);
      const { liked, count } = likeState(cache, id);
      return {
        __typename: 'Comment',
        id,
        viewerHasLiked: false,
        likeCount: liked ? Math.max(0, count - 1) : count,
      };
    },
  },
  updates: {
    addComment: (result, args, cache) => {
      const comment = result.addComment as { id?: string; parentId?: string | null } | null;
      if (!comment?.id) return;
      const { postId } = args.input as AddCommentInput;
      const key = cache.keyOfEntity(commentRef(comment.id));
      if (!key) return;
      if (comment.parentId) {
        appendReply(cache, comment.parentId, comment.id);
        const parent = commentRef(comment.parentId);
        cache.writeFragment(ReplyCount, {
          id: comment.parentId,
          replyCount: number(cache.resolve(parent, 'replyCount')) + 1,
        });
      } else {
        writeNoReplies(cache, comment.id, REPLIES_PAGE);
        appendComment(cache, postId, comment.id);
        const post = cache.keyOfEntity(postRef(postId));
        if (post) appendToList(cache, post, 'previewComments', key);
      }
    },
    deleteComment: (_result, args, cache, info) => {
      const key = cache.keyOfEntity(commentRef(String(args.id)));
      if (!key) return;
      const post = text(cache.resolve(key, 'post'));
      const parentId = text(cache.resolve(key, 'parentId'));
      let removed = 1;
      if (parentId) {
        const parent = cache.keyOfEntity(commentRef(parentId));
        if (parent) {
          removeFromConnection(cache, parent, 'replies', key);
          cache.writeFragment(ReplyCount, {
            id: parentId,
            replyCount: Math.max(0, number(cache.resolve(parent, 'replyCount')) - 1),
          });
        }
      } else {
        removed += number(cache.resolve(key, 'replyCount'));
        if (post) {
          removeFromConnection(cache, post, 'comments', key);
          removeFromList(cache, post, 'previewComments', key);
        }
      }
      if (post) {
        const count = number(cache.resolve(post, 'commentCount'));
        cache.writeFragment(CommentCount, {
          id: String(cache.resolve(post, 'id')),
          commentCount: Math.max(0, count - removed),
        });
      }
      if (!info.optimistic) cache.invalidate(key);
    },
  },
};

const ReplyCount = graphql(`
  fragment ReplyCount on Comment { id replyCount }
`);

const CommentCount = graphql(`
  fragment CommentCount on Post { id commentCount }
`);
