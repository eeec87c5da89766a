/** The photos of a post being made: their uploads, order, crops and alt texts, as one reducer. */
import { CENTRED, type CropView } from './crop';
import type { UploadedPhoto } from './upload';

export const MAX_PHOTOS = 10;

export type UploadState =
  | { kind: 'uploading'; progress: number }
  | { kind: 'done'; upload: UploadedPhoto }
  | { kind: 'failed'; message: string; retryable: boolean };

export interface DraftPhoto {
  key: string;
  file: File;
  /** An object URL for the preview; browsers that cannot decode the format (HEIC) show none. */
  previewUrl: string;
  /** The size the browser measured, until the API's (authoritative) size arrives. */
  measured: { width: number; height: number } | null;
  upload: UploadState;
  view: CropView;
  altText: string;
}

export type PhotosAction =
  | { type: 'add'; photos: { key: string; file: File; previewUrl: string }[] }
  | { type: 'progress'; key: string; progress: number }
  | { type: 'uploaded'; key: string; upload: UploadedPhoto }
  | { type: 'failed'; key: string; message: string; retryable: boolean }
  | { type: 'retry'; key: string }
  | { type: 'measured'; key: string; width: number; height: number }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; to: number }
  | { type: 'view'; key: string; view: CropView }
  | { type: 'resetViews' }
  | { type: 'altText'; key: string; altText: string };

function update(photos: DraftPhoto[], key: string, change: (photo: DraftPhoto) => DraftPhoto): DraftPhoto[] {
  return photos.map((photo) => (photo.key === key ? change(photo) : photo));
}

export function photosReducer(photos: DraftPhoto[], action: PhotosAction): DraftPhoto[] {
  switch (action.type) {
    case 'add':
      return [
        ...photos,
        ...action.photos.map((p) => ({
          ...p,
          measured: null,
          upload: { kind: 'uploading', progress: 0 } as const,
          view: CENTRED,
          altText: '',
        })),
      ].slice(0, MAX_PHOTOS);
    case 'progress':
      return update(photos, action.key, (p) =>
        p.upload.kind === 'uploading'
          ? { ...p, upload: { kind: 'uploading', progress: action.progress } }
          : p,
      );
    case 'uploaded':
      return update(photos, action.key, (p) => ({ ...p, upload: { kind: 'done', upload: action.upload } }));
    case 'failed':
      return update(photos, action.key, (p) => ({
        ...p,
        upload: { kind: 'failed', message: action.message, retryable: action.retryable },
      }));
    case 'retry':
      return update(photos, action.key, (p) => ({ ...p, upload: { kind: 'uploading', progress: 0 } }));
    case 'measured':
      return update(photos, action.key, (p) => ({
        ...p,
        measured: { width: action.width, height: action.height },
      }));
    case 'remove':
      return photos.filter((p) => p.key !== action.key);
    case 'move': {
      const from = photos.findIndex((p) => p.key === action.key);
      const to = Math.min(photos.length - 1, Math.max(0, action.to));
      if (from < 0 || from === to) return photos;
      const next = [...photos];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    }
    case 'view':
      return update(photos, action.key, (p) => ({ ...p, view: action.view }));
    case 'resetViews':
      return photos.map((p) => ({ ...p, view: CENTRED }));
    case 'altText':
      return update(photos, action.key, (p) => ({ ...p, altText: action.altText }));
  }
}

/** The photo's oriented size: the API's once uploaded, else what the browser measured. */
export function sizeOf(photo: DraftPhoto): { width: number; height: number } | null {
  return photo.upload.kind === 'done' ? photo.upload.upload : photo.measured;
}
