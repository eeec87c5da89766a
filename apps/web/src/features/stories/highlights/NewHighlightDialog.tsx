import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { Dialog } from '../../../components/Dialog';
import { Picture } from '../../../components/Picture';
import { type FragmentOf, readFragment } from '../../../graphql';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import styles from './Highlights.module.css';
import { CreateHighlightMutation, HIGHLIGHT_TITLE_MAX, HighlightStory_story } from './queries';

/**
 * Names a highlight made of the chosen archived stories and picks its cover among them, then creates it.
 * `onCreated` gets the owner's username so the caller can show the profile with its new circle.
 */
export function NewHighlightDialog({
  stories: data,
  onClose,
  onCreated,
}: {
  stories: readonly FragmentOf<typeof HighlightStory_story>[];
  onClose: () => void;
  onCreated: (ownerUsername: string) => void;
}) {
  const stories = data.map((story) => readFragment(HighlightStory_story, story));
  const id = useId();
  const [title, setTitle] = useState('Highlights');
  const [coverId, setCoverId] = useState(stories[0]?.id ?? '');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [result, create] = useMutation(CreateHighlightMutation);
  const serverErrors = fieldErrorsOf(result.error);
  const shownTitleError = titleError ?? serverErrors.title ?? null;
  const otherError =
    serverErrors.storyIds ??
    serverErrors.coverStoryId ??
    (Object.keys(serverErrors).length === 0 ? errorMessage(result.error) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (name === '') return setTitleError('Give your highlight a name.');
    if ([...name].length > HIGHLIGHT_TITLE_MAX)
      return setTitleError(`A highlight's name can be at most ${HIGHLIGHT_TITLE_MAX} characters.`);
    setTitleError(null);
    const res = await create({
      input: { title: name, storyIds: stories.map((s) => s.id), coverStoryId: coverId || null },
    });
    const created = res.data?.createHighlight;
    if (created) onCreated(created.owner.username);
  };

  return (
    <Dialog title="New highlight" onClose={onClose}>
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-title`} className={styles.fieldLabel}>
          Name
        </label>
        <input
          id={`${id}-title`}
          className="field"
          value={title}
          maxLength={HIGHLIGHT_TITLE_MAX + 10}
          aria-invalid={shownTitleError ? true : undefined}
          aria-describedby={shownTitleError ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {shownTitleError && (
          <p id={`${id}-title-error`} className="field-error" role="alert">
            {shownTitleError}
          </p>
        )}
        <fieldset className={styles.covers}>
          <legend className={styles.fieldLabel}>Cover</legend>
          {stories.map((story, i) => (
            <label key={story.id} className={styles.coverChoice}>
              <input
                type="radio"
                name={`${id}-cover`}
                className="visually-hidden"
                checked={coverId === story.id}
                onChange={() => setCoverId(story.id)}
              />
              <span className={styles.coverCircle}>
                {story.image && <Picture image={story.image} alt="" sizes="64px" className={styles.fill} />}
              </span>
              <span className="visually-hidden">Story {i + 1} as cover</span>
            </label>
          ))}
        </fieldset>
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
            {result.fetching ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
