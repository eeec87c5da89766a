import { type ReactNode, type Ref, useState } from 'react';
import { Link } from 'wouter';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { useViewer } from '../../lib/viewer';
import { RelativeTime } from '../RelativeTime';
import { RichText } from '../RichText';
import { AuthorAvatar, AuthorName } from './Author';
import { CommentComposer, type ComposerHandle } from './CommentComposer';
import { FollowToggle, FollowToggle_user } from './FollowToggle';
import { PostAuthor_user, PreviewComment_comment } from './fragments';
import { LikeSummary, LikeSummary_post } from './LikeSummary';
import { PostActions, PostActions_post } from './PostActions';
import { PostCaption, PostCaption_post } from './PostCaption';
import styles from './PostCard.module.css';
import { PostHeader, PostHeader_post } from './PostHeader';
import { PostMedia, PostMedia_post } from './PostMedia';
import { PostMenu } from './PostMenu';
import { usePostMutations } from './usePostMutations';

export const PostCard_post = graphql(
  `
  fragment PostCard_post on Post {
    id
    status
    createdAt
    caption
    captionEntities { kind start end value }
    commentCount
    commentsDisabled
    viewerCanComment
    viewerHasLiked
    author { id username viewerFollowState ...PostAuthor_user ...FollowToggle_user }
    previewComments { id ...PreviewComment_comment }
    ...PostHeader_post
    ...PostMedia_post
    ...PostActions_post
    ...LikeSummary_post
    ...PostCaption_post
  }
`,
  [
    PostAuthor_user,
    FollowToggle_user,
    PreviewComment_comment,
    PostHeader_post,
    PostMedia_post,
    PostActions_post,
    LikeSummary_post,
    PostCaption_post,
  ],
);

/** The feed column is at most 470 px wide and fills a phone's width. */
export const FEED_MEDIA_SIZES = '(max-width: 470px) 100vw, 470px';

/** A post in the home feed: header, photos, actions, likes, caption, a taste of the comments, a reply box. */
export function PostCard({
  post,
  priority = false,
  ref,
}: {
  post: FragmentOf<typeof PostCard_post>;
  priority?: boolean;
  /** The article, for the feed to watch (impressions). */
  ref?: Ref<HTMLElement>;
}) {
  const data = readFragment(PostCard_post, post);
  const { viewer } = useViewer();
  const { like } = usePostMutations(data.id);

  return (
    <article ref={ref} className={styles.card} aria-label={`Post by ${data.author.username}`}>
      <PostHeader
        post={data}
        actions={viewer ? <PostMenu postId={data.id} canReport={data.author.id !== viewer.id} /> : undefined}
      />
      <PostMedia
        post={data}
        sizes={FEED_MEDIA_SIZES}
        priority={priority}
        onDoubleTap={viewer && !data.viewerHasLiked ? like : undefined}
        dots="below"
        className={styles.feedMedia}
      />
      <div className={styles.body}>
        {viewer && <PostActions post={data} />}
        <LikeSummary post={data} />
        <PostCaption post={data} />
        {data.commentCount > 2 && (
          <Link href={`/p/${data.id}`} className={styles.viewAll}>
            View all {data.commentCount} comments
          </Link>
        )}
        {data.previewComments.length > 0 && (
          <ul className={styles.previews}>
            {data.previewComments.map((comment) => (
              <PreviewComment key={comment.id} comment={comment} />
            ))}
          </ul>
        )}
        <Link href={`/p/${data.id}`} className={styles.footTime}>
          <RelativeTime iso={data.createdAt} long />
        </Link>
        {viewer && data.viewerCanComment && <CommentComposer postId={data.id} className={styles.composer} />}
      </div>
    </article>
  );
}

function PreviewComment({ comment }: { comment: FragmentOf<typeof PreviewComment_comment> }) {
  const data = readFragment(PreviewComment_comment, comment);
  return (
    <li className={`${styles.preview} ${data.id.startsWith('optimistic-') ? styles.pending : ''}`}>
      <AuthorName user={data.author} /> <RichText text={data.text} entities={data.textEntities} />
    </li>
  );
}

/**
 * The same post on its own page: on wide screens instagram.com's box (photos on the left; header,
 * comments, actions and the comment box on the right), on phones one column. The page supplies the
 * comment list, the owner's options and what the likes count opens.
 */
export function PostDetailCard({
  post,
  comments,
  options,
  onOpenLikers,
  composer,
}: {
  post: FragmentOf<typeof PostCard_post>;
  comments: ReactNode;
  options?: ReactNode;
  onOpenLikers: () => void;
  composer?: { handle: Ref<ComposerHandle>; focus: () => void; autoFocus: boolean };
}) {
  const data = readFragment(PostCard_post, post);
  const { viewer } = useViewer();
  const { like } = usePostMutations(data.id);
  // Offered when the page opens on someone the viewer does not follow; it then stays to show the result.
  const [offerFollow] = useState(
    data.author.viewerFollowState === 'NONE' || data.author.viewerFollowState === 'REQUESTED',
  );

  return (
    <article className={styles.detail} aria-label={`Post by ${data.author.username}`}>
      <PostHeader
        post={data}
        showTime={false}
        follow={viewer && offerFollow ? <FollowToggle user={data.author} /> : undefined}
        actions={options}
      />
      <div className={styles.detailMedia}>
        <PostMedia
          post={data}
          sizes={DETAIL_MEDIA_SIZES}
          priority
          onDoubleTap={viewer && !data.viewerHasLiked ? like : undefined}
        />
      </div>
      <div className={styles.side}>
        <div className={styles.sideInner}>
          <section className={styles.sideActions} aria-label="Likes and actions">
            {viewer ? (
              <PostActions post={data} onComment={composer?.focus} />
            ) : (
              <p className={styles.guest}>
                <Link href="/accounts/login" className="link-button">
                  Log in
                </Link>{' '}
                to like or comment.
              </p>
            )}
            <LikeSummary post={data} onOpenLikers={onOpenLikers} />
            <p className={styles.detailTime}>
              <RelativeTime iso={data.createdAt} long />
            </p>
          </section>
          <div className={styles.thread}>
            {data.caption && (
              <div className={styles.captionRow}>
                <AuthorAvatar user={data.author} />
                <div>
                  <p className={styles.captionText}>
                    <AuthorName user={data.author} />{' '}
                    <RichText text={data.caption} entities={data.captionEntities} />
                  </p>
                  <p className={styles.captionTime}>
                    <RelativeTime iso={data.createdAt} />
                  </p>
                </div>
              </div>
            )}
            {comments}
          </div>
          {viewer &&
            (data.viewerCanComment && composer ? (
              <CommentComposer
                postId={data.id}
                handle={composer.handle}
                autoFocus={composer.autoFocus}
                className={styles.detailComposer}
              />
            ) : data.commentsDisabled ? (
              <p className={`${styles.detailComposer} muted`}>Commenting has been turned off.</p>
            ) : null)}
        </div>
      </div>
    </article>
  );
}

/** On the post page the photo column is what is left of a 935 px box beside the 335 px panel. */
const DETAIL_MEDIA_SIZES = '(max-width: 767px) 100vw, 600px';
