import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Icon } from '../../../components/Icon';
import { Picture } from '../../../components/Picture';
import { type FragmentOf, readFragment } from '../../../graphql';
import { errorMessage } from '../../../lib/errors';
import { OverlayLayer } from '../Overlays';
import { EditHighlightDialog } from './EditHighlightDialog';
import styles from './Highlights.module.css';
import { DeleteHighlightMutation, HighlightStory_story } from './queries';

const STORY_MS = 5_000;
const TICK_MS = 50;

export interface ShownHighlight {
  id: string;
  title: string;
  stories: readonly FragmentOf<typeof HighlightStory_story>[];
}

/**
 * A highlight's stories one after another (five seconds each, with a bar per story), in a dialog over
 * the profile. Tapping the left or right side, or the arrow keys, goes back or on. The owner's ⋯ menu
 * edits or deletes the highlight.
 */
export function HighlightViewer({
  highlight,
  isOwner,
  onClose,
}: {
  highlight: ShownHighlight;
  isOwner: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(0);
  const [elapsed, setElapsed] = useState(0);
  const [menu, setMenu] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deletion, deleteHighlight] = useMutation(DeleteHighlightMutation);
  const count = highlight.stories.length;
  const current = Math.min(index, count - 1);
  const paused = menu || editing || confirming;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal?.();
    return () => {
      dialog.close?.();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setElapsed((e) => e + TICK_MS), TICK_MS);
    return () => clearInterval(timer);
  }, [paused]);

  const go = (delta: number) => {
    const next = current + delta;
    setElapsed(0);
    if (next >= count) onClose();
    else setIndex(Math.max(0, next));
  };

  useEffect(() => {
    if (elapsed >= STORY_MS) go(1);
  });

  if (count === 0) return null;
  const data = highlight.stories[current];
  const story = data ? readFragment(HighlightStory_story, data) : null;

  const remove = async () => {
    const result = await deleteHighlight({ id: highlight.id });
    if (!result.error) onClose();
  };

  return (
    <dialog
      ref={ref}
      className={styles.viewer}
      aria-label={`Highlight: ${highlight.title}`}
      onCancel={(event) => {
        event.preventDefault();
        if (!editing && !confirming) onClose();
      }}
      onKeyDown={(event) => {
        if (editing || confirming) return;
        if (event.key === 'ArrowRight') go(1);
        else if (event.key === 'ArrowLeft') go(-1);
      }}
    >
      <div className={styles.viewerFrame}>
        <div className={styles.bars} aria-hidden="true">
          {highlight.stories.map((s, i) => (
            <span key={readFragment(HighlightStory_story, s).id} className={styles.bar}>
              <span
                className={styles.barFill}
                style={{
                  width: `${i < current ? 100 : i > current ? 0 : Math.min(100, (elapsed / STORY_MS) * 100)}%`,
                }}
              />
            </span>
          ))}
        </div>
        <header className={styles.viewerHeader}>
          <h2 className={styles.viewerTitle}>{highlight.title}</h2>
          <span className={styles.viewerCount}>
            {current + 1} of {count}
          </span>
          {isOwner && (
            <button
              type="button"
              className={styles.viewerIcon}
              aria-label="Highlight options"
              aria-expanded={menu}
              onClick={() => setMenu(!menu)}
            >
              ⋯
            </button>
          )}
          <button type="button" className={styles.viewerIcon} aria-label="Close" onClick={onClose}>
            <Icon name="close" size={18} />
          </button>
        </header>
        {menu && (
          <div className={styles.menu} role="menu">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMenu(false);
                setEditing(true);
              }}
            >
              Edit highlight
            </button>
            <button
              type="button"
              role="menuitem"
              className={styles.danger}
              onClick={() => {
                setMenu(false);
                setConfirming(true);
              }}
            >
              Delete highlight
            </button>
          </div>
        )}
        <div className={styles.viewerCanvas}>
          {story?.image && (
            <Picture
              image={story.image}
              alt="Story"
              sizes="(min-width: 736px) 420px, 100vw"
              className={styles.fill}
              priority
            />
          )}
          {story && <OverlayLayer overlays={story.overlays} />}
          <button
            type="button"
            className={styles.tapBack}
            aria-label="Previous story"
            onClick={() => go(-1)}
          />
          <button type="button" className={styles.tapNext} aria-label="Next story" onClick={() => go(1)} />
        </div>
        {confirming && (
          <div className={styles.confirm} role="alertdialog" aria-label="Delete highlight?">
            <p>Delete this highlight? The stories stay in your archive.</p>
            {deletion.error && (
              <p className="field-error" role="alert">
                {errorMessage(deletion.error)}
              </p>
            )}
            <div className={styles.dialogButtons}>
              <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className={`button ${styles.dangerButton}`}
                disabled={deletion.fetching}
                onClick={remove}
              >
                Delete
              </button>
            </div>
          </div>
        )}
      </div>
      {editing && (
        <EditHighlightDialog
          highlight={highlight}
          onClose={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      )}
    </dialog>
  );
}
