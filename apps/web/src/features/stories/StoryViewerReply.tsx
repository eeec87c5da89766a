import { type FocusEvent, type FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './StoryViewer.module.css';

/** The quick reactions the API accepts, in Instagram's order. */
export const REACTIONS = ['😂', '😮', '😍', '😢', '👏', '🔥', '🎉', '💯'] as const;

const ReplyMutation = graphql(`
  mutation ReplyToStory($storyId: ID!, $text: String!) {
    replyToStory(storyId: $storyId, text: $text) { id }
  }
`);

const ReactMutation = graphql(`
  mutation ReactToStory($storyId: ID!, $emoji: String!) {
    reactToStory(storyId: $storyId, emoji: $emoji) { id }
  }
`);

const MAX_REPLY = 1000;

/**
 * Under someone else's story: "Send message" (a reply only its owner sees) and, while the field has
 * focus, the eight quick reactions. A reaction flies up over the story as it is sent.
 */
export function StoryViewerReply({ storyId, username }: { storyId: string; username: string }) {
  const [text, setText] = useState('');
  const [reacting, setReacting] = useState(false);
  const [burst, setBurst] = useState<{ emoji: string; key: number } | null>(null);
  const [replied, reply] = useMutation(ReplyMutation);
  const [reacted, react] = useMutation(ReactMutation);
  const [notice, setNotice] = useState('');
  const error = errorMessage(replied.error ?? reacted.error);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 2500);
    return () => clearTimeout(timer);
  }, [notice]);

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = text.trim();
    if (!body || replied.fetching) return;
    const result = await reply({ storyId, text: body });
    if (result.error) return;
    setText('');
    setReacting(false);
    (document.activeElement as HTMLElement | null)?.blur();
    setNotice('Reply sent');
  };

  const sendReaction = async (emoji: string) => {
    setBurst({ emoji, key: Date.now() });
    setReacting(false);
    (document.activeElement as HTMLElement | null)?.blur();
    const result = await react({ storyId, emoji });
    if (result.error) return;
    setNotice('Reaction sent');
  };

  // The reactions stay while focus is anywhere in the bar (on the way from the field to an emoji).
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setReacting(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: not an interaction, focus leaving the bar closes the reactions
    <div className={styles.reply} onBlur={leave} data-pauses-story>
      {burst && (
        <span
          key={burst.key}
          className={styles.burst}
          aria-hidden="true"
          onAnimationEnd={() => setBurst(null)}
        >
          {burst.emoji}
        </span>
      )}
      <form className={styles.replyForm} onSubmit={send}>
        <input
          className={styles.replyField}
          value={text}
          maxLength={MAX_REPLY}
          placeholder="Send message"
          aria-label={`Reply to ${username}`}
          autoComplete="off"
          enterKeyHint="send"
          onFocus={() => setReacting(true)}
          onChange={(event) => setText(event.target.value)}
        />
        {text.trim() && (
          <button type="submit" className={styles.sendReply} disabled={replied.fetching}>
            Send
          </button>
        )}
      </form>
      {reacting && (
        <ul className={styles.reactions} aria-label="Quick reactions">
          {REACTIONS.map((emoji) => (
            <li key={emoji}>
              <button
                type="button"
                className={styles.reaction}
                aria-label={`React with ${emoji}`}
                disabled={reacted.fetching}
                // Keep the field focused (and the reactions open) through the click.
                onPointerDown={(event) => event.preventDefault()}
                onClick={() => void sendReaction(emoji)}
              >
                {emoji}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Over the story, above the field (the app's toasts would sit on the field). */}
      <p className={styles.sent} role="status">
        {notice}
      </p>
      {error && (
        <p className={styles.replyError} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
