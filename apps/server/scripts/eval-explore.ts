/**
 * `npm run eval:explore`: offline evaluation of Explore on a simulated community with hidden tastes, the
 * generator of eval-ranking.ts extended: people carry a taste over topics (one or two favourites), follow
 * mostly people who share their favourite, and like what they are shown according to their taste and
 * the post's quality. The community is built in an embedded database through the real services (likes go
 * through the engagement service, so counters, affinity and the outbox all run),
 * except accounts, posts and follows, inserted in bulk (photos are irrelevant here, and following through
 * the service, notifications included, would make the run several minutes longer). Each person's most
 * recent likes of accounts they do not follow are held back; after the precompute jobs run, Explore is
 * asked for a page of 24 as that person, and judged by recall@24 and nDCG@24 of the held-back likes,
 * against a popularity-only and a random ranking of the same eligible posts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGlimpse } from '../src/app';
import { loadConfig } from '../src/config';
import { rebuildExplorePools, rebuildExploreSimilarity } from '../src/jobs';
import { createLogger } from '../src/platform/logger';

const TOPICS = 8;
const PEOPLE = 300;
const FOLLOWS_EACH = 25;
const POSTS_EACH = 6;
/** Posts each person is shown (at random, as if browsing) before the cut. */
const EXPOSURES = 160;
const HELD_OUT = 5;
const K = 24;

let state = 20_261_121;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pickIndex = (n: number) => Math.floor(random() * n);

interface Person {
  id: string;
  taste: number[];
  favourite: number;
  follows: Set<number>;
}
interface Post {
  id: string;
  author: number;
  topic: number;
  quality: number;
}

const people: Person[] = Array.from({ length: PEOPLE }, () => {
  const taste = new Array<number>(TOPICS).fill(0.05);
  const favourite = pickIndex(TOPICS);
  taste[pickIndex(TOPICS)] = 0.6;
  taste[favourite] = 1;
  return { id: '', taste, favourite, follows: new Set<number>() };
});
for (const [i, person] of people.entries()) {
  while (person.follows.size < FOLLOWS_EACH) {
    const other = pickIndex(PEOPLE);
    // Mostly people who share the favourite topic: taste shapes the graph, as it does in real life.
    if (other === i || (random() < 0.7 && people[other]!.favourite !== person.favourite)) continue;
    person.follows.add(other);
  }
}
const posts: Post[] = [];
for (let author = 0; author < PEOPLE; author++) {
  for (let n = 0; n < POSTS_EACH; n++) {
    posts.push({
      id: '',
      author,
      topic: random() < 0.8 ? people[author]!.favourite : pickIndex(TOPICS),
      quality: random(),
    });
  }
}

/** The hidden truth: how likely a person is to like a post when shown it (eval-ranking's curve). */
const likeProbability = (viewer: Person, post: Post) =>
  1 / (1 + Math.exp(-(4 * (viewer.taste[post.topic] ?? 0) + 1.5 * post.quality - 4.2)));

// Who likes what, in time order: a person's exposures come in a random order.
const likes: { person: number; post: number }[] = [];
for (let person = 0; person < PEOPLE; person++) {
  const shown = new Set<number>();
  while (shown.size < EXPOSURES) shown.add(pickIndex(posts.length));
  for (const p of shown) {
    if (posts[p]!.author !== person && random() < likeProbability(people[person]!, posts[p]!))
      likes.push({ person, post: p });
  }
}
// Interleave people so like IDs (time-sortable) mix everyone's history like a real day would.
likes.sort(() => random() - 0.5);

// Hold back each person's last likes of accounts they do not follow: what Explore should find.
const heldOut = new Map<number, Set<number>>();
const kept: typeof likes = [];
for (let i = likes.length - 1; i >= 0; i--) {
  const like = likes[i]!;
  const held = heldOut.get(like.person) ?? new Set<number>();
  const followed = people[like.person]!.follows.has(posts[like.post]!.author);
  if (!followed && held.size < HELD_OUT) {
    held.add(like.post);
    heldOut.set(like.person, held);
  } else kept.push(like);
}
kept.reverse();

const dcgAt = (ranked: readonly string[], relevant: ReadonlySet<string>) =>
  ranked.slice(0, K).reduce((sum, id, i) => sum + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
const idealDcg = (n: number) =>
  Array.from({ length: Math.min(n, K) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);

async function main() {
  const started = Date.now();
  const config = {
    ...loadConfig({ GLIMPSE_SEED: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', PORT: '0' }),
    database: { kind: 'pglite' as const, dir: null },
  };
  const glimpse = await createGlimpse(config, createLogger('silent'));
  const { db, queue } = glimpse.platform;
  const { services } = glimpse;
  try {
    // Accounts and posts straight into the tables; follows and likes through the services.
    const userRows = await db.query<{ id: string }>(
      `/* evalPeople */ insert into users (username, email, password_hash)
       select 'sim' || n, 'sim' || n || '@example.test', 'x' from generate_series(0, $1 - 1) n
       order by n returning id::text as id`,
      [PEOPLE],
    );
    const byName = await db.query<{ id: string; n: number }>(
      `/* evalPeopleOrder */ select id::text as id, substring(username from 4)::int as n from users
       where username like 'sim%'`,
    );
    for (const row of byName) people[row.n]!.id = row.id;
    if (userRows.length !== PEOPLE) throw new Error('people not created');
    const postRows = await db.query<{ id: string; n: number }>(
      `/* evalPosts */ insert into posts (id, author_id, caption, status)
       select next_id(shard_of(a.id)), a.id, 'sim post ' || x.n, 'ready'
       from jsonb_to_recordset($1::jsonb) as x(n int, author bigint) join users a on a.id = x.author
       returning id::text as id, substring(caption from 10)::int as n`,
      [JSON.stringify(posts.map((p, n) => ({ n, author: people[p.author]!.id })))],
    );
    for (const row of postRows) posts[row.n]!.id = row.id;
    await db.query(
      `/* evalPostCounts */ update users u set post_count = (select count(*) from posts p where p.author_id = u.id)`,
    );
    await db.query(
      `/* evalFollows */ insert into follows (id, follower_id, followee_id)
       select next_id(shard_of(x.follower)), x.follower, x.followee
       from jsonb_to_recordset($1::jsonb) as x(follower bigint, followee bigint)`,
      [
        JSON.stringify(
          people.flatMap((person) =>
            [...person.follows].map((other) => ({ follower: person.id, followee: people[other]!.id })),
          ),
        ),
      ],
    );
    await db.query(
      `/* evalFollowCounts */ update users u set
         follower_count = (select count(*) from follows f where f.followee_id = u.id),
         following_count = (select count(*) from follows f where f.follower_id = u.id)`,
    );
    // A few people liking at once, as on a real day.
    for (let i = 0; i < kept.length; i += 8) {
      await Promise.all(
        kept
          .slice(i, i + 8)
          .map((like) => services.engagement.like(people[like.person]!.id, posts[like.post]!.id)),
      );
    }
    await glimpse.jobsIdle();
    const built = Date.now();

    await queue.enqueue(rebuildExploreSimilarity, {});
    await glimpse.jobsIdle();
    const similar = Date.now();
    await queue.enqueue(rebuildExplorePools, {});
    await glimpse.jobsIdle();
    const precomputed = Date.now();

    const likedBy = new Map<number, Set<string>>();
    for (const like of kept) {
      const set = likedBy.get(like.person) ?? new Set<string>();
      set.add(posts[like.post]!.id);
      likedBy.set(like.person, set);
    }
    const authorOf = new Map(posts.map((p) => [p.id, p.author]));
    const likeCount = new Map<string, number>();
    for (const like of kept)
      likeCount.set(posts[like.post]!.id, (likeCount.get(posts[like.post]!.id) ?? 0) + 1);
    const byPopularity = [...posts].sort(
      (a, b) => (likeCount.get(b.id) ?? 0) - (likeCount.get(a.id) ?? 0) || (a.id < b.id ? 1 : -1),
    );

    const totals = {
      explore: { recall: 0, ndcg: 0 },
      popular: { recall: 0, ndcg: 0 },
      random: { recall: 0, ndcg: 0 },
    };
    let judged = 0;
    let pageMs = 0;
    for (const [index, person] of people.entries()) {
      const held = heldOut.get(index);
      if (!held || held.size === 0) continue;
      const relevant = new Set([...held].map((p) => posts[p]!.id));
      // The same eligibility Explore applies: not followed, not own, not already liked.
      const eligible = (id: string) => {
        const author = authorOf.get(id)!;
        return author !== index && !person.follows.has(author) && !likedBy.get(index)?.has(id);
      };
      const t = Date.now();
      const page = await services.explore.page(person.id, { first: K, after: null });
      pageMs += Date.now() - t;
      const rankings = {
        explore: page.items.map((item) => item.postId),
        popular: byPopularity
          .map((p) => p.id)
          .filter(eligible)
          .slice(0, K),
        random: posts
          .map((p) => p.id)
          .filter(eligible)
          .map((id) => ({ id, r: random() }))
          .sort((a, b) => a.r - b.r)
          .slice(0, K)
          .map((x) => x.id),
      };
      for (const [name, ranked] of Object.entries(rankings) as [keyof typeof totals, string[]][]) {
        const hits = ranked.slice(0, K).filter((id) => relevant.has(id)).length;
        totals[name].recall += hits / relevant.size;
        totals[name].ndcg += dcgAt(ranked, relevant) / idealDcg(relevant.size);
      }
      judged += 1;
    }

    const mean = (x: number) => x / Math.max(judged, 1);
    const figures = {
      people: PEOPLE,
      posts: posts.length,
      likes: kept.length,
      heldOutLikes: [...heldOut.values()].reduce((n, s) => n + s.size, 0),
      judgedPeople: judged,
      k: K,
      recallAt24: {
        explore: mean(totals.explore.recall),
        popular: mean(totals.popular.recall),
        random: mean(totals.random.recall),
      },
      ndcgAt24: {
        explore: mean(totals.explore.ndcg),
        popular: mean(totals.popular.ndcg),
        random: mean(totals.random.ndcg),
      },
      liftOverPopular: mean(totals.explore.recall) / Math.max(mean(totals.popular.recall), 1e-9),
      seconds: {
        build: (built - started) / 1000,
        similarity: (similar - built) / 1000,
        pools: (precomputed - similar) / 1000,
        meanFirstPageMs: pageMs / Math.max(judged, 1),
      },
    };

    const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(8);
    const rows = (['explore', 'popular', 'random'] as const).map(
      (name) =>
        `| ${name.padEnd(10)} | ${pct(figures.recallAt24[name])} | ${figures.ndcgAt24[name].toFixed(3).padStart(7)} |`,
    );
    const table = [
      '| ranking    | recall@24 | nDCG@24 |',
      '|------------|----------:|--------:|',
      ...rows,
    ].join('\n');
    console.log(
      `explore evaluation on a simulated community (${PEOPLE} people, ${posts.length} posts, ${kept.length} likes, ` +
        `${figures.heldOutLikes} held back)`,
    );
    console.log(table);
    console.log(`explore / popular recall@24: ${figures.liftOverPopular.toFixed(2)}x (target: at least 2x)`);
    console.log(
      `build ${figures.seconds.build.toFixed(1)} s, similarity ${figures.seconds.similarity.toFixed(1)} s, pools ${figures.seconds.pools.toFixed(1)} s, ` +
        `first page ${figures.seconds.meanFirstPageMs.toFixed(1)} ms on average`,
    );
    const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'explore.json'), `${JSON.stringify(figures, null, 2)}\n`);
    writeFileSync(
      path.join(out, 'explore.md'),
      `# Explore offline evaluation\n\n${PEOPLE} simulated people, ${posts.length} posts, ${kept.length} likes; ` +
        `each person's last ${HELD_OUT} likes of unfollowed accounts held back (${figures.heldOutLikes} in all).\n\n` +
        `${table}\n\nExplore / popular recall@24: ${figures.liftOverPopular.toFixed(2)}x.\n`,
    );
  } finally {
    await glimpse.close();
  }
}

await main();
