import { useSyncExternalStore } from 'react';
import styles from './Toasts.module.css';

/**
 * Short confirmations and failures ("Link copied", "Couldn't like the post") shown at the bottom of the
 * screen. The store is module-level so any post component can raise a toast without a provider; a
 * screen renders <Toasts /> once, and its live region is in the page before any message arrives, so
 * screen readers announce each one.
 */
interface Toast {
  id: number;
  message: string;
}

const DURATION_MS = 3000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function showToast(message: string): void {
  const toast = { id: nextId++, message };
  // One at a time, as on Instagram: a new message replaces the one showing.
  toasts = [toast];
  emit();
  setTimeout(() => {
    toasts = toasts.filter((t) => t.id !== toast.id);
    emit();
  }, DURATION_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Toasts() {
  const current = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {current.map((toast) => (
        <p key={toast.id} className={styles.toast}>
          {toast.message}
        </p>
      ))}
    </div>
  );
}
