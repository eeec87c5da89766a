/** The activity list's sections, as Instagram heads them: Today, This week, This month, Earlier. */
export type Period = 'Today' | 'This week' | 'This month' | 'Earlier';

const PERIODS: readonly Period[] = ['Today', 'This week', 'This month', 'Earlier'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Which section an entry from `iso` goes in, seen at `now` (today is the local calendar day). */
export function periodOf(iso: string, now: Date): Period {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const then = new Date(iso).getTime();
  if (then >= startOfToday) return 'Today';
  if (then >= startOfToday - 6 * DAY_MS) return 'This week';
  if (then >= startOfToday - 29 * DAY_MS) return 'This month';
  return 'Earlier';
}

/**
 * Splits a list (latest first) into its sections, in the list's order within each; sections with no
 * entry are left out.
 */
export function groupByPeriod<T extends { createdAt: string }>(
  entries: readonly T[],
  now: Date = new Date(),
): { period: Period; entries: T[] }[] {
  const buckets = new Map<Period, T[]>();
  for (const entry of entries) {
    const period = periodOf(entry.createdAt, now);
    const bucket = buckets.get(period);
    if (bucket) bucket.push(entry);
    else buckets.set(period, [entry]);
  }
  return PERIODS.filter((p) => buckets.has(p)).map((period) => ({
    period,
    entries: buckets.get(period) ?? [],
  }));
}
