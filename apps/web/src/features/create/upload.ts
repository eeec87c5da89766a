/**
 * Sends a photo to POST /uploads with XMLHttpRequest, whose upload progress events fetch() does not
 * offer. The API checks the file by content and answers with its id and oriented size, or with an error
 * whose message is written for the person uploading ("This photo is damaged or incomplete…").
 */

export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
  format: string;
}

export class UploadError extends Error {
  /** True when the request never got an answer: trying again may help. */
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = 'UploadError';
    this.retryable = retryable;
  }
}

export interface Upload {
  done: Promise<UploadedPhoto>;
  abort: () => void;
}

interface ErrorBody {
  errors?: { message?: string }[];
}

function isUploaded(body: unknown): body is UploadedPhoto {
  const b = body as Partial<UploadedPhoto> | null;
  return typeof b?.id === 'string' && typeof b.width === 'number' && typeof b.height === 'number';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Starts the upload; `onProgress` gets the fraction sent (0..1). Aborting rejects with an AbortError. */
export function uploadPhoto(file: File, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedPhoto>((resolve, reject) => {
    xhr.open('POST', '/uploads');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && isUploaded(body)) {
        onProgress(1);
        resolve(body);
        return;
      }
      const message = (body as ErrorBody | null)?.errors?.[0]?.message;
      reject(new UploadError(message ?? "This photo couldn't be uploaded. Try again.", xhr.status >= 500));
    };
    xhr.onerror = () =>
      reject(new UploadError("Couldn't upload this photo. Check your connection and try again.", true));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
