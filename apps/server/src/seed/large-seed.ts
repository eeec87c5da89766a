import { randomBytes } from 'node:crypto';
import { hashPassword } from '../modules/accounts/passwords';
import { storeRendered } from '../modules/media/store';
import type { BlobStore } from '../platform/blobs/port';
import type { Db, Queryable } from '../platform/db';
import { centredCrop, generateDemoPhoto, POST_ASPECT, renderImage } from '../platform/media';
import { DEMO_PASSWORD } from './demo-people';
import {
  CAPTIONS,
  COMMENTS,
  FIRST_NAMES,
  HASHTAGS,
  LAST_NAMES,
  LargePlan,
  type LargeSizes,
  sqlTextArray,
} from './large-sql';

/**
 * The benchmark data set: tens of thousands of users, a million follows, hundreds of thousands of
 * posts, built by set-based SQL in minutes. IDs follow the production scheme (time, owner's shard,
 * sequence) with backdated times, so keyset order is time order; counters are set from the rows.
 */

export type { LargeSizes };

export interface LargeOptions {
  sizes: LargeSizes;
  /** Empty every Glimpse table first; without it a database that has users is refused. */
  reset: boolean;
  /** Real photos rendered once and shared by every post (default 8). */
  photos?: number;
  log?: (line: string) => void;
}

export interface LargeReport {
  counts: Record<'users' | 'follows' | 'posts' | 'post_media' | 'likes' | 'comments', number>;
  steps: { name: string; rows: number; ms: number }[];
  totalMs: number;
  /** Accounts the feed benchmark reads as: following many (heavy) and few (light). */
  heavy: { username: string; following: number };
  light: { username: string; following: number };
}

export const FULL_SIZES: LargeSizes = {
  users: 10_000,
  follows: 1_000_000,
  posts: 200_000,
  likes: 1_000_000,
  comments: 200_000,
};
export const SMALL_SIZES: LargeSizes = {
  users: 500,
  follows: 20_000,
  posts: 5_000,
  likes: 20_000,
  comments: 5_000,
};

export const HEAVY_USERNAME = 'bench_heavy';
export const LIGHT_USERNAME = 'bench_light';
const HEAVY_FOLLOWING = 5_000;
const LIGHT_FOLLOWING = 10;
/** A tenth of the comments are replies to another comment. */
const REPLY_SHARE = 0.1;

export class LargeSeedError extends Error {
  override name = 'LargeSeedError';
}

export async function seedLarge(
  deps: { db: Db; blobs: BlobStore },
  options: LargeOptions,
): Promise<LargeReport> {
  const { db, blobs } = deps;
  const { sizes } = options;
  const log = options.log ?? (() => {});
  checkSizes(sizes);
  const plan = new LargePlan(sizes);
  const heavyFollowing = Math.min(HEAVY_FOLLOWING, sizes.users - 1);
  const lightFollowing = Math.min(LIGHT_FOLLOWING, sizes.users - 1);
  const started = performance.now();
  const steps: LargeReport['steps'] = [];
  /** Up to three distinct hashtag indexes of post ordinal `ord` (a quarter of posts have none), popular tags first. */
  const postTags = (ord: string) =>
    `select distinct floor(${HASHTAGS.length} * power(${plan.rnd(`(${ord}) * 4 + k`, 601)}, 2.2))::int as t
     from generate_series(0, (${ord}) % 4 - 1) k`;
  /** Hashtag index `t`'s ID: distinct sequence numbers in the first millisecond of the window. */
  const hashtagId = (t: string) => `make_id(${plan.start}::bigint, 0, (${t})::bigint)`;

  /** One step in its own transaction, tuned for bulk work: no timeout, no waiting on the WAL flush. */
  const step = async (name: string, work: (tx: Queryable) => Promise<number>) => {
    const t = performance.now();
    const rows = await db.transaction(async (tx) => {
      await tx.query('set local statement_timeout = 0');
      await tx.query('set local synchronous_commit = off');
      await tx.query("set local work_mem = '256MB'");
      return work(tx);
    });
    const ms = performance.now() - t;
    steps.push({ name, rows, ms });
    log(
      `${name.padEnd(36)}${rows.toLocaleString('en-US').padStart(12)} rows ${(ms / 1000).toFixed(1).padStart(7)} s`,
    );
  };
  const count = async (tx: Queryable, sql: string, params: readonly string[] = []) => {
    const [row] = await tx.query<{ n: number }>(sql, params);
    return row?.n ?? 0;
  };

  await step('check / reset', (tx) => emptyOrReset(tx, options.reset));
  const photos = await renderPhotos(blobs, Math.min(options.photos ?? 8, sizes.posts));
  steps.push({ name: 'render photos', rows: photos.count, ms: photos.ms });
  log(
    `${'render photos'.padEnd(36)}${String(photos.count).padStart(12)} rows ${(photos.ms / 1000).toFixed(1).padStart(7)} s`,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await step('users', (tx) =>
    count(
      tx,
      `/* benchUsers */ with ins as (
         insert into users (id, username, email, password_hash, display_name, bio, created_at, updated_at)
         select ${plan.userId('o')}, n.name, n.name || '@bench.example', $1, initcap(w.first || ' ' || w.last),
           'Benchmark account', to_timestamp(${plan.userMs('o')} / 1000.0), to_timestamp(${plan.userMs('o')} / 1000.0)
         from generate_series(0, ${sizes.users - 1}) o,
           lateral (select (${sqlTextArray(FIRST_NAMES)})[1 + o % ${FIRST_NAMES.length}] as first,
                      (${sqlTextArray(LAST_NAMES)})[1 + (o / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] as last) w,
           lateral (select case o when 0 then '${HEAVY_USERNAME}' when 1 then '${LIGHT_USERNAME}'
                    else w.first || (case o % 3 when 0 then '.' else '_' end) || w.last
                      || (case when o % 4 = 0 then (o % 97)::text else '' end) end as name) n
         returning 1
       ) select count(*)::int as n from ins`,
      [passwordHash],
    ),
  );

  // Follow IDs take increasing milliseconds by row number across the 90 days, so they never collide.
  const insertFollows = (pairs: string, offset: number) => `
    with pairs as (${pairs}),
    numbered as (select f, e, ${offset} + row_number() over () as rn from pairs),
    timed as (select f, e, rn, ${plan.start}::bigint + rn * ${plan.span} / ${sizes.follows + 1} as ms from numbered),
    ins as (
      insert into follows (id, follower_id, followee_id, created_at)
      select make_id(ms, ${plan.userShard('f')}, rn), ${plan.userId('f')}, ${plan.userId('e')}, to_timestamp(ms / 1000.0)
      from timed order by f, e on conflict do nothing returning 1
    ) select count(*)::int as n from ins`;

  let follows = 0;
  await step(`follows (${HEAVY_USERNAME}, ${LIGHT_USERNAME})`, async (tx) => {
    // The heavy account follows the most popular accounts; the light one a spread of ranks.
    const stride = Math.max(1, Math.floor((sizes.users - 1) / (lightFollowing + 1)));
    const ranked = `select ${plan.rankedUser('r')} as o, r from generate_series(0, ${sizes.users - 1}) r`;
    follows = await count(
      tx,
      `/* benchFollowsSpecial */ ${insertFollows(
        `(select 0::bigint as f, o as e from (${ranked}) x where o <> 0 order by r limit ${heavyFollowing})
         union all
         (select 1::bigint, o from (${ranked}) x where o <> 1 and r % ${stride} = 0 order by r limit ${lightFollowing})`,
        0,
      )}`,
    );
    return follows;
  });
  await step('follows (power law)', async (tx) => {
    // Followees are drawn with a power-law skew (a few accounts get thousands of followers); repeated
    // pairs are dropped, so draw more than needed and top up until the target is met exactly.
    let salt = 100;
    const before = follows;
    while (follows < sizes.follows) {
      const remaining = sizes.follows - follows;
      if (salt > 120)
        throw new LargeSeedError(`could not draw ${remaining} more distinct follows; lower --follows`);
      const candidates = Math.ceil(remaining * 1.3) + 1000;
      follows += await count(
        tx,
        `/* benchFollows */ ${insertFollows(
          `select distinct f, e from (
             select 2 + floor(${sizes.users - 2} * ${plan.rnd('g', salt)})::bigint as f,
               ${plan.popularUser(plan.rnd('g', salt + 1), 2.5)} as e
             from generate_series(1, ${candidates}) g
           ) c where f <> e limit ${remaining}`,
          follows,
        )}`,
      );
      salt += 2;
    }
    return follows - before;
  });

  await step('posts', (tx) =>
    count(
      tx,
      `/* benchPosts */ with ins as (
         insert into posts (id, author_id, caption, status, created_at)
         select make_id(ms, ${plan.userShard('a')}, p), ${plan.userId('a')},
           (${sqlTextArray(CAPTIONS)})[1 + p % ${CAPTIONS.length}] || coalesce((
             select ' ' || string_agg('#' || (${sqlTextArray(HASHTAGS)})[1 + t], ' ' order by t)
             from (${postTags('p')}) tags
           ), ''),
           'ready', to_timestamp(ms / 1000.0)
         from (select p, ${plan.postMs('p')} as ms, ${plan.postAuthor('p')} as a from generate_series(0, ${sizes.posts - 1}) p) x
         returning 1
       ) select count(*)::int as n from ins`,
    ),
  );

  // Every tenth post is a carousel of three. Each shared photo's own media_key goes to one row (the
  // first posts), so the media gate finds a post for its files; the other rows get unique random keys.
  await step('post_media', (tx) =>
    count(
      tx,
      `/* benchPostMedia */ with photos as (
         select (k - 1)::int as k, photo from jsonb_array_elements($1::jsonb) with ordinality as t(photo, k)
       ), ins as (
         insert into post_media (id, post_id, position, alt_text, original_key, media_key, crop, status, width, height,
           thumbhash, dominant_color, variants)
         select make_id(x.ms, ${plan.userShard('x.a')}, x.p + 1 + pos), make_id(x.ms, ${plan.userShard('x.a')}, x.p), pos,
           ph.photo->>'alt', ph.photo->>'originalKey',
           case when x.p < ${photos.count} and pos = 0 then ph.photo->>'mediaKey' else md5($2::text || ':' || x.p || ':' || pos) end,
           ph.photo->'crop', 'ready', (ph.photo->>'width')::int, (ph.photo->>'height')::int, ph.photo->>'thumbhash',
           ph.photo->>'dominantColor', ph.photo->'variants'
         from (select p, ${plan.postMs('p')} as ms, ${plan.postAuthor('p')} as a from generate_series(0, ${sizes.posts - 1}) p) x
         cross join lateral generate_series(0, case when x.p % 10 = 0 then 2 else 0 end) pos
         join photos ph on ph.k = (x.p + pos) % ${photos.count}
         returning 1
       ) select count(*)::int as n from ins`,
      [JSON.stringify(photos.described), randomBytes(16).toString('hex')],
    ),
  );

  // The hashtags the captions carry, with their posts, so hashtag search and pages have real lists.
  await step('hashtags', (tx) =>
    count(
      tx,
      `/* benchHashtags */ with ins as (
         insert into hashtags (id, name, post_count)
         select ${hashtagId('t - 1')}, name, 0 from unnest(${sqlTextArray(HASHTAGS)}) with ordinality as h(name, t)
         returning 1
       ) select count(*)::int as n from ins`,
    ),
  );
  await step('post_hashtags', (tx) =>
    count(
      tx,
      `/* benchPostHashtags */ with ins as (
         insert into post_hashtags (hashtag_id, post_id)
         select ${hashtagId('tags.t')}, ${plan.postId('p')}
         from generate_series(0, ${sizes.posts - 1}) p cross join lateral (${postTags('p')}) tags
         returning 1
       ) select count(*)::int as n from ins`,
    ),
  );

  // Likes and comments come after their post. Rows sharing a millisecond get distinct sequence numbers,
  // so IDs never collide: top-level comments below 512, replies from 512.
  await step('likes', (tx) =>
    count(
      tx,
      `/* benchLikes */ with pairs as (
         select distinct p, u from (
           select ${plan.popularPost(plan.rnd('g', 401), 2)} as p, floor(${sizes.users} * ${plan.rnd('g', 402)})::bigint as u
           from generate_series(1, ${Math.ceil(sizes.likes * 1.1)}) g
         ) c limit ${sizes.likes}
       ), timed as (
         select p, u, ${plan.reactionMs('p', plan.rnd(`p * ${sizes.users} + u`, 403), 7)} as ms from pairs
       ), ins as (
         insert into likes (id, post_id, user_id, created_at)
         select make_id(ms, ${plan.userShard('u')}, row_number() over (partition by ms) - 1), ${plan.postId('p')},
           ${plan.userId('u')}, to_timestamp(ms / 1000.0)
         from timed order by p, u on conflict do nothing returning 1
       ) select count(*)::int as n from ins`,
    ),
  );

  const replies = Math.floor(sizes.comments * REPLY_SHARE);
  await step('comments', (tx) =>
    count(
      tx,
      `/* benchComments */ with drawn as (
         select g, ${plan.popularPost(plan.rnd('g', 501), 2)} as p, floor(${sizes.users} * ${plan.rnd('g', 502)})::bigint as u
         from generate_series(1, ${sizes.comments - replies}) g
       ), timed as (
         select g, p, u, ${plan.reactionMs('p', plan.rnd('g', 503), 3)} as ms from drawn
       ), ins as (
         insert into comments (id, post_id, author_id, text, created_at)
         select make_id(ms, ${plan.userShard('u')}, row_number() over (partition by ms) - 1), ${plan.postId('p')},
           ${plan.userId('u')}, (${sqlTextArray(COMMENTS)})[1 + (g % ${COMMENTS.length})::int], to_timestamp(ms / 1000.0)
         from timed returning 1
       ) select count(*)::int as n from ins`,
    ),
  );
  await step('comment replies', (tx) =>
    count(
      tx,
      `/* benchReplies */ with parents as (
         select id, post_id, (id >> 23) + 1577836800000 as parent_ms from comments where parent_id is null
         order by hashint8extended(id, 601) limit ${replies}
       ), timed as (
         select id, post_id, floor(${sizes.users} * ${plan.rnd('id', 602)})::bigint as u,
           parent_ms + floor(${plan.rnd('id', 603)} * least(${2 * 86_400_000}, ${plan.end} - parent_ms))::bigint as ms
         from parents
       ), ins as (
         insert into comments (id, post_id, author_id, parent_id, text, created_at)
         select make_id(ms, ${plan.userShard('u')}, 512 + row_number() over (partition by ms) - 1), post_id,
           ${plan.userId('u')}, id, 'Thank you!', to_timestamp(ms / 1000.0)
         from timed returning 1
       ) select count(*)::int as n from ins`,
    ),
  );

  await setCounters(step, count);
  const vacuumStarted = performance.now();
  await db.exec(
    'vacuum (analyze) users, follows, posts, post_media, likes, comments, hashtags, post_hashtags',
  );
  steps.push({ name: 'vacuum analyze', rows: 0, ms: performance.now() - vacuumStarted });
  log(
    `${'vacuum analyze'.padEnd(36)}${''.padStart(17)} ${((performance.now() - vacuumStarted) / 1000).toFixed(1).padStart(7)} s`,
  );

  const counts = await tableCounts(db);
  const following = await db.query<{ username: string; following_count: number }>(
    '/* benchAccounts */ select username, following_count from users where username = any($1::text[])',
    [[HEAVY_USERNAME, LIGHT_USERNAME]],
  );
  const followingOf = (username: string) =>
    following.find((r) => r.username === username)?.following_count ?? 0;
  const totalMs = performance.now() - started;
  log(`${'total'.padEnd(36)}${''.padStart(17)} ${(totalMs / 1000).toFixed(1).padStart(7)} s`);
  return {
    counts,
    steps,
    totalMs,
    heavy: { username: HEAVY_USERNAME, following: followingOf(HEAVY_USERNAME) },
    light: { username: LIGHT_USERNAME, following: followingOf(LIGHT_USERNAME) },
  };
}

function checkSizes(sizes: LargeSizes): void {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${name} must be a whole number`);
  }
  if (sizes.users < 12) problems.push('users must be at least 12');
  if (sizes.posts < 1) problems.push('posts must be at least 1');
  if (sizes.users > FIRST_NAMES.length * LAST_NAMES.length)
    problems.push(`users must be at most ${FIRST_NAMES.length * LAST_NAMES.length} (distinct names)`);
  // Keep the graph well below complete, or drawing distinct random pairs stops converging.
  if (sizes.follows > ((sizes.users - 2) * (sizes.users - 1)) / 4 + HEAVY_FOLLOWING + LIGHT_FOLLOWING) {
    problems.push(`follows must be at most a quarter of users × (users − 1) (${sizes.users} users)`);
  }
  if (sizes.likes > (sizes.users * sizes.posts) / 4)
    problems.push('likes must be at most a quarter of users × posts');
  if (problems.length > 0) throw new LargeSeedError(`invalid sizes: ${problems.join('; ')}`);
}

/** Refuses a database that already has users, or empties every Glimpse table when asked to. */
async function emptyOrReset(tx: Queryable, reset: boolean): Promise<number> {
  const [row] = await tx.query<{ n: number }>('/* benchUserCount */ select count(*)::int as n from users');
  const users = row?.n ?? 0;
  if (users === 0) return 0;
  if (!reset) {
    throw new LargeSeedError(
      `the database already has ${users} users; pass --reset to empty the Glimpse tables first`,
    );
  }
  const tables = await tx.query<{ name: string }>(
    `/* glimpseTables */ select quote_ident(tablename) as name from pg_tables
     where schemaname = current_schema() and tablename <> 'schema_migrations'`,
  );
  await tx.query(`/* benchReset */ truncate table ${tables.map((t) => t.name).join(', ')}`);
  return users;
}

type Step = (name: string, work: (tx: Queryable) => Promise<number>) => Promise<void>;
type Count = (tx: Queryable, sql: string) => Promise<number>;

/** The denormalised counters, set from the rows: one UPDATE per table. */
async function setCounters(step: Step, count: Count): Promise<void> {
  await step('counters: users', (tx) =>
    count(
      tx,
      `/* benchUserCounters */ with upd as (
         update users u set follower_count = s.followers, following_count = s.following, post_count = s.posts
         from (
           select x.id, coalesce(i.n, 0) as followers, coalesce(o.n, 0) as following, coalesce(p.n, 0) as posts
           from users x
           left join (select followee_id as id, count(*)::int as n from follows group by 1) i using (id)
           left join (select follower_id as id, count(*)::int as n from follows group by 1) o using (id)
           left join (select author_id as id, count(*)::int as n from posts
                      where status = 'ready' and archived_at is null group by 1) p using (id)
         ) s where u.id = s.id
         returning 1
       ) select count(*)::int as n from upd`,
    ),
  );
  await step('counters: hashtags', (tx) =>
    count(
      tx,
      `/* benchHashtagCounters */ with upd as (
         update hashtags h set post_count = s.n
         from (select hashtag_id, count(*)::int as n from post_hashtags group by 1) s
         where h.id = s.hashtag_id
         returning 1
       ) select count(*)::int as n from upd`,
    ),
  );
  await step('counters: posts', (tx) =>
    count(
      tx,
      `/* benchPostCounters */ with upd as (
         update posts p set like_count = s.likes, comment_count = s.comments
         from (
           select x.id, coalesce(l.n, 0) as likes, coalesce(c.n, 0) as comments
           from posts x
           left join (select post_id as id, count(*)::int as n from likes group by 1) l using (id)
           left join (select post_id as id, count(*)::int as n from comments group by 1) c using (id)
         ) s where p.id = s.id and (s.likes > 0 or s.comments > 0)
         returning 1
       ) select count(*)::int as n from upd`,
    ),
  );
  await step('counters: comments', (tx) =>
    count(
      tx,
      `/* benchReplyCounters */ with upd as (
         update comments c set reply_count = s.n
         from (select parent_id as id, count(*)::int as n from comments where parent_id is not null group by 1) s
         where c.id = s.id
         returning 1
       ) select count(*)::int as n from upd`,
    ),
  );
}

async function tableCounts(db: Db): Promise<LargeReport['counts']> {
  const [row] = await db.query<LargeReport['counts']>(
    `/* benchCounts */ select (select count(*) from users)::int as users, (select count(*) from follows)::int as follows,
       (select count(*) from posts)::int as posts, (select count(*) from post_media)::int as post_media,
       (select count(*) from likes)::int as likes, (select count(*) from comments)::int as comments`,
  );
  return row!;
}

const PHOTO_SHAPES: readonly (readonly [number, number])[] = [
  [1080, 1350],
  [1080, 1080],
  [1080, 566],
];

/** Renders a few real photos through the production pipeline into the blob store, once. */
async function renderPhotos(blobs: BlobStore, count: number) {
  const started = performance.now();
  const described = [];
  for (let k = 0; k < count; k++) {
    const [width, height] = PHOTO_SHAPES[k % PHOTO_SHAPES.length]!;
    const jpeg = await generateDemoPhoto(k, width, height);
    const originalKey = `o/${randomBytes(16).toString('hex')}`;
    await blobs.put(originalKey, jpeg, { contentType: 'image/jpeg' });
    const mediaKey = randomBytes(16).toString('hex');
    const stored = await storeRendered(blobs, `m/${mediaKey}`, await renderImage(jpeg, { mode: 'post' }));
    described.push({
      alt: `Benchmark photo ${k + 1}`,
      originalKey,
      mediaKey,
      crop: centredCrop(width, height, POST_ASPECT),
      ...stored,
    });
  }
  return { count, described, ms: performance.now() - started };
}
