/**
 * Logistic regression in plain TypeScript: the ranked feed's model. Small on purpose — a handful of
 * features, trained in milliseconds by full-batch gradient descent with L2 regularisation — so it can
 * be retrained by a scheduled job and read by anyone.
 */
export interface Example {
  features: readonly number[];
  /** 1 when the viewer engaged (liked, commented, saved) after seeing the post. */
  label: 0 | 1;
}

export interface Model {
  /** One weight per feature, then the bias. */
  weights: number[];
  featureNames: readonly string[];
  trainedAt: string;
  examples: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: Pick<Model, 'weights'>, features: readonly number[]): number {
  let z = model.weights[features.length] ?? 0;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0);
  return sigmoid(z);
}

export function train(
  examples: readonly Example[],
  featureNames: readonly string[],
  options: { epochs?: number; learningRate?: number; l2?: number } = {},
): Model {
  const epochs = options.epochs ?? 300;
  const rate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-3;
  const n = featureNames.length;
  const weights = new Array<number>(n + 1).fill(0);
  if (examples.length === 0)
    return { weights, featureNames, trainedAt: new Date().toISOString(), examples: 0 };
  // Classes are unbalanced (most impressions are not engaged with): weight positives up so the model
  // does not learn to say "no" to everything.
  const positives = examples.filter((e) => e.label === 1).length;
  const positiveWeight = positives > 0 ? (examples.length - positives) / positives : 1;
  const gradient = new Array<number>(n + 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    let total = 0;
    for (const example of examples) {
      const weight = example.label === 1 ? positiveWeight : 1;
      const error = (predict({ weights }, example.features) - example.label) * weight;
      for (let i = 0; i < n; i++) gradient[i]! += error * (example.features[i] ?? 0);
      gradient[n]! += error;
      total += weight;
    }
    for (let i = 0; i <= n; i++) {
      const penalty = i < n ? l2 * weights[i]! : 0;
      weights[i]! -= rate * (gradient[i]! / total + penalty);
    }
  }
  return { weights, featureNames, trainedAt: new Date().toISOString(), examples: examples.length };
}

/** Area under the ROC curve: the chance a random engaged example scores above a random ignored one. */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const pairs = scores
    .map((score, i) => ({ score, label: labels[i] ?? 0 }))
    .sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  let i = 0;
  while (i < pairs.length) {
    let j = i;
    while (j < pairs.length && pairs[j]!.score === pairs[i]!.score) j++;
    const averageRank = (i + j + 1) / 2; // ranks are 1-based; ties share their average rank
    for (let k = i; k < j; k++) {
      if (pairs[k]!.label === 1) {
        rankSum += averageRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
