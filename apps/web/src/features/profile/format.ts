/** Counts as Instagram shows them: 1,234 in full, then 12.3K and 1.2M. */
export function formatCount(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
