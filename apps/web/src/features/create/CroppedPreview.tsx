import { useState } from 'react';
import styles from './Create.module.css';
import { cropBox, photoPlacement } from './crop';
import type { DraftPhoto } from './photos';
import { sizeOf } from './photos';

/** A draft photo as it will be posted: the crop box of the chosen shape, and its edits once made. */
export function CroppedPreview({
  photo,
  aspect,
  alt,
  edited,
}: {
  photo: DraftPhoto;
  aspect: number;
  alt: string;
  /** The editor's picture of the photo with its edits (crop included), when it has any. */
  edited?: string;
}) {
  const [broken, setBroken] = useState(false);
  const size = sizeOf(photo);
  const box = size ? cropBox(size, aspect, photo.view) : null;
  return (
    <div className={styles.preview} style={{ aspectRatio: aspect, width: `${Math.min(1, aspect) * 100}%` }}>
      {edited ? (
        <img src={edited} alt={alt} draggable={false} className={styles.previewEdited} />
      ) : broken ? (
        <span className="visually-hidden">{alt}</span>
      ) : (
        <img
          onError={() => setBroken(true)}
          src={photo.previewUrl}
          alt={alt}
          draggable={false}
          style={
            box
              ? { position: 'absolute', maxWidth: 'none', ...photoPlacement(box) }
              : { width: '100%', height: '100%', objectFit: 'cover' }
          }
        />
      )}
    </div>
  );
}
