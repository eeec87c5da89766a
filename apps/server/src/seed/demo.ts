import type { Glimpse } from '../app';
import type { Logger } from '../platform/logger';
import { generateDemoAvatar, generateDemoPhoto } from '../platform/media';
import type { Services } from '../services';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_USERNAMES, type DemoPerson } from './demo-people';
import {
  DEMO_POSTS,
  type DemoComment,
  type DemoPost,
  REACTIONS,
  SCENE_INDEX,
  SHAPE_SIZE,
} from './demo-posts';
import { seedDemoStories } from './demo-stories';
import { pick, type Random, seededRandom } from './random';

/**
 * The demo community of a fresh install, created through the real services (sign-up, uploads, the
 * media pipeline, follows, likes, comments) so a first start exercises the same code as real use.
 */

export { DEMO_PASSWORD, DEMO_USERNAMES };

export interface DemoSummary {
  users: number;
  posts: number;
  photos: number;
  follows: number;
  pendingRequests: number;
  likes: number;
  comments: number;
  saves: number;
}

/** Seeds the demo community when the database has no users yet. */
export async function seedDemoIfEmpty(glimpse: Glimpse, logger: Logger): Promise<void> {
  const [row] = await glimpse.platform.db.query<{ has_users: boolean }>(
    '/* anyUsers */ select exists(select 1 from users) as has_users',
  );
  if (row?.has_users) return;
  const started = performance.now();
  logger.info(
    `empty database: seeding the demo community (${DEMO_PEOPLE.length} people, ${DEMO_POSTS.length} posts)`,
  );
  const summary = await seedDemo(glimpse);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  logger.info(
    { ...summary, seconds },
    `demo community ready in ${seconds}s: sign in as ${DEMO_USERNAMES[0]} with password "${DEMO_PASSWORD}"`,
  );
}

/** The demo account that moderates (its password is the demo password, like everyone's). */
export const DEMO_ADMIN = 'maya.okafor';

/** Creates the whole community and waits for its photos and avatars to be processed. */
export async function seedDemo(glimpse: Glimpse): Promise<DemoSummary> {
  const { services } = glimpse;
  const random = seededRandom(20_261_121);
  const ids = await createPeople(services);
  const { follows, pendingRequests } = await connectPeople(services, ids);
  const { postIds, photos } = await createPosts(services, ids);
  const engagement = await engage(services, ids, postIds, random);
  // Photos and avatars render on the job queue (at its configured concurrency) while we engaged.
  await glimpse.jobsIdle();
  // Live stories, so the story tray is not empty on a fresh start.
  await seedDemoStories(glimpse, ids);
  await backdate(glimpse, postIds, random);
  // The community's admin, so the moderation queue can be tried out.
  await glimpse.platform.db.query(`/* demoAdmin */ update users set role = 'admin' where username = $1`, [
    DEMO_ADMIN,
  ]);
  return { users: ids.size, posts: postIds.length, photos, follows, pendingRequests, ...engagement };
}

const person = (username: string): DemoPerson => {
  const found = DEMO_PEOPLE.find((p) => p.username === username);
  if (!found) throw new Error(`demo data names an unknown person: ${username}`);
  return found;
};

/** Whether `viewer` sees `author`'s posts: the author is public, or approved the viewer's request. */
export function demoCanSee(viewer: string, author: string): boolean {
  const owner = person(author);
  return viewer === author || !owner.isPrivate || (owner.approves ?? []).includes(viewer);
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');

const idOf = (ids: ReadonlyMap<string, string>, username: string): string => {
  const id = ids.get(username);
  if (!id) throw new Error(`demo data names an unknown person: ${username}`);
  return id;
};

async function createPeople(services: Services): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const user = await services.accounts.signUp({
      username: p.username,
      email: `${p.username}@example.com`,
      password: DEMO_PASSWORD,
      displayName: p.displayName,
    });
    await services.accounts.updateProfile(user.id, {
      bio: p.bio,
      website: p.website ?? null,
      isPrivate: p.isPrivate ?? false,
    });
    const upload = await services.uploads.accept(
      user.id,
      await generateDemoAvatar(i + 1, initials(p.displayName)),
    );
    await services.avatars.request(user.id, upload.id, null);
    ids.set(p.username, user.id);
  }
  return ids;
}

async function connectPeople(services: Services, ids: ReadonlyMap<string, string>) {
  let requested = 0;
  for (const p of DEMO_PEOPLE) {
    for (const target of p.follows) {
      const outcome = await services.graph.follow(idOf(ids, p.username), idOf(ids, target));
      if (outcome === 'REQUESTED') requested++;
    }
  }
  let approved = 0;
  for (const p of DEMO_PEOPLE) {
    for (const requester of p.approves ?? []) {
      await services.graph.approveRequest(idOf(ids, p.username), idOf(ids, requester));
      approved++;
    }
  }
  const edges = DEMO_PEOPLE.reduce((sum, p) => sum + p.follows.length, 0);
  return { follows: edges - requested + approved, pendingRequests: requested - approved };
}

async function createPosts(services: Services, ids: ReadonlyMap<string, string>) {
  const postIds: string[] = [];
  let photos = 0;
  for (const post of DEMO_POSTS) {
    const authorId = idOf(ids, post.by);
    const media = [];
    for (const photo of post.photos) {
      const [width, height] = SHAPE_SIZE[photo.shape];
      // Consecutive seeds cycle through the scenes; stepping by six keeps the scene and varies the picture.
      const jpeg = await generateDemoPhoto(SCENE_INDEX[photo.scene] + 6 * photos++, width, height);
      const upload = await services.uploads.accept(authorId, jpeg);
      media.push({ uploadId: upload.id, altText: photo.alt });
    }
    const created = await services.posts.create(authorId, { caption: post.caption, media });
    postIds.push(created.id);
  }
  return { postIds, photos };
}

/** A post nobody wrote comments for gets up to two short reactions from people who can see it. */
function commentsFor(post: DemoPost, viewers: readonly string[], random: Random): readonly DemoComment[] {
  if (post.comments) return post.comments;
  return pick(random, viewers, Math.floor(random() * 3)).map(
    (by) => [by, pick(random, REACTIONS, 1)[0]!] as const,
  );
}

async function engage(
  services: Services,
  ids: ReadonlyMap<string, string>,
  postIds: readonly string[],
  random: Random,
) {
  const { engagement } = services;
  let likes = 0;
  let comments = 0;
  let saves = 0;
  for (const [i, post] of DEMO_POSTS.entries()) {
    const postId = postIds[i]!;
    const authorId = idOf(ids, post.by);
    const viewers = DEMO_USERNAMES.filter((u) => u !== post.by && demoCanSee(u, post.by));
    const commentIds: string[] = [];
    const commenters = new Set<string>();
    for (const [by, text, replyTo] of commentsFor(post, viewers, random)) {
      const parent = replyTo === undefined ? null : (commentIds[replyTo] ?? null);
      const comment = await engagement.addComment(idOf(ids, by), postId, text, parent);
      commentIds.push(comment.id);
      comments++;
      if (by === post.by) continue;
      commenters.add(by);
      // Authors heart about half the comments they get.
      if (random() < 0.5) await engagement.likeComment(authorId, comment.id);
    }
    // Each post has its own appeal, so like counts vary; people who commented nearly always liked too.
    const appeal = 0.2 + 0.65 * random();
    for (const viewer of viewers) {
      if (random() < (commenters.has(viewer) ? 0.9 : appeal)) {
        await engagement.like(idOf(ids, viewer), postId);
        likes++;
      }
      if (random() < 0.05) {
        await engagement.save(idOf(ids, viewer), postId);
        saves++;
      }
    }
  }
  return { likes, comments, saves };
}

const DAY_MINUTES = 24 * 60;

/**
 * Spreads the community over the last three weeks, so the feed reads like one. The rows keep their
 * IDs, which still carry their real creation time (a few seconds ago) in the same order, so keyset
 * pagination and "newest first" are unaffected: only the times shown to people move.
 */
async function backdate(glimpse: Glimpse, postIds: readonly string[], random: Random): Promise<void> {
  const spacing = Math.floor((21 * DAY_MINUTES) / postIds.length);
  // Oldest first, evenly spaced with a little jitter that never reorders them.
  const minutesAgo = postIds.map(
    (_, i) => (postIds.length - i) * spacing - Math.floor(random() * (spacing / 2)),
  );
  await glimpse.platform.db.transaction(async (tx) => {
    await tx.query(
      `/* backdateDemoUsers */ update users u set created_at = now() - make_interval(days => 35) + make_interval(mins => 30 * o.nth::int)
       from (select id, row_number() over (order by id) as nth from users) o where u.id = o.id`,
    );
    await tx.query(
      `/* backdateDemoFollows */ update follows f set created_at = now() - make_interval(days => 28) + make_interval(mins => 10 * o.nth::int)
       from (select follower_id, followee_id, row_number() over (order by id) as nth from follows) o
       where f.follower_id = o.follower_id and f.followee_id = o.followee_id`,
    );
    // A single statement for all posts: their IDs keep the true creation time and the same order (see above).
    await tx.query(
      `/* backdateDemoPosts */ update posts p set created_at = now() - make_interval(mins => b.minutes_ago)
       from unnest($1::bigint[], $2::int[]) as b(id, minutes_ago) where p.id = b.id`,
      [postIds, minutesAgo],
    );
    // Likes, comments and saves follow their post by minutes to hours, never later than now.
    await tx.query(
      `/* backdateDemoComments */ update comments c set created_at = least(now(), p.created_at + make_interval(mins => 18 * (o.nth * o.nth)::int))
       from (select id, row_number() over (partition by post_id order by id) as nth from comments) o, posts p
       where c.id = o.id and p.id = c.post_id`,
    );
    await tx.query(
      `/* backdateDemoLikes */ update likes l set created_at = least(now(), p.created_at + make_interval(mins => 7 * o.nth::int))
       from (select post_id, user_id, row_number() over (partition by post_id order by id) as nth from likes) o, posts p
       where l.post_id = o.post_id and l.user_id = o.user_id and p.id = l.post_id`,
    );
    await tx.query(
      `/* backdateDemoSaves */ update saves s set created_at = least(now(), p.created_at + make_interval(hours => 3))
       from posts p where p.id = s.post_id`,
    );
  });
}
