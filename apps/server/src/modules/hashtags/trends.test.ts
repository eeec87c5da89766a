import { describe, expect, it } from 'vitest';
import { topPostScore, trendScore } from './trends';

describe('trend scores', () => {
  it('ranks a sudden tag above a large steady one', () => {
    const sudden = trendScore({ windowUses: 20, baselineUses: 0 });
    // 500 uses spread over the week: about 18 in six hours, the rest before.
    const steady = trendScore({ windowUses: 18, baselineUses: 482 });
    expect(sudden).toBeGreaterThan(3);
    expect(Math.abs(steady)).toBeLessThan(0.2);
  });

  it('does not trend a tag used less than usual', () => {
    expect(trendScore({ windowUses: 0, baselineUses: 100 })).toBeLessThan(0);
  });

  it('lets a fresh post with a few likes pass an old one with many', () => {
    expect(topPostScore(3, 0, 1)).toBeGreaterThan(topPostScore(30, 5, 72));
  });
});
