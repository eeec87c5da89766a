/**
 * `npm run eval:ranking`: offline evaluation of the ranked home feed on a simulated community with
 * hidden tastes. People and posts carry topics; whether a person engages with a post they see depends
 * on their (hidden) taste for its topic and the post's quality, never on anything the model can read
 * directly. The model sees only the features the feed computes (affinity from past likes and comments,
 * freshness, velocity, carousel, seen, mutual follow), is trained on the first ten days of chronological
 * feeds, and is judged on the last four: AUC on what was shown, and the share of the first ten slots the
 * viewer would engage with, against plain chronological order on the same candidates and outcomes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CandidateFacts, FEATURE_NAMES, featuresOf } from '../src/modules/ranking/features';
import { auc, type Example, predict, train } from '../src/modules/ranking/model';

const TOPICS = 8;
const PEOPLE = 400;
const FOLLOWS_EACH = 40;
const DAYS = 14;
const TRAIN_DAYS = 10;
const FEED_SIZE = 20;
const POSTS_PER_DAY = 0.8;

let state = 20_261_121;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pickIndex = (n: number) => Math.floor(random() * n);

interface Person {
  taste: number[];
  follows: Set<number>;
}
interface Post {
  id: number;
  author: number;
  topic: number;
  quality: number;
  hour: number;
  photos: number;
  likes: number;
  comments: number;
}

const people: Person[] = Array.from({ length: PEOPLE }, () => {
  const taste = new Array<number>(TOPICS).fill(0.05);
  taste[pickIndex(TOPICS)] = 1;
  taste[pickIndex(TOPICS)] = Math.max(taste[0] ?? 0, 0.6);
  return { taste, follows: new Set<number>() };
});
for (const [i, person] of people.entries()) {
  while (person.follows.size < FOLLOWS_EACH) {
    const other = pickIndex(PEOPLE);
    if (other !== i) person.follows.add(other);
  }
}
const favouriteTopic = (p: Person) => p.taste.indexOf(Math.max(...p.taste));

const posts: Post[] = [];
for (let day = 0; day < DAYS; day++) {
  for (let author = 0; author < PEOPLE; author++) {
    if (random() > POSTS_PER_DAY) continue;
    posts.push({
      id: posts.length,
      author,
      topic: random() < 0.7 ? favouriteTopic(people[author]!) : pickIndex(TOPICS),
      quality: random(),
      hour: day * 24 + random() * 24,
      photos: random() < 0.3 ? 3 : 1,
      likes: 0,
      comments: 0,
    });
  }
}

/** The hidden truth: how likely `viewer` is to engage with `post` when shown it. */
const engageProbability = (viewer: number, post: Post) =>
  1 / (1 + Math.exp(-(4 * (people[viewer]!.taste[post.topic] ?? 0) + 1.5 * post.quality - 4.2)));

// Outcomes are drawn once per (viewer, post), so every ordering faces the same world.
const outcomeCache = new Map<string, boolean>();
const wouldEngage = (viewer: number, post: Post) => {
  const key = `${viewer}:${post.id}`;
  let outcome = outcomeCache.get(key);
  if (outcome === undefined) {
    outcome = random() < engageProbability(viewer, post);
    outcomeCache.set(key, outcome);
  }
  return outcome;
};

const affinity = new Map<string, { likes: number; comments: number }>();
const seen = new Set<string>();
const factsOf = (viewer: number, post: Post, hour: number): CandidateFacts => {
  const a = affinity.get(`${viewer}:${post.author}`);
  return {
    viewerLikesOfAuthor: a?.likes ?? 0,
    viewerCommentsOnAuthor: a?.comments ?? 0,
    viewerVisitsOfAuthor: 0,
    ageHours: hour - post.hour,
    likeCount: post.likes,
    commentCount: post.comments,
    photoCount: post.photos,
    seen: seen.has(`${viewer}:${post.id}`),
    mutual: people[post.author]!.follows.has(viewer),
  };
};

const candidatesAt = (viewer: number, hour: number) =>
  posts
    .filter((p) => p.hour <= hour && p.hour > hour - 72 && people[viewer]!.follows.has(p.author))
    .sort((a, b) => b.hour - a.hour);

const training: Example[] = [];
const testScores: number[] = [];
const testLabels: (0 | 1)[] = [];
let model = train([], FEATURE_NAMES);
const topTen = { ranked: 0, chronological: 0, slots: 0 };

for (let day = 1; day < DAYS; day++) {
  if (day === TRAIN_DAYS) model = train(training, FEATURE_NAMES);
  const hour = day * 24 + 20; // everyone opens the app in the evening
  for (let viewer = 0; viewer < PEOPLE; viewer++) {
    const candidates = candidatesAt(viewer, hour);
    if (candidates.length === 0) continue;
    const scored = candidates.map((post) => {
      const features = featuresOf(factsOf(viewer, post, hour));
      return { post, features, score: predict(model, features) };
    });
    if (day >= TRAIN_DAYS) {
      const ranked = [...scored].sort((a, b) => b.score - a.score).slice(0, 10);
      topTen.ranked += ranked.filter((s) => wouldEngage(viewer, s.post)).length;
      topTen.chronological += scored.slice(0, 10).filter((s) => wouldEngage(viewer, s.post)).length;
      topTen.slots += Math.min(10, scored.length);
    }
    // What the person is shown (chronological during training, ranked once the model exists) and does.
    const shown = (day >= TRAIN_DAYS ? [...scored].sort((a, b) => b.score - a.score) : scored).slice(
      0,
      FEED_SIZE,
    );
    for (const item of shown) {
      const engaged = wouldEngage(viewer, item.post);
      if (day < TRAIN_DAYS) training.push({ features: item.features, label: engaged ? 1 : 0 });
      else {
        testScores.push(item.score);
        testLabels.push(engaged ? 1 : 0);
      }
      seen.add(`${viewer}:${item.post.id}`);
      if (engaged) {
        item.post.likes += 1;
        const key = `${viewer}:${item.post.author}`;
        const a = affinity.get(key) ?? { likes: 0, comments: 0 };
        a.likes += 1;
        if (random() < 0.25) {
          a.comments += 1;
          item.post.comments += 1;
        }
        affinity.set(key, a);
      }
    }
  }
}

const figures = {
  people: PEOPLE,
  posts: posts.length,
  trainingExamples: training.length,
  testImpressions: testScores.length,
  auc: auc(testScores, testLabels),
  top10EngagedShareRanked: topTen.ranked / topTen.slots,
  top10EngagedShareChronological: topTen.chronological / topTen.slots,
  weights: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, model.weights[i]])),
  bias: model.weights[FEATURE_NAMES.length],
};
const lift = figures.top10EngagedShareRanked / figures.top10EngagedShareChronological;
console.log(
  `ranking evaluation on a simulated community (${PEOPLE} people, ${posts.length} posts, hidden tastes)`,
);
console.log(`  offline AUC (test days):                 ${figures.auc.toFixed(3)}`);
console.log(
  `  first-ten engaged share, ranked:          ${(100 * figures.top10EngagedShareRanked).toFixed(1)}%`,
);
console.log(
  `  first-ten engaged share, chronological:   ${(100 * figures.top10EngagedShareChronological).toFixed(1)}%`,
);
console.log(`  lift over chronological:                  ${lift.toFixed(2)}x`);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'ranking.json'), `${JSON.stringify({ ...figures, lift }, null, 2)}\n`);
