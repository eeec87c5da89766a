import { Link } from 'wouter';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { Icon } from '../Icon';
import styles from './PostActions.module.css';
import { showToast } from './toast';
import { usePostMutations } from './usePostMutations';

export const PostActions_post = graphql(`
  fragment PostActions_post on Post {
    id
    url
    viewerHasLiked
    viewerHasSaved
  }
`);

/** Where a "Comment" link lands: the post page, which then focuses its comment box. */
export interface PostLocationState {
  focusComment?: boolean;
}

/** Like, comment, copy link and (on the right) save, as the row under an Instagram photo. */
export function PostActions({
  post,
  onComment,
}: {
  post: FragmentOf<typeof PostActions_post>;
  /** On the post page the comment box is right there; elsewhere "Comment" links to the post. */
  onComment?: () => void;
}) {
  const data = readFragment(PostActions_post, post);
  const actions = usePostMutations(data.id);
  const liked = data.viewerHasLiked;
  const saved = data.viewerHasSaved;
  const state: PostLocationState = { focusComment: true };

  return (
    <div className={styles.actions}>
      <button
        type="button"
        className={`icon-button ${styles.action} ${liked ? styles.liked : ''}`}
        aria-label={liked ? 'Unlike' : 'Like'}
        aria-pressed={liked}
        onClick={liked ? actions.unlike : actions.like}
      >
        <Icon name="heart" filled={liked} />
      </button>
      {onComment ? (
        <button
          type="button"
          className={`icon-button ${styles.action}`}
          aria-label="Comment"
          onClick={onComment}
        >
          <Icon name="comment" />
        </button>
      ) : (
        <Link
          href={`/p/${data.id}`}
          state={state}
          className={`icon-button ${styles.action}`}
          aria-label="Comment"
        >
          <Icon name="comment" />
        </Link>
      )}
      <button
        type="button"
        className={`icon-button ${styles.action}`}
        aria-label="Copy link"
        onClick={() => copyLink(new URL(data.url, window.location.origin).href)}
      >
        <Icon name="share" />
      </button>
      <button
        type="button"
        className={`icon-button ${styles.action} ${styles.save}`}
        aria-label={saved ? 'Remove from saved' : 'Save'}
        onClick={saved ? actions.unsave : actions.save}
      >
        <Icon name="bookmark" filled={saved} />
      </button>
    </div>
  );
}

export async function copyLink(url: string) {
  try {
    if (navigator.clipboard) await navigator.clipboard.writeText(url);
    else copyWithSelection(url);
    showToast('Link copied');
  } catch {
    showToast("Couldn't copy the link");
  }
}

/** The Clipboard API needs a secure origin; a self-hosted Glimpse on plain http falls back to this. */
function copyWithSelection(text: string) {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  const ok = document.execCommand('copy');
  field.remove();
  if (!ok) throw new Error('copy refused');
}
