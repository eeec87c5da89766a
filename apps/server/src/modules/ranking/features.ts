/**
 * The ranked feed's features for one (viewer, post) pair, computed from counts the database keeps.
 * Pure functions, so the feed, the training job and the offline evaluation share one definition.
 */
export interface CandidateFacts {
  /** The viewer's likes, comments and saves on this author's posts in the last 90 days. */
  viewerLikesOfAuthor: number;
  viewerCommentsOnAuthor: number;
  /** The viewer's profile visits and story views of this author (0 until those are tracked). */
  viewerVisitsOfAuthor: number;
  /** Hours since the post was published. */
  ageHours: number;
  likeCount: number;
  commentCount: number;
  photoCount: number;
  /** The viewer has already been shown this post. */
  seen: boolean;
  /** The author follows the viewer back. */
  mutual: boolean;
}

export const FEATURE_NAMES = [
  'affinity_likes',
  'affinity_comments',
  'affinity_visits',
  'freshness',
  'velocity',
  'carousel',
  'seen',
  'mutual',
] as const;

export function featuresOf(facts: CandidateFacts): number[] {
  const age = Math.max(facts.ageHours, 0);
  // Velocity over at least a quarter of an hour, so a post's first like does not look like a landslide.
  const velocityAge = Math.max(age, 0.25);
  return [
    Math.log1p(facts.viewerLikesOfAuthor),
    Math.log1p(facts.viewerCommentsOnAuthor),
    Math.log1p(facts.viewerVisitsOfAuthor),
    // Exponential decay with a one-day half-life: yesterday's post counts half as fresh as today's.
    2 ** (-age / 24),
    // Early engagement velocity: interactions per hour, compressed.
    Math.log1p((facts.likeCount + 2 * facts.commentCount) / velocityAge),
    facts.photoCount > 1 ? 1 : 0,
    facts.seen ? 1 : 0,
    facts.mutual ? 1 : 0,
  ];
}
