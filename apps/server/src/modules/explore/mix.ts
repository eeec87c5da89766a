/**
 * Explore's ranking pass, pure over facts already loaded: scores candidates from several sources, then
 * orders them so no author shows twice in a row and none more than a few times per page.
 */
export type Source = 'collaborative' | 'network' | 'hashtag' | 'trending' | 'popular';

export interface ExploreCandidate {
  postId: string;
  authorId: string;
  /** The raw strength each source gave the post (absent when that source did not propose it). */
  sources: Partial<Record<Source, number>>;
  likeCount: number;
  ageHours: number;
  /** The viewer's past likes, comments and visits of the author (not followed, but engaged with). */
  affinity: number;
  seen: boolean;
}

/**
 * How much each source counts once normalised to [0, 1] within its own list. Posts liked by people with
 * the viewer's likes say the most about taste; the network and followed hashtags come next; what is
 * trending or popular for everyone fills in, and is all a brand new account has.
 */
export const SOURCE_WEIGHTS: Readonly<Record<Source, number>> = {
  collaborative: 3,
  network: 1.2,
  hashtag: 1.2,
  trending: 0.8,
  popular: 0.5,
};

/** Posts an account may have on one page of this many tiles. */
export const EXPLORE_PAGE = 24;
export const PER_AUTHOR_PER_PAGE = 2;

export function scoreCandidates<C extends ExploreCandidate>(
  candidates: readonly C[],
): (C & { score: number })[] {
  const max: Partial<Record<Source, number>> = {};
  for (const c of candidates) {
    for (const [source, value] of Object.entries(c.sources) as [Source, number][]) {
      max[source] = Math.max(max[source] ?? 0, value);
    }
  }
  const maxLikes = Math.max(1, ...candidates.map((c) => c.likeCount));
  return candidates.map((c) => {
    let score = 0;
    for (const [source, value] of Object.entries(c.sources) as [Source, number][]) {
      const top = max[source] ?? 0;
      if (top > 0) score += SOURCE_WEIGHTS[source] * (value / top);
    }
    score += 0.3 * Math.log1p(c.affinity);
    score += 0.2 * (Math.log1p(c.likeCount) / Math.log1p(maxLikes));
    // A week-old post keeps half of its freshness bonus.
    score += 0.3 * 0.5 ** (c.ageHours / 168);
    if (c.seen) score -= 1.5;
    return { ...c, score };
  });
}

/**
 * Best first, with two rules: never the same author twice in a row, and at most `perAuthor` posts of one
 * author in each page of `pageSize` while other authors are left (a small community runs out of them).
 * A post that does not fit waits; one that can only follow its own author (the last author left) is
 * dropped rather than shown twice in a row.
 */
export function diversify<C extends { postId: string; authorId: string; score: number }>(
  scored: readonly C[],
  options: { pageSize?: number; perAuthor?: number } = {},
): C[] {
  const pageSize = options.pageSize ?? EXPLORE_PAGE;
  const perAuthor = options.perAuthor ?? PER_AUTHOR_PER_PAGE;
  const pool = [...scored].sort(
    (a, b) => b.score - a.score || (BigInt(b.postId) > BigInt(a.postId) ? 1 : -1),
  );
  const out: C[] = [];
  let onPage = new Map<string, number>();
  while (pool.length > 0) {
    if (out.length % pageSize === 0) onPage = new Map();
    const previous = out.at(-1)?.authorId;
    let pick = pool.findIndex((c) => c.authorId !== previous && (onPage.get(c.authorId) ?? 0) < perAuthor);
    if (pick < 0) pick = pool.findIndex((c) => c.authorId !== previous);
    if (pick < 0) break;
    const [chosen] = pool.splice(pick, 1);
    out.push(chosen!);
    onPage.set(chosen!.authorId, (onPage.get(chosen!.authorId) ?? 0) + 1);
  }
  return out;
}
