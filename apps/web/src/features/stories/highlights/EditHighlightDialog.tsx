import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { Dialog } from '../../../components/Dialog';
import { Picture } from '../../../components/Picture';
import { readFragment } from '../../../graphql';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import styles from './Highlights.module.css';
import type { ShownHighlight } from './HighlightViewer';
import { HIGHLIGHT_TITLE_MAX, HighlightStory_story, UpdateHighlightMutation } from './queries';

/** Renames a highlight, takes stories out of it, or picks another of its stories as the cover. */
export function EditHighlightDialog({
  highlight,
  onClose,
  onDone,
}: {
  highlight: ShownHighlight;
  onClose: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const stories = highlight.stories.map((s) => readFragment(HighlightStory_story, s));
  const [title, setTitle] = useState(highlight.title);
  const [removed, setRemoved] = useState<string[]>([]);
  const [coverId, setCoverId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, update] = useMutation(UpdateHighlightMutation);
  const serverErrors = fieldErrorsOf(result.error);
  const titleError = problem ?? serverErrors.title ?? null;
  const otherError =
    serverErrors.removeStoryIds ??
    serverErrors.coverStoryId ??
    (Object.keys(serverErrors).length === 0 ? errorMessage(result.error) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (name === '') return setProblem('Give your highlight a name.');
    if ([...name].length > HIGHLIGHT_TITLE_MAX)
      return setProblem(`A highlight's name can be at most ${HIGHLIGHT_TITLE_MAX} characters.`);
    if (removed.length === stories.length)
      return setProblem('Keep at least one story, or delete the highlight.');
    setProblem(null);
    const res = await update({
      input: {
        id: highlight.id,
        title: name,
        removeStoryIds: removed.length > 0 ? removed : null,
        coverStoryId: coverId && !removed.includes(coverId) ? coverId : null,
      },
    });
    if (res.data?.updateHighlight) onDone();
  };

  return (
    <Dialog title="Edit highlight" onClose={onClose}>
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-title`} className={styles.fieldLabel}>
          Name
        </label>
        <input
          id={`${id}-title`}
          className="field"
          value={title}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {titleError && (
          <p id={`${id}-title-error`} className="field-error" role="alert">
            {titleError}
          </p>
        )}
        <p className={styles.fieldLabel}>Stories</p>
        <ul className={styles.editList}>
          {stories.map((story, i) => {
            const kept = !removed.includes(story.id);
            return (
              <li key={story.id} className={styles.editRow}>
                <span className={styles.editThumb}>
                  {story.image && <Picture image={story.image} alt="" sizes="40px" className={styles.fill} />}
                </span>
                <label className={styles.choice}>
                  <input
                    type="checkbox"
                    checked={kept}
                    onChange={() =>
                      setRemoved(kept ? [...removed, story.id] : removed.filter((r) => r !== story.id))
                    }
                  />
                  Keep story {i + 1}
                </label>
                <label className={styles.choice}>
                  <input
                    type="radio"
                    name={`${id}-cover`}
                    disabled={!kept}
                    checked={coverId === story.id}
                    onChange={() => setCoverId(story.id)}
                  />
                  Cover
                </label>
              </li>
            );
          })}
        </ul>
        {otherError && (
          <p className="field-error" role="alert">
            {otherError}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={result.fetching}>
            {result.fetching ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
