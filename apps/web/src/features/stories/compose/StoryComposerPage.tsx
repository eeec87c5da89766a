import { type ChangeEvent, type DragEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { Icon } from '../../../components/Icon';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { CreateKindSwitch } from './CreateKindSwitch';
import { OverlayEditor } from './OverlayEditor';
import {
  type ComposerErrors,
  CreateStoryMutation,
  type DraftOverlay,
  newOverlay,
  OVERLAYS_MAX,
  type OverlayKind,
  type Placement,
  toOverlayInput,
  validateOverlays,
} from './overlays';
import { StoryCanvas } from './StoryCanvas';
import styles from './StoryComposer.module.css';
import { useStoryPhoto } from './useStoryPhoto';

const ACCEPT = 'image/*,.heic,.heif';
const isPhotoFile = (file: File) => file.type.startsWith('image/') || /\.(heic|heif)$/i.test(file.name);

const TOOLS: readonly { kind: OverlayKind; label: string; glyph: string }[] = [
  { kind: 'TEXT', label: 'Add text', glyph: 'Aa' },
  { kind: 'MENTION', label: 'Add mention', glyph: '@' },
  { kind: 'HASHTAG', label: 'Add hashtag', glyph: '#' },
  { kind: 'POLL', label: 'Add poll', glyph: 'Poll' },
  { kind: 'SLIDER', label: 'Add emoji slider', glyph: '😍' },
  { kind: 'QUESTION', label: 'Add question', glyph: '?' },
];

type Audience = 'EVERYONE' | 'CLOSE_FRIENDS';

/** Each overlay's own errors (`overlays.<i>.<field>` → field), by overlay id. */
function errorsByOverlay(errors: ComposerErrors, overlays: readonly DraftOverlay[]) {
  const byOverlay: Record<string, Record<string, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^overlays\.(\d+)\.(.+)$/.exec(field);
    const overlay = match ? overlays[Number(match[1])] : undefined;
    if (match?.[2] && overlay) byOverlay[overlay.id] = { ...byOverlay[overlay.id], [match[2]]: message };
  }
  return byOverlay;
}

/**
 * /stories/create: a photo on the 9:16 canvas with text and stickers over it, shared to everyone who
 * may see the account's posts or to close friends only. The photo uploads as soon as it is picked;
 * the story is processed in the background after Share, and the tray shows it once ready.
 */
export default function StoryComposerPage() {
  const [, navigate] = useLocation();
  const { photo, choose, retry, clear } = useStoryPhoto();
  const [overlays, setOverlays] = useState<DraftOverlay[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience>('EVERYONE');
  const [notice, setNotice] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);
  // Checks run on Share, then again on every change until they pass, so messages go as they're fixed.
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<DraftOverlay[] | null>(null);
  const [result, createStory] = useMutation(CreateStoryMutation);

  const selected = overlays.find((o) => o.id === selectedId) ?? null;
  const clientErrors = checked ? validateOverlays(overlays) : {};
  // The server's errors name overlays by their index when sent; they hold until the next Share.
  const serverErrors = sent ? fieldErrorsOf(result.error) : {};
  const overlayErrors = {
    ...errorsByOverlay(serverErrors, sent ?? []),
    ...errorsByOverlay(clientErrors, overlays),
  };
  const listError = clientErrors.overlays ?? serverErrors.overlays;
  const photoError = photo.kind === 'failed' ? photo.message : serverErrors.uploadId;
  const otherServerErrors = Object.entries(serverErrors)
    .filter(([field]) => !field.startsWith('overlays') && field !== 'uploadId')
    .map(([, message]) => message);
  const generalError =
    otherServerErrors.join(' ') ||
    (result.error && Object.keys(serverErrors).length === 0 ? errorMessage(result.error) : null);

  const addFile = (files: File[]) => {
    const file = files.find(isPhotoFile);
    setNotice(files.length > 0 && !file ? 'Only photos can be shared to your story.' : null);
    if (file) choose(file);
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    addFile([...(event.target.files ?? [])]);
    event.target.value = '';
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };

  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragOver(false);
    addFile([...event.dataTransfer.files]);
  };

  const add = (kind: OverlayKind) => {
    if (overlays.length >= OVERLAYS_MAX) {
      setNotice(`A story can have at most ${OVERLAYS_MAX} stickers.`);
      return;
    }
    if (kind === 'POLL' && overlays.some((o) => o.kind === 'POLL')) {
      setNotice('A story can have only one poll.');
      return;
    }
    setNotice(null);
    const overlay = newOverlay(kind, overlays.length);
    setOverlays([...overlays, overlay]);
    setSelectedId(overlay.id);
  };

  const update = (next: DraftOverlay) => setOverlays((all) => all.map((o) => (o.id === next.id ? next : o)));
  const place = (id: string, placement: Placement) =>
    setOverlays((all) => all.map((o) => (o.id === id ? { ...o, ...placement } : o)));
  const remove = (id: string) => {
    setOverlays((all) => all.filter((o) => o.id !== id));
    setSelectedId(null);
    setNotice(null);
  };

  const share = async () => {
    if (photo.kind !== 'done' || result.fetching) return;
    setChecked(true);
    const errors = validateOverlays(overlays);
    const firstBad = overlays.find((_, i) => Object.keys(errors).some((f) => f.startsWith(`overlays.${i}.`)));
    if (Object.keys(errors).length > 0) {
      if (firstBad) setSelectedId(firstBad.id);
      return;
    }
    setSent(overlays);
    const res = await createStory({
      input: { uploadId: photo.upload.id, audience, overlays: overlays.map(toOverlayInput) },
    });
    if (res.data?.createStory) {
      clear();
      navigate('/');
      return;
    }
    const failed = Object.keys(fieldErrorsOf(res.error))
      .map((field) => /^overlays\.(\d+)\./.exec(field)?.[1])
      .find((index) => index !== undefined);
    const bad = failed === undefined ? undefined : overlays[Number(failed)];
    if (bad) setSelectedId(bad.id);
  };

  const canShare = photo.kind === 'done' && !result.fetching;

  return (
    <div className={styles.page}>
      <section
        className={`${styles.card} ${dragOver ? styles.dragOver : ''}`}
        aria-labelledby="story-create-title"
        aria-busy={result.fetching}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(false);
        }}
        onDrop={onDrop}
      >
        <header className={styles.header}>
          <Link href="/create" className="icon-button" aria-label="Back to create">
            <Icon name="chevronLeft" />
          </Link>
          <h1 id="story-create-title" className={styles.title}>
            Add to story
          </h1>
          {photo.kind !== 'none' ? (
            <button type="button" className={styles.headerAction} onClick={() => clear()}>
              Change photo
            </button>
          ) : (
            <span className={styles.headerSpacer} />
          )}
        </header>
        {photo.kind === 'none' && <CreateKindSwitch current="story" />}

        <input
          id="story-file"
          type="file"
          accept={ACCEPT}
          aria-label="Select from computer"
          className="visually-hidden"
          onChange={onFiles}
        />

        {photo.kind === 'none' ? (
          <div className={styles.dropZone}>
            <Icon name="camera" size={64} strokeWidth={1.2} />
            <p className={styles.dropTitle}>Drag a photo here</p>
            <label htmlFor="story-file" className="button">
              Select from computer
            </label>
            <p className="muted">One photo · shown for 24 hours</p>
          </div>
        ) : (
          <div className={styles.workspace}>
            <div className={styles.stage}>
              <StoryCanvas
                photoUrl={photo.previewUrl}
                overlays={overlays}
                selectedId={selectedId}
                invalidIds={Object.keys(overlayErrors)}
                onSelect={setSelectedId}
                onPlace={place}
                onDelete={remove}
              />
              {photo.kind === 'uploading' && (
                <progress
                  className={styles.progress}
                  max={1}
                  value={photo.progress}
                  aria-label="Uploading your photo"
                />
              )}
            </div>
            <div className={styles.panel}>
              <div className={styles.toolbar} role="toolbar" aria-label="Add to your story">
                {TOOLS.map((tool) => (
                  <button
                    key={tool.kind}
                    type="button"
                    className={styles.tool}
                    aria-label={tool.label}
                    title={tool.label}
                    onClick={() => add(tool.kind)}
                  >
                    <span aria-hidden="true">{tool.glyph}</span>
                  </button>
                ))}
              </div>
              <p className={styles.count}>
                {overlays.length}/{OVERLAYS_MAX} stickers
              </p>
              {listError && (
                <p className="field-error" role="alert">
                  {listError}
                </p>
              )}
              {selected ? (
                <OverlayEditor
                  key={selected.id}
                  overlay={selected}
                  errors={overlayErrors[selected.id] ?? {}}
                  onChange={update}
                  onDelete={() => remove(selected.id)}
                />
              ) : (
                <p className="muted">
                  {overlays.length === 0
                    ? 'Add text, a mention, a hashtag or a sticker, then drag it into place.'
                    : 'Select a sticker on the photo to edit it.'}
                </p>
              )}
              {!selected && Object.keys(overlayErrors).length > 0 && (
                <p className="field-error" role="alert">
                  Some stickers need fixing: select the ones marked on the photo.
                </p>
              )}
            </div>
          </div>
        )}

        <footer className={styles.footer}>
          {notice && (
            <p className={styles.notice} role="status">
              {notice}
            </p>
          )}
          {photoError && (
            <p className="field-error" role="alert">
              {photoError}{' '}
              {photo.kind === 'failed' && (
                <button type="button" className="link-button" onClick={retry}>
                  Try again
                </button>
              )}
            </p>
          )}
          {generalError && (
            <p className="field-error" role="alert">
              {generalError}
            </p>
          )}
          {photo.kind !== 'none' && (
            <div className={styles.shareRow}>
              <fieldset className={styles.audience}>
                <legend className="visually-hidden">Share to</legend>
                <label
                  className={`${styles.audienceChoice} ${audience === 'EVERYONE' ? styles.audienceOn : ''}`}
                >
                  <input
                    type="radio"
                    name="story-audience"
                    className="visually-hidden"
                    checked={audience === 'EVERYONE'}
                    onChange={() => setAudience('EVERYONE')}
                  />
                  <span className={styles.audienceDot} aria-hidden="true" />
                  Your story
                </label>
                <label
                  className={`${styles.audienceChoice} ${styles.closeFriends} ${audience === 'CLOSE_FRIENDS' ? styles.audienceOn : ''}`}
                >
                  <input
                    type="radio"
                    name="story-audience"
                    className="visually-hidden"
                    checked={audience === 'CLOSE_FRIENDS'}
                    onChange={() => setAudience('CLOSE_FRIENDS')}
                  />
                  <span className={styles.audienceStar} aria-hidden="true">
                    <Icon name="star" size={14} filled />
                  </span>
                  Close friends
                </label>
              </fieldset>
              <button type="button" className={`button ${styles.share}`} disabled={!canShare} onClick={share}>
                {result.fetching ? 'Sharing…' : photo.kind === 'uploading' ? 'Uploading…' : 'Share'}
              </button>
            </div>
          )}
        </footer>
      </section>
    </div>
  );
}
