import { useState } from 'react';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import type { ViewerUser } from '../../lib/viewer';
import { CaptionField } from './CaptionField';
import styles from './Create.module.css';
import { CroppedPreview } from './CroppedPreview';
import { ASPECTS, type AspectName } from './crop';
import type { DraftPhoto, PhotosAction } from './photos';

/** API field errors of one photo (`media.N.altText`, `media.N.crop`, `media.N.uploadId`). */
export interface PhotoErrors {
  altText?: string;
  crop?: string;
  uploadId?: string;
  /** `media.N.recipe…`: the API refused the photo's edits. */
  recipe?: string;
}

/** The post as it will look, the caption, and a description of each photo for screen readers. */
export function CaptionStep({
  viewer,
  photos,
  aspect,
  caption,
  onCaption,
  dispatch,
  captionError,
  photoErrors,
  editedPreviews,
  onEditPhoto,
  onEditCrop,
}: {
  viewer: ViewerUser;
  photos: DraftPhoto[];
  aspect: AspectName;
  caption: string;
  onCaption: (caption: string) => void;
  dispatch: (action: PhotosAction) => void;
  captionError: string | undefined;
  photoErrors: Record<string, PhotoErrors>;
  /** Pictures of the edited photos (filters and adjustments applied), by photo key. */
  editedPreviews: Record<string, string>;
  onEditPhoto: (key: string) => void;
  onEditCrop: (key: string) => void;
}) {
  const [shown, setShown] = useState(0);
  const current = photos[Math.min(shown, photos.length - 1)];
  const ratio = ASPECTS[aspect].ratio;
  return (
    <div className={styles.columns}>
      <div className={styles.media}>
        {current && (
          <CroppedPreview
            photo={current}
            aspect={ratio}
            edited={editedPreviews[current.key]}
            alt={`Preview of photo ${shown + 1}`}
          />
        )}
        {photos.length > 1 && (
          <>
            {shown > 0 && (
              <button
                type="button"
                className={`${styles.carouselButton} ${styles.carouselPrev}`}
                aria-label="Previous photo"
                onClick={() => setShown(shown - 1)}
              >
                <Icon name="chevronLeft" size={16} />
              </button>
            )}
            {shown < photos.length - 1 && (
              <button
                type="button"
                className={`${styles.carouselButton} ${styles.carouselNext}`}
                aria-label="Next photo"
                onClick={() => setShown(shown + 1)}
              >
                <Icon name="chevronRight" size={16} />
              </button>
            )}
            <span className={styles.dots} aria-hidden="true">
              {photos.map((p, i) => (
                <span key={p.key} className={i === shown ? styles.dotActive : undefined} />
              ))}
            </span>
          </>
        )}
      </div>
      <div className={styles.side}>
        <div className={styles.author}>
          <Avatar user={viewer} size={28} />
          <span className={styles.authorName}>{viewer.username}</span>
        </div>
        <CaptionField value={caption} onChange={onCaption} error={captionError} />
        <section className={styles.accessibility} aria-labelledby="alt-heading">
          <h2 id="alt-heading" className={styles.sideHeading}>
            Accessibility
          </h2>
          <p className={styles.hint}>
            Alt text describes your photos for people with visual impairments. Without it, a description is
            read out only as "Photo by {viewer.username}".
          </p>
          <ol className={styles.altList}>
            {photos.map((photo, index) => {
              const errors = photoErrors[photo.key] ?? {};
              const inputId = `alt-${photo.key}`;
              const errorId = `${inputId}-error`;
              const problem = errors.altText ?? errors.uploadId;
              return (
                <li key={photo.key} className={styles.altRow}>
                  <div className={styles.altThumb}>
                    <CroppedPreview photo={photo} aspect={ratio} edited={editedPreviews[photo.key]} alt="" />
                  </div>
                  <div className={styles.altField}>
                    <label htmlFor={inputId} className="visually-hidden">
                      Alt text for photo {index + 1}
                    </label>
                    <input
                      id={inputId}
                      className="field"
                      placeholder="Write alt text…"
                      value={photo.altText}
                      aria-invalid={errors.altText ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                      onChange={(event) =>
                        dispatch({ type: 'altText', key: photo.key, altText: event.target.value })
                      }
                    />
                    {problem && (
                      <p id={errorId} className="field-error">
                        {problem}
                      </p>
                    )}
                    {errors.recipe && (
                      <p className="field-error">
                        Photo {index + 1}: {errors.recipe}{' '}
                        <button type="button" className="link-button" onClick={() => onEditPhoto(photo.key)}>
                          Edit photo
                        </button>
                      </p>
                    )}
                    {errors.crop && (
                      <p className="field-error">
                        Photo {index + 1}: {errors.crop}{' '}
                        <button type="button" className="link-button" onClick={() => onEditCrop(photo.key)}>
                          Edit crop
                        </button>
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </div>
  );
}
