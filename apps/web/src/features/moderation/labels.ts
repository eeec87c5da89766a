/** Moderation words shared by the queue, the appeals and the log. */
export const SUBJECT_LABEL: Record<string, string> = { POST: 'Post', COMMENT: 'Comment', ACCOUNT: 'Account' };

export const ACTION_PAST: Record<string, string> = {
  REMOVE: 'removed',
  WARN: 'warned',
  SUSPEND: 'suspended',
  DISMISS: 'dismissed reports on',
  RESTORE: 'restored',
  UNSUSPEND: 'unsuspended',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
