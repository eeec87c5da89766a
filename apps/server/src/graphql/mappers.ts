/** What each GraphQL type's resolvers receive as their parent: rows and small shapes, never GraphQL objects. */
import type { UserRow } from '../modules/accounts/rows';
import type { CommentRow } from '../modules/engagement/service';
import type { HashtagParent } from '../modules/hashtags/rows';
import type { PostRow } from '../modules/posts/rows';
import type { Connection } from './keyset';

export type ViewerParent = { userId: string };
export type AuthPayloadParent = { token: string; expiresAt: Date; userId: string };
export type UserConnectionParent = Connection<UserRow>;
export type PostConnectionParent = Connection<PostRow>;
export type CommentConnectionParent = Connection<CommentRow>;
export type UserEdgeParent = { cursor: string; node: UserRow };
/** Why a post is in a feed it would not be in by follows alone (the Home feed's followed hashtags). */
export type FeedReasonParent = { kind: 'HASHTAG'; hashtag: HashtagParent };
export type PostEdgeParent = { cursor: string; node: PostRow; reason?: FeedReasonParent | null };
export type CommentEdgeParent = { cursor: string; node: CommentRow };
