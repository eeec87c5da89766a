/**
 * The application's notion of "now" for rules that depend on elapsed time (a story's 24 hours).
 * Reads compare against this clock, passed to SQL as a parameter, so tests and end-to-end journeys can
 * move time forward without waiting. The offset is per process and meant for tests only.
 */
export interface Clock {
  now(): Date;
  /** Moves this process's time forward (or back, with a negative amount). */
  advance(ms: number): void;
  reset(): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
