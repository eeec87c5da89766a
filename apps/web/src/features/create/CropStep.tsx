import styles from './Create.module.css';
import { CropEditor, ZoomSlider } from './CropEditor';
import { ASPECTS, type AspectName } from './crop';
import { PhotoStrip } from './PhotoStrip';
import { type DraftPhoto, type PhotosAction, sizeOf } from './photos';

/** Upload progress or the API's refusal, over the photo it belongs to. */
export function UploadStatus({
  photo,
  index,
  onRemove,
  onRetry,
}: {
  photo: DraftPhoto;
  index: number;
  onRemove: () => void;
  onRetry: () => void;
}) {
  if (photo.upload.kind === 'uploading') {
    const percent = Math.round(photo.upload.progress * 100);
    return (
      <div className={styles.progress}>
        <div
          className={styles.progressBar}
          role="progressbar"
          aria-label={`Uploading photo ${index + 1}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
      </div>
    );
  }
  if (photo.upload.kind === 'failed') {
    return (
      <div className={styles.uploadError} role="alert">
        <p>{photo.upload.message}</p>
        <div className={styles.uploadErrorActions}>
          {photo.upload.retryable && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
          <button type="button" className="button secondary" onClick={onRemove}>
            Remove this photo
          </button>
        </div>
      </div>
    );
  }
  return null;
}

/** Shape, position and zoom of each photo, and their order. */
export function CropStep({
  photos,
  selected,
  onSelect,
  aspect,
  onAspect,
  dispatch,
  onRemove,
  onRetry,
  onAdd,
  cropErrors,
  turned = false,
}: {
  photos: DraftPhoto[];
  selected: DraftPhoto;
  onSelect: (key: string) => void;
  aspect: AspectName;
  onAspect: (aspect: AspectName) => void;
  dispatch: (action: PhotosAction) => void;
  onRemove: (key: string) => void;
  onRetry: (photo: DraftPhoto) => void;
  onAdd: () => void;
  cropErrors: Record<string, string>;
  /** The selected photo was turned a quarter in Edit: its crop is kept there, turned with it. */
  turned?: boolean;
}) {
  const index = photos.indexOf(selected);
  const ratio = ASPECTS[aspect].ratio;
  const size = sizeOf(selected);
  const setView = (view: DraftPhoto['view']) => dispatch({ type: 'view', key: selected.key, view });
  const error = cropErrors[selected.key];
  return (
    <div className={styles.columns}>
      <div className={styles.media}>
        <CropEditor
          key={selected.key}
          src={selected.previewUrl}
          image={size}
          aspect={ratio}
          view={selected.view}
          onChange={setView}
          onMeasure={(measured) => dispatch({ type: 'measured', key: selected.key, ...measured })}
          label={`Crop photo ${index + 1} of ${photos.length}`}
        >
          <UploadStatus
            photo={selected}
            index={index}
            onRemove={() => onRemove(selected.key)}
            onRetry={() => onRetry(selected)}
          />
        </CropEditor>
      </div>
      <div className={styles.side}>
        <fieldset className={styles.aspects}>
          <legend className={styles.sideHeading}>Crop</legend>
          {(Object.keys(ASPECTS) as AspectName[]).map((name) => (
            <button
              key={name}
              type="button"
              className={`${styles.aspect} ${aspect === name ? styles.aspectActive : ''}`}
              aria-pressed={aspect === name}
              onClick={() => onAspect(name)}
            >
              <span
                className={styles.aspectShape}
                style={{ aspectRatio: ASPECTS[name].ratio }}
                aria-hidden="true"
              />
              {ASPECTS[name].label}
            </button>
          ))}
        </fieldset>
        <p className={styles.hint}>The shape applies to every photo in the post, as in a carousel.</p>
        <ZoomSlider image={size} aspect={ratio} view={selected.view} onChange={setView} />
        {turned && (
          <p className={styles.hint} role="note">
            You turned this photo in Edit, so its crop follows the turn there; this frame shows it unturned.
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <PhotoStrip
          photos={photos}
          selected={selected.key}
          onSelect={onSelect}
          onMove={(key, to) => dispatch({ type: 'move', key, to })}
          onRemove={onRemove}
          onAdd={onAdd}
        />
      </div>
    </div>
  );
}
