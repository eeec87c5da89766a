import { useCallback, useEffect, useRef, useState } from 'react';
import { type UploadedPhoto, uploadPhoto } from '../../create/upload';

export type StoryPhoto =
  | { kind: 'none' }
  | { kind: 'uploading'; previewUrl: string; progress: number }
  | { kind: 'done'; previewUrl: string; upload: UploadedPhoto }
  | { kind: 'failed'; previewUrl: string; message: string; file: File };

/**
 * The story's one photo: shown at once from the file, uploaded to POST /uploads in the background
 * (as a post's photos are) while the author adds text and stickers.
 */
export function useStoryPhoto() {
  const [photo, setPhoto] = useState<StoryPhoto>({ kind: 'none' });
  const abort = useRef<(() => void) | null>(null);
  const url = useRef<string | null>(null);

  const release = useCallback(() => {
    abort.current?.();
    abort.current = null;
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  }, []);
  useEffect(() => release, [release]);

  const start = (file: File, previewUrl: string) => {
    setPhoto({ kind: 'uploading', previewUrl, progress: 0 });
    const upload = uploadPhoto(file, (progress) =>
      setPhoto((p) => (p.kind === 'uploading' && p.previewUrl === previewUrl ? { ...p, progress } : p)),
    );
    abort.current = upload.abort;
    upload.done.then(
      (uploaded) =>
        setPhoto((p) =>
          p.kind === 'uploading' && p.previewUrl === previewUrl
            ? { kind: 'done', previewUrl, upload: uploaded }
            : p,
        ),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const message =
          error instanceof Error ? error.message : "This photo couldn't be uploaded. Try again.";
        setPhoto((p) =>
          p.kind === 'uploading' && p.previewUrl === previewUrl
            ? { kind: 'failed', previewUrl, message, file }
            : p,
        );
      },
    );
  };

  const choose = (file: File) => {
    release();
    const previewUrl = URL.createObjectURL(file);
    url.current = previewUrl;
    start(file, previewUrl);
  };

  const retry = () => {
    if (photo.kind === 'failed') start(photo.file, photo.previewUrl);
  };

  const clear = () => {
    release();
    setPhoto({ kind: 'none' });
  };

  return { photo, choose, retry, clear };
}
