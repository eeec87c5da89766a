import { useState } from 'react';
import { Icon } from '../../components/Icon';
import styles from './Create.module.css';
import { type DraftPhoto, MAX_PHOTOS } from './photos';

/** The photo small, or a camera where the browser cannot decode it (HEIC outside Safari, a broken file). */
function Thumbnail({ src }: { src: string }) {
  const [broken, setBroken] = useState(false);
  return broken ? (
    <Icon name="camera" className={styles.noThumb} />
  ) : (
    <img src={src} alt="" draggable={false} onError={() => setBroken(true)} />
  );
}

/**
 * The draft's photos in carousel order. Drag a thumbnail to reorder it; keyboard users select one and
 * use "Move left" / "Move right". The selected photo is the one the crop frame shows.
 */
export function PhotoStrip({
  photos,
  selected,
  onSelect,
  onMove,
  onRemove,
  onAdd,
}: {
  photos: DraftPhoto[];
  selected: string | null;
  onSelect: (key: string) => void;
  onMove: (key: string, to: number) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const selectedIndex = photos.findIndex((p) => p.key === selected);

  return (
    <div className={styles.stripWrap}>
      <ol className={styles.strip} aria-label="Photos in this post">
        {photos.map((photo, index) => {
          const isSelected = photo.key === selected;
          return (
            <li
              key={photo.key}
              className={`${styles.thumb} ${isSelected ? styles.thumbSelected : ''} ${over === index ? styles.thumbOver : ''} ${photo.upload.kind === 'failed' ? styles.thumbFailed : ''}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', photo.key);
                setDragged(photo.key);
              }}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                setOver(index);
              }}
              onDragLeave={() => setOver((o) => (o === index ? null : o))}
              onDrop={(event) => {
                if (!dragged) return;
                event.preventDefault();
                event.stopPropagation();
                onMove(dragged, index);
                setDragged(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
            >
              <button
                type="button"
                className={styles.thumbButton}
                aria-label={`Photo ${index + 1}${photo.upload.kind === 'failed' ? ' (upload failed)' : ''}`}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(photo.key)}
              >
                <Thumbnail src={photo.previewUrl} />
                {photo.upload.kind === 'uploading' && (
                  <span
                    className={styles.thumbProgress}
                    style={{ width: `${photo.upload.progress * 100}%` }}
                  />
                )}
                {photo.upload.kind === 'failed' && (
                  <span className={styles.thumbBadge} aria-hidden="true">
                    !
                  </span>
                )}
              </button>
            </li>
          );
        })}
        {photos.length < MAX_PHOTOS && (
          <li className={styles.addThumb}>
            <button type="button" className={styles.thumbButton} aria-label="Add photos" onClick={onAdd}>
              <Icon name="create" />
            </button>
          </li>
        )}
      </ol>
      {selected && (
        <div className={styles.stripActions}>
          <button
            type="button"
            className="button secondary"
            disabled={selectedIndex <= 0}
            onClick={() => onMove(selected, selectedIndex - 1)}
          >
            <Icon name="chevronLeft" size={16} />
            Move left
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={selectedIndex < 0 || selectedIndex >= photos.length - 1}
            onClick={() => onMove(selected, selectedIndex + 1)}
          >
            Move right
            <Icon name="chevronRight" size={16} />
          </button>
          <button type="button" className="button secondary" onClick={() => onRemove(selected)}>
            <Icon name="close" size={14} />
            Remove photo
          </button>
        </div>
      )}
    </div>
  );
}
