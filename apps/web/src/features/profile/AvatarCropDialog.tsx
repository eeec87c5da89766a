import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { CropEditor, ZoomSlider } from '../create/CropEditor';
import { CENTRED, type CropBox, cropBox, type Size } from '../create/crop';
import { UploadError, type UploadedPhoto, uploadPhoto } from '../create/upload';
import styles from './EditProfile.module.css';

type UploadState =
  | { kind: 'uploading'; progress: number }
  | { kind: 'done'; upload: UploadedPhoto }
  | { kind: 'failed'; message: string };

/**
 * Square crop of a new profile photo, drawn in the round frame it will be shown in. The photo uploads
 * while the person frames it; "Save photo" hands back the upload and the normalised square.
 */
export function AvatarCropDialog({
  file,
  onCancel,
  onSave,
  saving,
}: {
  file: File;
  onCancel: () => void;
  onSave: (uploadId: string, crop: CropBox) => void;
  saving: boolean;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadState>({ kind: 'uploading', progress: 0 });
  const [measured, setMeasured] = useState<Size | null>(null);
  const [view, setView] = useState(CENTRED);

  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);

  useEffect(() => {
    const { done, abort } = uploadPhoto(file, (progress) => setUpload({ kind: 'uploading', progress }));
    done.then(
      (result) => setUpload({ kind: 'done', upload: result }),
      (error: unknown) => {
        if (error instanceof UploadError) setUpload({ kind: 'failed', message: error.message });
      },
    );
    // Cancelling (or closing) stops an upload still on its way; a finished one is swept by the server.
    return abort;
  }, [file]);

  const size = upload.kind === 'done' ? upload.upload : measured;
  return (
    <Dialog title="Crop profile photo" onClose={onCancel}>
      <div className={styles.cropBody}>
        <div className={styles.cropArea}>
          {url && (
            <CropEditor
              src={url}
              image={size}
              aspect={1}
              view={view}
              onChange={setView}
              onMeasure={setMeasured}
              label="Crop profile photo"
              round
            />
          )}
        </div>
        <ZoomSlider image={size} aspect={1} view={view} onChange={setView} />
        {upload.kind === 'uploading' && (
          <div
            className={styles.progress}
            role="progressbar"
            aria-label="Uploading photo"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(upload.progress * 100)}
          >
            <span style={{ width: `${upload.progress * 100}%` }} />
          </div>
        )}
        {upload.kind === 'failed' && (
          <p className="field-error" role="alert">
            {upload.message}
          </p>
        )}
        <div className={styles.cropActions}>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button"
            disabled={upload.kind !== 'done' || saving}
            onClick={() =>
              upload.kind === 'done' && onSave(upload.upload.id, cropBox(upload.upload, 1, view))
            }
          >
            {upload.kind === 'uploading' ? 'Uploading…' : saving ? 'Saving…' : 'Save photo'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
