import type { CombinedError } from 'urql';

/** The API's field errors (`extensions.fieldErrors`) keyed by field, for inline form messages. */
export type FieldErrors = Record<string, string>;

interface ApiExtensions {
  code?: string;
  field?: string;
  fieldErrors?: { field: string; message: string }[];
  /** Why a log-in stopped short: CAPTCHA_REQUIRED, TWO_FACTOR_REQUIRED, SUSPENDED. */
  reason?: string;
  /** With TWO_FACTOR_REQUIRED: the token that completeTwoFactorLogIn finishes. */
  challenge?: string;
}

export function fieldErrorsOf(error: CombinedError | undefined): FieldErrors {
  const result: FieldErrors = {};
  for (const e of error?.graphQLErrors ?? []) {
    const ext = e.extensions as ApiExtensions;
    for (const fe of ext.fieldErrors ?? (ext.field ? [{ field: ext.field, message: e.message }] : [])) {
      result[fe.field] ??= fe.message;
    }
  }
  return result;
}

export function errorCode(error: CombinedError | undefined): string | undefined {
  return (error?.graphQLErrors[0]?.extensions as ApiExtensions | undefined)?.code;
}

/** The first error's `extensions.reason` and `extensions.challenge`, when the API gave them. */
export function errorReason(error: CombinedError | undefined): { reason?: string; challenge?: string } {
  const ext = error?.graphQLErrors[0]?.extensions as ApiExtensions | undefined;
  return { reason: ext?.reason, challenge: ext?.challenge };
}

/** A sentence to show when no field claims the error. */
export function errorMessage(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.networkError) return "Couldn't reach Glimpse. Check your connection and try again.";
  const first = error.graphQLErrors[0];
  if (!first) return 'Something went wrong. Try again.';
  return (first.extensions as ApiExtensions).code === 'INTERNAL'
    ? 'Something went wrong on our side. Try again.'
    : first.message;
}
