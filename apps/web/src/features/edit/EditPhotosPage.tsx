import { IDENTITY_RECIPE, type Recipe } from '@glimpse/edit';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/post/toast';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import createStyles from '../create/Create.module.css';
import NotFoundPage from '../NotFoundPage';
import { editedPreviews } from './cache';
import { Editor, type EditorPhoto } from './Editor';
import styles from './EditPhotosPage.module.css';
import { changedRecipes, editorReducer, initialEditorState, savedRecipe } from './editorState';
import { watchEdits } from './watchEdits';

export const EditPhotosQuery = graphql(`
  query EditPhotos($id: ID!) {
    post(id: $id) {
      id
      viewerCanEdit
      author { id username }
      media {
        id
        altText
        editPending
        recipe
        original { url width height }
        image { width height sources { url width format } }
      }
    }
  }
`);

export const EditPostMediaMutation = graphql(`
  mutation EditPostMedia($postId: ID!, $media: [EditPostMediaInput!]!) {
    editPostMedia(postId: $postId, media: $media) {
      id
      media {
        id
        editPending
        recipe
        image { width height thumbhash dominantColor sources { url width format } }
      }
    }
  }
`);

/**
 * "Edit photos" on one's own post: the editor over each photo's original and its saved recipe. Save
 * sends the photos that changed (a new render each, the same post); the post keeps its old photos until
 * the new ones are ready, and updates by itself then.
 */
export default function EditPhotosPage({ postId }: { postId: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: EditPhotosQuery,
    variables: { id: postId },
    requestPolicy: 'cache-and-network',
  });
  const [saveState, save] = useMutation(EditPostMediaMutation);
  const client = useClient();
  const [, navigate] = useLocation();
  const [state, dispatch] = useReducer(editorReducer, initialEditorState);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // The editor's pictures of each photo with the recipe they show: the post shows them until the new
  // renders are ready.
  const snapshots = useRef(new Map<string, { recipe: string; url: string; width: number; height: number }>());
  const post = data?.post;
  const media = post?.media;

  // The saved recipes, read once: what "changed" is measured against.
  const initial = useRef<Record<string, Recipe> | null>(null);
  useEffect(() => {
    if (!media || initial.current) return;
    initial.current = Object.fromEntries(media.map((m) => [m.id, savedRecipe(m.recipe)]));
    for (const m of media) dispatch({ type: 'load', key: m.id, recipe: savedRecipe(m.recipe) });
  }, [media]);

  const photos: EditorPhoto[] = useMemo(
    () =>
      (media ?? []).flatMap((m) =>
        m.original
          ? [
              {
                key: m.id,
                src: m.original.url,
                thumb:
                  [...(m.image?.sources ?? [])]
                    .filter((s) => s.format !== 'AVIF')
                    .sort((a, b) => a.width - b.width)[0]?.url ?? null,
                size: { width: m.original.width, height: m.original.height },
              },
            ]
          : [],
      ),
    [media],
  );

  const back = () => navigate(`/p/${postId}`);
  const changes = initial.current ? changedRecipes(state, initial.current) : [];
  const saving = saveState.fetching;

  const leave = () => {
    if (changes.length > 0) setConfirmLeave(true);
    else back();
  };

  const flushSnapshot = useRef<(() => void) | null>(null);

  const submit = async () => {
    flushSnapshot.current?.();
    if (state.open) dispatch({ type: 'done' });
    if (changes.length === 0) return back();
    setErrors({});
    setProblem(null);
    const sent = changes.map(({ key, recipe }) => ({ mediaId: key, recipe }));
    for (const { key, recipe } of changes) {
      const snapshot = snapshots.current.get(key);
      if (snapshot && snapshot.recipe === JSON.stringify(recipe)) editedPreviews.set(key, snapshot);
      else editedPreviews.delete(key);
    }
    const result = await save({ postId, media: sent });
    if (result.error || !result.data) {
      const fieldErrors = fieldErrorsOf(result.error);
      const byPhoto: Record<string, string> = {};
      const rest: string[] = [];
      for (const [field, message] of Object.entries(fieldErrors)) {
        const match = /^media\.(\d+)\./.exec(field);
        const key = match ? sent[Number(match[1])]?.mediaId : undefined;
        if (key) byPhoto[key] ??= message;
        else rest.push(message);
      }
      setErrors(byPhoto);
      const first = Object.keys(byPhoto)[0];
      if (first) setSelected(first);
      setProblem(
        rest.length > 0
          ? rest.join(' ')
          : Object.keys(byPhoto).length > 0
            ? null
            : (errorMessage(result.error) ?? 'Something went wrong. Try again.'),
      );
      return;
    }
    showToast('Edits saved. Updating your post…');
    void watchEdits(client, postId);
    back();
  };

  if (!data) {
    if (error) {
      return (
        <div className={styles.problem} role="alert">
          <p>{errorMessage(error)}</p>
          <button
            type="button"
            className="button"
            onClick={() => reexecute({ requestPolicy: 'network-only' })}
          >
            Try again
          </button>
        </div>
      );
    }
    return fetching ? <PageSkeleton /> : null;
  }
  if (!post) return <NotFoundPage />;
  if (!post.viewerCanEdit || photos.length === 0) {
    return (
      <div className={styles.problem} role="alert">
        <p>Only the author can edit this post's photos.</p>
        <button type="button" className="button" onClick={back}>
          Back to the post
        </button>
      </div>
    );
  }

  const current = photos.find((p) => p.key === selected) ?? photos[0];
  const pending = media?.some((m) => m.editPending);

  return (
    <div className={createStyles.page}>
      <section
        className={`${createStyles.card} ${createStyles.cardWide}`}
        aria-labelledby="edit-photos-title"
        aria-busy={saving}
      >
        <header className={createStyles.header}>
          <button type="button" className="icon-button" aria-label="Cancel" onClick={leave} disabled={saving}>
            <Icon name="chevronLeft" />
          </button>
          <h1 id="edit-photos-title" className={createStyles.title}>
            Edit photos
          </h1>
          <button type="button" className={createStyles.headerAction} onClick={submit} disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </header>
        {pending && (
          <p className={styles.pending} role="status">
            Your last edits are still being applied; saving again replaces them.
          </p>
        )}
        {current && (
          <Editor
            photos={photos}
            selected={current.key}
            onSelect={setSelected}
            state={state}
            dispatch={dispatch}
            recipeOf={(key) => state.recipes[key] ?? IDENTITY_RECIPE}
            errors={errors}
            flushSnapshot={flushSnapshot}
            onSnapshot={(key, url, size) =>
              snapshots.current.set(key, {
                recipe: JSON.stringify(state.recipes[key] ?? IDENTITY_RECIPE),
                url,
                ...size,
              })
            }
          />
        )}
        {problem && (
          <p className={`field-error ${styles.error}`} role="alert">
            {problem}
          </p>
        )}
      </section>

      {confirmLeave && (
        <Dialog title="Discard edits?" onClose={() => setConfirmLeave(false)}>
          <div className={createStyles.confirm}>
            <p>If you go back now, your changes to these photos won't be saved.</p>
            <button type="button" className={createStyles.confirmDanger} onClick={back}>
              Discard
            </button>
            <button
              type="button"
              className={createStyles.confirmButton}
              onClick={() => setConfirmLeave(false)}
            >
              Keep editing
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
