import { useSyncExternalStore } from 'react';

/**
 * When this device last showed the Account status page, so the app can point out notices that came
 * after. Kept per device in localStorage: a notice is "new" until its owner has looked at the page.
 */
const KEY = 'glimpse.noticesSeenAt';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function markNoticesSeen(latest: string): void {
  try {
    if (read() >= latest) return;
    localStorage.setItem(KEY, latest);
  } catch {
    return;
  }
  for (const listener of listeners) listener();
}

/** Whether a notice at `latest` (ISO time) came after the last visit to Account status. */
export function useHasNewNotice(latest: string | null): boolean {
  const seen = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => '',
  );
  return latest !== null && Date.parse(latest) > (seen ? Date.parse(seen) : 0);
}
