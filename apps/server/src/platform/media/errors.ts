/**
 * Why an image was refused. The code is stable (the API maps it to `extensions.code`); the message
 * is written for the person who uploaded the file and may be shown as is.
 */
export type MediaErrorCode =
  | 'empty'
  | 'too_large'
  | 'unsupported_type'
  | 'too_many_pixels'
  | 'corrupt'
  | 'invalid_crop';

export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}
