import {
  type ChangeEvent,
  type DragEvent,
  useCallback,
  useEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useClient, useMutation } from 'urql';
import { useLocation } from 'wouter';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import { editorReducer, initialEditorState } from '../edit/editorState';
import { CreateKindSwitch } from '../stories/compose/CreateKindSwitch';
import { characterCount } from './autocomplete';
import { CAPTION_MAX } from './CaptionField';
import { CaptionStep, type PhotoErrors } from './CaptionStep';
import styles from './Create.module.css';
import { CropStep } from './CropStep';
import { ASPECTS, type AspectName, CENTRED } from './crop';
import { EditStep } from './EditStep';
import { MAX_PHOTOS, sizeOf } from './photos';
import { draftRecipe, mediaEdits } from './recipes';
import { usePhotoDrafts } from './usePhotoDrafts';
import { waitUntilProcessed } from './waitUntilProcessed';

const CreatePostMutation = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      id
      status
      author { id postCount }
    }
  }
`);

type StepId = 'select' | 'crop' | 'edit' | 'caption';

const STEPS: readonly { id: StepId; label: string; skipped?: boolean }[] = [
  { id: 'select', label: 'Select' },
  { id: 'crop', label: 'Crop' },
  { id: 'edit', label: 'Edit' },
  { id: 'caption', label: 'Caption' },
];

function stepAfter(step: StepId, direction: 1 | -1): StepId {
  let index = STEPS.findIndex((s) => s.id === step) + direction;
  while (STEPS[index]?.skipped) index += direction;
  return STEPS[index]?.id ?? step;
}

const ACCEPT = 'image/*,.heic,.heif';
const isPhotoFile = (file: File) => file.type.startsWith('image/') || /\.(heic|heif)$/i.test(file.name);

/** Which photo each `media.N.field` error belongs to, by the order the photos had when shared. */
function splitErrors(errors: Record<string, string>, order: readonly string[]) {
  const photoErrors: Record<string, PhotoErrors> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const match = /^media\.(\d+)\.(altText|crop|uploadId)$/.exec(field);
    const key = match ? order[Number(match[1])] : undefined;
    const recipe = /^media\.(\d+)\.recipe(\.|$)/.exec(field);
    const recipeKey = recipe ? order[Number(recipe[1])] : undefined;
    if (recipe && recipeKey) {
      photoErrors[recipeKey] = { ...photoErrors[recipeKey], recipe: message };
    } else if (match && key) {
      photoErrors[key] = { ...photoErrors[key], [match[2] as keyof PhotoErrors]: message };
    } else if (field !== 'caption') {
      rest.push(message);
    }
  }
  return { photoErrors, rest };
}

/**
 * Making a post, in Instagram's steps: pick up to ten photos (each starts uploading at once), crop
 * them to one shape and order them, then write the caption and alt texts and share. Once shared, the
 * screen waits for the photos to be processed so the post is at the top of the feed it opens.
 */
export default function CreatePage() {
  const { viewer } = useViewer();
  const client = useClient();
  const [, navigate] = useLocation();
  const { photos, dispatch, add, remove, retry, clear } = usePhotoDrafts();
  const [step, setStep] = useState<StepId>('select');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [aspect, setAspect] = useState<AspectName>('square');
  const [caption, setCaption] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [sharedOrder, setSharedOrder] = useState<string[]>([]);
  const [phase, setPhase] = useState<'editing' | 'sharing' | 'processing'>('editing');
  const [shareProblem, setShareProblem] = useState<string | null>(null);
  const [result, createPost] = useMutation(CreatePostMutation);
  const [editor, editorDispatch] = useReducer(editorReducer, initialEditorState);
  // Pictures of the edited photos for the caption step, each with the recipe it shows.
  const [snapshots, setSnapshots] = useState<Record<string, { recipe: string; url: string }>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  const current: StepId = photos.length === 0 ? 'select' : step;
  const selected = photos.find((p) => p.key === selectedKey) ?? photos[0];
  const ratio = ASPECTS[aspect].ratio;
  const recipeOf = (key: string) => {
    const photo = photos.find((p) => p.key === key);
    return draftRecipe(editor.recipes[key], photo ? sizeOf(photo) : null, ratio, photo?.view ?? CENTRED);
  };
  const recipeOfRef = useRef(recipeOf);
  recipeOfRef.current = recipeOf;
  const onSnapshot = useCallback(
    (key: string, url: string) =>
      setSnapshots((s) => ({ ...s, [key]: { recipe: JSON.stringify(recipeOfRef.current(key)), url } })),
    [],
  );
  const editedPreviews = Object.fromEntries(
    photos.flatMap((photo) => {
      const snapshot = snapshots[photo.key];
      const recipe = recipeOf(photo.key);
      return snapshot && snapshot.recipe === JSON.stringify(recipe) && mediaEdits(recipe).recipe
        ? [[photo.key, snapshot.url]]
        : [];
    }),
  );

  // A new step replaces the button that led to it: start the keyboard (and screen reader) at its title.
  const title = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(current);
  useEffect(() => {
    if (shownStep.current === current) return;
    shownStep.current = current;
    title.current?.focus();
  }, [current]);

  const addFiles = (files: File[]) => {
    const photosOnly = files.filter(isPhotoFile);
    const left = add(photosOnly);
    const messages = [
      photosOnly.length < files.length ? 'Only photos can be shared; other files were left out.' : null,
      left > 0 ? `A post can have up to ${MAX_PHOTOS} photos; ${left} were left out.` : null,
    ].filter(Boolean);
    setNotice(messages.length > 0 ? messages.join(' ') : null);
    if (photosOnly.length > left && current === 'select') setStep('crop');
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles([...(event.target.files ?? [])]);
    event.target.value = '';
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files') || phase !== 'editing') return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };

  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files') || phase !== 'editing') return;
    event.preventDefault();
    setDragOver(false);
    addFiles([...event.dataTransfer.files]);
  };

  const back = () => {
    const previous = stepAfter(current, -1);
    if (previous === 'select') setConfirmDiscard(true);
    else setStep(previous);
  };

  const uploading = photos.some((p) => p.upload.kind === 'uploading');
  const failed = photos.some((p) => p.upload.kind === 'failed');
  const tooLong = characterCount(caption) > CAPTION_MAX;
  const canShare = phase === 'editing' && !uploading && !failed && !tooLong;

  const share = async () => {
    const media = photos.flatMap((photo) =>
      photo.upload.kind === 'done'
        ? [
            {
              uploadId: photo.upload.upload.id,
              altText: photo.altText.trim(),
              ...mediaEdits(recipeOf(photo.key)),
            },
          ]
        : [],
    );
    if (!canShare || media.length !== photos.length) return;
    setSharedOrder(photos.map((p) => p.key));
    setShareProblem(null);
    setPhase('sharing');
    const res = await createPost({ input: { caption, media } });
    const post = res.data?.createPost;
    if (!post) {
      setPhase('editing');
      return;
    }
    setPhase('processing');
    const outcome = await waitUntilProcessed(client, post.id);
    if (outcome === 'failed') {
      setPhase('editing');
      setShareProblem("Your post was created, but its photos couldn't be processed. Try sharing them again.");
      return;
    }
    clear();
    navigate('/');
  };

  const fieldErrors = fieldErrorsOf(result.error);
  const { photoErrors, rest } = splitErrors(fieldErrors, sharedOrder);
  const generalError =
    shareProblem ??
    (rest.length > 0
      ? rest.join(' ')
      : Object.keys(fieldErrors).length === 0
        ? errorMessage(result.error)
        : null);
  const cropErrors = Object.fromEntries(
    Object.entries(photoErrors).flatMap(([key, e]) => (e.crop ? [[key, e.crop]] : [])),
  );
  const recipeErrors = Object.fromEntries(
    Object.entries(photoErrors).flatMap(([key, e]) => (e.recipe ? [[key, e.recipe]] : [])),
  );

  if (!viewer) return null;
  return (
    <div className={styles.page}>
      <section
        className={`${styles.card} ${current === 'edit' ? styles.cardWide : ''} ${dragOver ? styles.dragOver : ''}`}
        aria-labelledby="create-title"
        aria-busy={phase !== 'editing'}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(false);
        }}
        onDrop={onDrop}
      >
        <header className={styles.header}>
          {current !== 'select' ? (
            <button
              type="button"
              className="icon-button"
              aria-label="Back"
              onClick={back}
              disabled={phase !== 'editing'}
            >
              <Icon name="chevronLeft" />
            </button>
          ) : (
            <span className={styles.headerSpacer} />
          )}
          <h1 id="create-title" className={styles.title} ref={title} tabIndex={-1}>
            Create new post
          </h1>
          {(current === 'crop' || current === 'edit') && (
            <button
              type="button"
              className={styles.headerAction}
              onClick={() => {
                if (editor.open) editorDispatch({ type: 'done' });
                setStep(stepAfter(current, 1));
              }}
            >
              Next
            </button>
          )}
          {current === 'caption' && (
            <button type="button" className={styles.headerAction} onClick={share} disabled={!canShare}>
              {phase === 'editing' ? 'Share' : 'Sharing…'}
            </button>
          )}
          {current === 'select' && <span className={styles.headerSpacer} />}
        </header>
        {current === 'select' && <CreateKindSwitch current="post" />}

        <ol className={styles.stepper} aria-label="Steps">
          {STEPS.map((s) => (
            <li
              key={s.id}
              aria-current={s.id === current ? 'step' : undefined}
              className={`${s.id === current ? styles.stepCurrent : ''} ${s.skipped ? styles.stepSkipped : ''}`}
            >
              {s.label}
              {s.skipped && <span className={styles.soon}> (coming soon)</span>}
            </li>
          ))}
        </ol>

        <input
          ref={fileInput}
          id="create-file"
          type="file"
          accept={ACCEPT}
          multiple
          aria-label="Select from computer"
          className={`visually-hidden ${styles.fileInput}`}
          hidden={current !== 'select'}
          onChange={onFiles}
        />

        {current === 'select' && (
          <div className={styles.dropZone}>
            <Icon name="camera" size={64} strokeWidth={1.2} />
            <p className={styles.dropTitle}>Drag photos here</p>
            <label htmlFor="create-file" className="button">
              Select from computer
            </label>
            <p className="muted">Up to {MAX_PHOTOS} photos · JPEG, PNG, WebP, AVIF, HEIC or GIF</p>
          </div>
        )}

        {current === 'crop' && selected && (
          <CropStep
            photos={photos}
            selected={selected}
            onSelect={setSelectedKey}
            aspect={aspect}
            onAspect={setAspect}
            dispatch={dispatch}
            onRemove={remove}
            onRetry={retry}
            onAdd={() => fileInput.current?.click()}
            cropErrors={cropErrors}
            turned={(editor.recipes[selected.key]?.geometry.rotate ?? 0) !== 0}
          />
        )}

        {current === 'edit' && selected && (
          <EditStep
            photos={photos}
            selected={selected}
            onSelect={setSelectedKey}
            editor={editor}
            dispatch={editorDispatch}
            recipeOf={recipeOf}
            errors={recipeErrors}
            onSnapshot={onSnapshot}
          />
        )}

        {current === 'caption' && (
          <CaptionStep
            viewer={viewer}
            photos={photos}
            aspect={aspect}
            caption={caption}
            onCaption={setCaption}
            dispatch={dispatch}
            captionError={fieldErrors.caption}
            photoErrors={photoErrors}
            editedPreviews={editedPreviews}
            onEditPhoto={(key) => {
              setSelectedKey(key);
              setStep('edit');
            }}
            onEditCrop={(key) => {
              setSelectedKey(key);
              setStep('crop');
            }}
          />
        )}

        <div className={styles.footer}>
          {notice && (
            <p className={styles.notice} role="status">
              {notice}
            </p>
          )}
          {current === 'caption' && phase === 'editing' && (uploading || failed) && (
            <p className={styles.notice} role="status">
              {failed
                ? 'Remove the photos that could not be uploaded to share.'
                : 'Waiting for your photos to finish uploading…'}
            </p>
          )}
          {phase !== 'editing' && (
            <p className={styles.notice} role="status">
              {phase === 'sharing' ? 'Sharing your post…' : 'Processing your photos…'}
            </p>
          )}
          {generalError && (
            <p className="field-error" role="alert">
              {generalError}
            </p>
          )}
        </div>
      </section>

      {confirmDiscard && (
        <Dialog title="Discard post?" onClose={() => setConfirmDiscard(false)}>
          <div className={styles.confirm}>
            <p>If you leave, your edits won't be saved.</p>
            <button
              type="button"
              className={styles.confirmDanger}
              onClick={() => {
                clear();
                setCaption('');
                setSnapshots({});
                setConfirmDiscard(false);
                setStep('select');
              }}
            >
              Discard
            </button>
            <button type="button" className={styles.confirmButton} onClick={() => setConfirmDiscard(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
