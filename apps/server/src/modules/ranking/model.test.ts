import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, featuresOf } from './features';
import { auc, type Example, predict, train } from './model';

describe('ranking model', () => {
  it('computes AUC with ties', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
    expect(auc([1, 2, 3], [0, 0, 0])).toBe(0.5);
  });

  it('learns a separable signal and ranks by it', () => {
    // Engagement follows affinity; freshness is noise here.
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const examples: Example[] = Array.from({ length: 2000 }, () => {
      const likes = Math.floor(random() * 20);
      const facts = {
        viewerLikesOfAuthor: likes,
        viewerCommentsOnAuthor: 0,
        viewerVisitsOfAuthor: 0,
        ageHours: random() * 72,
        likeCount: Math.floor(random() * 50),
        commentCount: 0,
        photoCount: 1,
        seen: random() < 0.2,
        mutual: false,
      };
      return { features: featuresOf(facts), label: random() < 0.05 + likes / 25 ? 1 : 0 };
    });
    const model = train(examples.slice(0, 1500), FEATURE_NAMES);
    const test = examples.slice(1500);
    const score = auc(
      test.map((e) => predict(model, e.features)),
      test.map((e) => e.label),
    );
    expect(score).toBeGreaterThan(0.75);
    expect(model.weights[0]).toBeGreaterThan(0); // more affinity, more engagement
  });
});
