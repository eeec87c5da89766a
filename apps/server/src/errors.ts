/**
 * Errors a user or client can cause, with the stable codes the API carries in `extensions.code`.
 * Anything else is a bug and is reported as INTERNAL without its internals.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      field?: string;
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      reason?: string;
      /** A log-in that needs a second factor: the challenge to complete it with. */
      challenge?: string;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do that') => new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'You must be logged in');

/** One invalid field. */
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field, fieldErrors: [{ field, message }] });

/** Collects field errors so a form learns every problem at once; throws them together. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];
  add(field: string, message: string | null | undefined): void {
    if (message) this.errors.push({ field, message });
  }
  throwIfAny(): void {
    const first = this.errors[0];
    if (first) {
      throw new AppError('BAD_USER_INPUT', first.message, {
        field: first.field,
        fieldErrors: [...this.errors],
      });
    }
  }
}

const ID_PATTERN = /^[0-9]{1,19}$/;

/** Whether a string can be one of our 64-bit IDs (checked before it reaches SQL). */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value) && BigInt(value) <= 9223372036854775807n;
}
