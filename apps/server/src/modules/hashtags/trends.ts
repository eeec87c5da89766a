/**
 * Trending hashtags: how far a tag's rate of use in a recent window rises above its own usual rate, in
 * units of that usual rate's noise (a Poisson rate's standard deviation is its square root). `k`
 * smooths tags with no history, so a tag used a few times ever does not score as infinitely surprising,
 * and a perennially large tag, whose window looks like its baseline, scores near zero.
 */
export interface TrendCounts {
  windowUses: number;
  baselineUses: number;
}

export interface TrendWindows {
  windowHours: number;
  baselineHours: number;
  /** Uses per hour added under the square root. */
  smoothing: number;
}

export const TREND_WINDOWS: TrendWindows = { windowHours: 6, baselineHours: 7 * 24, smoothing: 1 };

export function trendScore(counts: TrendCounts, windows: TrendWindows = TREND_WINDOWS): number {
  const windowRate = counts.windowUses / windows.windowHours;
  const baselineRate = counts.baselineUses / windows.baselineHours;
  return (windowRate - baselineRate) / Math.sqrt(baselineRate + windows.smoothing);
}

/**
 * Engagement with time decay, the order of a tag's top posts (the refresh job computes the same in SQL,
 * this is its reference): likes, comments counting double, divided by (age in hours + 2)^1.5, so a fresh
 * post with a few likes passes an old one with many.
 */
export function topPostScore(likes: number, comments: number, ageHours: number): number {
  return (1 + likes + 2 * comments) / (Math.max(ageHours, 0) + 2) ** 1.5;
}
