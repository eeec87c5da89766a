import { describe, expect, it } from 'vitest';
import { diversify, type ExploreCandidate, scoreCandidates } from './mix';

const candidate = (
  postId: string,
  authorId: string,
  sources: ExploreCandidate['sources'],
): ExploreCandidate => ({
  postId,
  authorId,
  sources,
  likeCount: 0,
  ageHours: 1,
  affinity: 0,
  seen: false,
});

describe('explore mixing', () => {
  it('ranks what similar people liked above what is merely popular', () => {
    const [cf, popular] = scoreCandidates([
      candidate('1', 'a', { collaborative: 0.4 }),
      candidate('2', 'b', { popular: 900 }),
    ]);
    expect(cf!.score).toBeGreaterThan(popular!.score);
  });

  it('moves seen posts down', () => {
    const [fresh, seen] = scoreCandidates([
      candidate('1', 'a', { trending: 1 }),
      { ...candidate('2', 'b', { trending: 1 }), seen: true },
    ]);
    expect(fresh!.score).toBeGreaterThan(seen!.score);
  });

  it('never puts an author twice in a row and caps each author per page while others are left', () => {
    const scored = [
      ...Array.from({ length: 6 }, (_, i) => ({ postId: `${100 + i}`, authorId: 'star', score: 10 - i })),
      ...Array.from({ length: 6 }, (_, i) => ({ postId: `${200 + i}`, authorId: `a${i}`, score: 1 })),
    ];
    const ordered = diversify(scored, { pageSize: 6, perAuthor: 2 });
    ordered.forEach((c, i) => {
      if (i > 0) expect(c.authorId).not.toBe(ordered[i - 1]!.authorId);
    });
    expect(ordered.slice(0, 6).filter((c) => c.authorId === 'star')).toHaveLength(2);
    expect(new Set(ordered.map((c) => c.postId)).size).toBe(ordered.length);
  });

  it('drops what could only follow its own author', () => {
    const ordered = diversify([
      { postId: '1', authorId: 'a', score: 3 },
      { postId: '2', authorId: 'a', score: 2 },
    ]);
    expect(ordered.map((c) => c.postId)).toEqual(['1']);
  });
});
