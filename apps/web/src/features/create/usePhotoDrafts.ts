import { useCallback, useEffect, useReducer, useRef } from 'react';
import { type DraftPhoto, MAX_PHOTOS, type PhotosAction, photosReducer } from './photos';
import { type Upload, UploadError, uploadPhoto } from './upload';

// Not crypto.randomUUID(): it exists only in secure contexts, and a self-hosted Glimpse may be plain http.
let lastKey = 0;

/**
 * The draft's photos, each uploading in the background from the moment it is picked. Removing a photo
 * cancels its upload and frees its preview; leaving the screen does that for all of them.
 */
export function usePhotoDrafts() {
  const [photos, dispatch] = useReducer(photosReducer, []);
  const uploads = useRef(new Map<string, Upload>());
  const previews = useRef(new Map<string, string>());
  const count = useRef(0);
  count.current = photos.length;

  const start = useCallback((key: string, file: File) => {
    const upload = uploadPhoto(file, (progress) => dispatch({ type: 'progress', key, progress }));
    uploads.current.set(key, upload);
    upload.done.then(
      (result) => dispatch({ type: 'uploaded', key, upload: result }),
      (error: unknown) => {
        if (error instanceof UploadError) {
          dispatch({ type: 'failed', key, message: error.message, retryable: error.retryable });
        }
      },
    );
    upload.done.finally(() => uploads.current.delete(key)).catch(() => {});
  }, []);

  /** Adds what fits under the limit; returns how many files were left out. */
  const add = useCallback(
    (files: readonly File[]): number => {
      const room = Math.max(0, MAX_PHOTOS - count.current);
      const taken = files.slice(0, room).map((file) => {
        const key = `photo-${++lastKey}`;
        const previewUrl = URL.createObjectURL(file);
        previews.current.set(key, previewUrl);
        return { key, file, previewUrl };
      });
      count.current += taken.length;
      dispatch({ type: 'add', photos: taken });
      for (const photo of taken) start(photo.key, photo.file);
      return files.length - taken.length;
    },
    [start],
  );

  const remove = useCallback((key: string) => {
    uploads.current.get(key)?.abort();
    const url = previews.current.get(key);
    if (url) URL.revokeObjectURL(url);
    previews.current.delete(key);
    dispatch({ type: 'remove', key });
  }, []);

  const retry = useCallback(
    (photo: DraftPhoto) => {
      dispatch({ type: 'retry', key: photo.key });
      start(photo.key, photo.file);
    },
    [start],
  );

  const clear = useCallback(() => {
    for (const key of [...previews.current.keys()]) remove(key);
  }, [remove]);

  useEffect(() => {
    const pending = uploads.current;
    const urls = previews.current;
    return () => {
      for (const upload of pending.values()) upload.abort();
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, []);

  return {
    photos,
    dispatch: dispatch as (action: PhotosAction) => void,
    add,
    remove,
    retry,
    clear,
  };
}
