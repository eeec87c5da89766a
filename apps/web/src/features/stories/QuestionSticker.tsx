import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { keepPointer, type OverlayData, type StickerContext } from './OverlaysShared';
import styles from './Stickers.module.css';

const AnswerMutation = graphql(`
  mutation AnswerStoryQuestion($storyId: ID!, $text: String!) {
    answerStoryQuestion(storyId: $storyId, text: $text) { id }
  }
`);

const MAX_ANSWER = 200;

/**
 * The question sticker: the owner's question over a field to answer it (sent to the owner only). The
 * owner sees the field as a hint; their answers are in the viewers sheet.
 */
export function QuestionSticker({
  overlay,
  stickers,
}: {
  overlay: OverlayData;
  stickers: StickerContext | null;
}) {
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [result, answer] = useMutation(AnswerMutation);
  const fieldId = useId();
  const question = overlay.question ?? 'Ask me a question';
  const live = stickers !== null && !stickers.viewerIsOwner;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!stickers || !body) return;
    const r = await answer({ storyId: stickers.storyId, text: body });
    if (!r.error) {
      setText('');
      setSent(true);
    }
  };

  return (
    <div className={`${styles.sticker} ${styles.questionBox} ${live ? styles.live : ''}`} {...keepPointer}>
      <label className={styles.question} htmlFor={live ? fieldId : undefined}>
        {question}
      </label>
      {!live ? (
        <p className={styles.hint}>{stickers ? 'Viewers respond here' : 'Type something...'}</p>
      ) : sent ? (
        <p className={styles.hint} role="status">
          Answer sent
        </p>
      ) : (
        <form className={styles.answer} onSubmit={submit}>
          <input
            id={fieldId}
            className={styles.answerField}
            value={text}
            maxLength={MAX_ANSWER}
            placeholder="Type something..."
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
          />
          {text.trim() && (
            <button type="submit" className={styles.send} disabled={result.fetching}>
              Send
            </button>
          )}
        </form>
      )}
      {result.error && (
        <p className={styles.error} role="alert">
          {errorMessage(result.error) ?? "Couldn't send your answer."}
        </p>
      )}
    </div>
  );
}
