import {
  type FormEvent,
  type KeyboardEvent,
  type Ref,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import styles from './CommentComposer.module.css';
import { CommentRow_comment, type ReplyTarget } from './CommentRow';
import { PreviewComment_comment } from './fragments';
import { showToast } from './toast';

/**
 * Adds a comment. The result carries everything the feed preview and the post page rows read, so
 * the optimistic comment (features/post/cache.ts) and then the real one slot into both lists.
 */
export const AddCommentMutation = graphql(
  `
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
      ...PreviewComment_comment
      ...CommentRow_comment
      post { id commentCount }
    }
  }
`,
  [PreviewComment_comment, CommentRow_comment],
);

export interface ComposerHandle {
  focus: () => void;
  /** Starts a reply: "@username " in the box and the reply goes to that comment's thread. */
  replyTo: (target: ReplyTarget) => void;
}

const MAX_LENGTH = 2200;

/** The "Add a comment…" box with its "Post" button, under a post in the feed and on the post page. */
export function CommentComposer({
  postId,
  handle,
  autoFocus = false,
  className,
}: {
  postId: string;
  handle?: Ref<ComposerHandle>;
  autoFocus?: boolean;
  className?: string;
}) {
  const [text, setText] = useState('');
  const [reply, setReply] = useState<ReplyTarget | null>(null);
  const [, addComment] = useMutation(AddCommentMutation);
  const field = useRef<HTMLTextAreaElement>(null);

  useImperativeHandle(handle, () => ({
    focus: () => field.current?.focus(),
    replyTo: (target) => {
      setReply(target);
      setText(`@${target.username} `);
      const input = field.current;
      if (input) {
        input.focus();
        // The caret after the mention, once React has put it in the box.
        requestAnimationFrame(() => input.setSelectionRange(input.value.length, input.value.length));
      }
    },
  }));

  useEffect(() => {
    if (autoFocus) field.current?.focus({ preventScroll: false });
  }, [autoFocus]);

  const trimmed = text.trim();
  // Deleting the mention turns the reply back into a comment on the post, as on Instagram.
  const replyToId = reply && text.startsWith(`@${reply.username}`) ? reply.commentId : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!trimmed) return;
    const sent = text;
    setText('');
    setReply(null);
    const result = await addComment({ input: { postId, text: trimmed, replyToId } });
    if (result.error) {
      setText((current) => current || sent);
      showToast(result.error.graphQLErrors[0]?.message ?? "Couldn't post your comment. Try again.");
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className={`${styles.composer} ${className ?? ''}`} onSubmit={submit}>
      <textarea
        ref={field}
        className={styles.field}
        aria-label="Add a comment…"
        placeholder="Add a comment…"
        autoComplete="off"
        rows={1}
        maxLength={MAX_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className={styles.post} disabled={!trimmed} hidden={!trimmed}>
        Post
      </button>
    </form>
  );
}
