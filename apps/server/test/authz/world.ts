import { randomBytes } from 'node:crypto';
import { solvedCaptcha } from '../support/captcha';
import type { Api, GqlResult } from '../support/client';
import type { TestServer } from '../support/harness';
import { createSeed, PASSWORD, photo, type Seed, type SeededPost, type SeededUser } from '../support/seed';
import { draftStory, expireStory, storyPathOf } from './stories';
import type { Outcome, Target, Viewer } from './table';

/** One of an owner's stories: its ID, the marker in its text overlay, and the path of its photo. */
export interface StoryFixture {
  id: string;
  text: string;
  photoPath: string;
}

/**
 * The shared world of the authorization matrix: a private and a public account, each with a post, a
 * comment, an archived post, a post with comments turned off, a live story for everyone (with a poll,
 * a slider and a question), a live story for close friends (the follower is the owners' only close
 * friend), and an expired story kept in a highlight; and four people around them.
 * Every piece of the owners' content carries a random marker, so a response can be searched for leaks.
 */
export interface TargetWorld {
  kind: Target;
  owner: SeededUser;
  post: SeededPost;
  caption: string;
  /** A hashtag only this account's post uses. */
  tag: string;
  /** A comment the owner wrote on the post. */
  commentId: string;
  commentText: string;
  archived: SeededPost;
  archivedCaption: string;
  /** A post whose comments are turned off. */
  quiet: SeededPost;
  photoPath: string;
  archivedPhotoPath: string;
  story: StoryFixture;
  closeFriendsStory: StoryFixture;
  /** Past its 24 hours and archived, but kept in the highlight. */
  highlightStory: StoryFixture;
  highlightId: string;
  highlightTitle: string;
  /** The title of a highlight holding only the close friends story. */
  closeFriendsHighlightTitle: string;
}

export interface World {
  server: TestServer;
  api: Api;
  seed: Seed;
  people: Record<'follower' | 'stranger' | 'requester' | 'blocked', SeededUser>;
  targets: Record<Target, TargetWorld>;
  /** Where the web app's routes are served: the server itself, or a stand-in when the app is not built. */
  webUrl: string;
}

export interface Cell {
  world: World;
  target: TargetWorld;
  viewer: Viewer;
  /** The signed-in caller; null when logged out. */
  caller: SeededUser | null;
}

export interface Observed {
  outcome: Outcome | `unexpected: ${string}`;
  /** Everything the caller received, searched for markers the viewer must not see. */
  body: string;
}

export const marker = (label: string) => `${label}${randomBytes(6).toString('hex')}`;

export function callerOf(world: World, target: TargetWorld, viewer: Viewer): SeededUser | null {
  if (viewer === 'owner') return target.owner;
  if (viewer === 'anonymous') return null;
  return world.people[viewer];
}

/** Whether the viewer may see the target's content (the headline rule the table refines). */
export function seesContent(target: Target, viewer: Viewer): boolean {
  if (viewer === 'owner' || viewer === 'follower') return true;
  return target === 'public' && viewer !== 'blocked';
}

/** Strings the viewer must never receive, whatever it calls. */
export function forbiddenStrings(target: TargetWorld, viewer: Viewer): string[] {
  if (viewer === 'owner') return [];
  const keyOf = (path: string) => path.split('/')[3] ?? path;
  const banned = [target.archivedCaption, keyOf(target.archivedPhotoPath)];
  if (!seesContent(target.kind, viewer)) {
    banned.push(target.caption, target.commentText, keyOf(target.photoPath));
    const { story, highlightStory } = target;
    banned.push(story.text, keyOf(story.photoPath), highlightStory.text, keyOf(highlightStory.photoPath));
    banned.push(target.highlightTitle);
  }
  // Close friends stories are for the owner's list alone, whoever else may see the account.
  if (viewer !== 'follower') {
    const { closeFriendsStory } = target;
    banned.push(
      closeFriendsStory.text,
      keyOf(closeFriendsStory.photoPath),
      target.closeFriendsHighlightTitle,
    );
  }
  // To a blocked user the blocker does not exist: not even its name or ID shows up anywhere.
  if (viewer === 'blocked') banned.push(target.owner.id, target.owner.username);
  return banned;
}

/**
 * Runs a call that must succeed as the user, with the user's current token (the seed's helpers keep the
 * token they were made with, which the session-ending cells replace).
 */
export async function actAs(
  world: World,
  user: SeededUser,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return world.api.ok(query, variables, user.token);
}

export async function gqlAs<T = Record<string, unknown>>(
  world: World,
  user: SeededUser | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  return world.api.gql<T>(query, variables, user ? { token: user.token } : {});
}

/** The outcome of a GraphQL call: its first error's code, or what `success` makes of the data. */
export function classify<T>(result: GqlResult<T>, success: (data: T) => Outcome | string): Observed {
  const body = JSON.stringify({ data: result.data, errors: result.errors });
  const error = result.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    const byCode: Record<string, Outcome> = {
      UNAUTHENTICATED: 'unauth',
      FORBIDDEN: 'forbidden',
      NOT_FOUND: 'hidden',
      BAD_USER_INPUT: 'rejected',
    };
    const outcome = code ? byCode[code] : undefined;
    return { outcome: outcome ?? `unexpected: ${code ?? 'no code'}: ${error.message}`, body };
  }
  if (result.data === null) return { outcome: `unexpected: no data (${result.status})`, body };
  return { outcome: success(result.data) as Observed['outcome'], body };
}

/** Makes a state check part of the outcome: a call that failed yet changed something is reported, not hidden. */
export function withEffect(observed: Observed, changed: boolean, succeeded: Outcome[] = ['ok']): Observed {
  const success = (succeeded as string[]).includes(observed.outcome);
  if (success && !changed)
    return { ...observed, outcome: `unexpected: ${observed.outcome} but nothing changed` };
  if (!success && changed)
    return { ...observed, outcome: `unexpected: ${observed.outcome} yet the state changed` };
  return observed;
}

/** How many rows a `table where ...` clause matches, read straight from the world server's database. */
export async function countRows(world: World, from: string, params: (string | null)[]): Promise<number> {
  const [row] = await world.server.glimpse.platform.db.query<{ n: number }>(
    `select count(*)::int as n from ${from}`,
    params,
  );
  return row?.n ?? 0;
}

/** Uploads a photo as the user; returns the upload's id. */
export async function uploadAs(world: World, user: SeededUser, colour = '#3a7bd5'): Promise<string> {
  const res = await world.api.upload(await photo(48, 48, colour), user.token);
  if (!res.body.id) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Creates a post without waiting for its photo (call seed.waitForJobs() once for a batch). */
export async function draftPost(world: World, user: SeededUser, caption: string): Promise<string> {
  const uploadId = await uploadAs(world, user);
  const data = await world.api.ok<{ createPost: { id: string } }>(
    'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
    { input: { caption, media: [{ uploadId, altText: 'a fixture' }] } },
    user.token,
  );
  return data.createPost.id;
}

/** Reads a post as its owner (who sees it in every state): null once it is gone. */
export async function ownerView(world: World, target: TargetWorld, postId: string) {
  const res = await gqlAs<{
    post: {
      caption: string;
      archived: boolean;
      commentsDisabled: boolean;
      likers: { edges: { node: { id: string } }[] };
      comments: { edges: { node: { id: string; text: string; likeCount: number } }[] };
    } | null;
  }>(
    world,
    target.owner,
    `query($id: ID!) { post(id: $id) { caption archived commentsDisabled likers(first: 50) { edges { node { id } } }
       comments(first: 50) { edges { node { id text likeCount } } } } }`,
    { id: postId },
  );
  return res.data?.post ?? null;
}

/** A fresh session for the user, replacing the one the matrix uses for it (after its sessions were ended). */
export async function logInAgain(world: World, user: SeededUser, password = PASSWORD): Promise<string> {
  const data = await world.api.ok<{ logIn: { token: string } }>(
    'mutation($input: LogInInput!) { logIn(input: $input) { token } }',
    // The matrix makes many failed log-ins from one address, so the server asks for a CAPTCHA: solve it.
    { input: { login: user.username, password, captcha: await solvedCaptcha(world.api.url) } },
  );
  return data.logIn.token;
}

export async function isSignedIn(world: World, token: string): Promise<boolean> {
  const res = await world.api.gql<{ viewer: { user: { id: string } } | null }>(
    '{ viewer { user { id } } }',
    {},
    { token },
  );
  return res.data?.viewer != null;
}

/** Puts the follower back: following the owner (approved when private) with the owner in its favorites. */
export async function restoreFollower(world: World, target: TargetWorld): Promise<void> {
  const { follower } = world.people;
  const id = { id: target.owner.id };
  await actAs(world, follower, 'mutation($id: ID!) { unblock(userId: $id) { id } }', id);
  const followed = (await actAs(
    world,
    follower,
    'mutation($id: ID!) { follow(userId: $id) { viewerFollowState } }',
    id,
  )) as {
    follow: { viewerFollowState: string };
  };
  if (followed.follow.viewerFollowState === 'REQUESTED') {
    await actAs(world, target.owner, 'mutation($id: ID!) { approveFollowRequest(userId: $id) { id } }', {
      id: follower.id,
    });
  }
  await actAs(world, follower, 'mutation($id: ID!) { addFavorite(userId: $id) { id } }', id);
}

/** Puts the requester back: a pending request to the private account, no tie to the public one. */
export async function restoreRequester(world: World): Promise<void> {
  const { requester } = world.people;
  for (const target of Object.values(world.targets)) {
    await world.api.ok(
      'mutation($id: ID!) { unblock(userId: $id) { id } }',
      { id: target.owner.id },
      requester.token,
    );
    await world.api.ok(
      'mutation($id: ID!) { unfollow(userId: $id) { id } }',
      { id: target.owner.id },
      requester.token,
    );
  }
  await actAs(world, requester, 'mutation($id: ID!) { follow(userId: $id) { id } }', {
    id: world.targets.private.owner.id,
  });
}

/** Puts the stranger back: no tie to either account. */
export async function restoreStranger(world: World): Promise<void> {
  const { stranger } = world.people;
  for (const target of Object.values(world.targets)) {
    await world.api.ok(
      'mutation($id: ID!) { unblock(userId: $id) { id } }',
      { id: target.owner.id },
      stranger.token,
    );
    await world.api.ok(
      'mutation($id: ID!) { unfollow(userId: $id) { id } }',
      { id: target.owner.id },
      stranger.token,
    );
  }
}

export async function buildWorld(server: TestServer, api: Api): Promise<World> {
  const seed = createSeed(server, api);
  const priv = await seed.user(marker('priv'), { private: true });
  const pub = await seed.user(marker('pub'));
  const people = {
    follower: await seed.user(marker('fol')),
    stranger: await seed.user(marker('str')),
    requester: await seed.user(marker('req')),
    blocked: await seed.user(marker('blk')),
  };
  // The blocked user followed both accounts (and kept them as favorites) before the block: its timeline
  // and favorites held their posts, which the block must take away.
  for (const owner of [priv, pub]) {
    for (const person of [people.follower, people.blocked]) {
      if ((await person.follow(owner)) === 'REQUESTED') await owner.approve(person);
      await api.ok('mutation($id: ID!) { addFavorite(userId: $id) { id } }', { id: owner.id }, person.token);
    }
  }
  await people.requester.follow(priv);

  const world: World = { server, api, seed, people, targets: {} as World['targets'], webUrl: api.url };
  for (const [kind, owner] of [
    ['private', priv],
    ['public', pub],
  ] as const) {
    const caption = marker(`${kind}post`);
    const tag = marker(`${kind}tag`);
    const post = await owner.post({ caption: `${caption} #${tag}` });
    const commentText = marker(`${kind}comment`);
    const commentId = await owner.comment(post, commentText);
    await people.blocked.like(post);
    const archivedCaption = marker(`${kind}archived`);
    const archived = await owner.post({ caption: archivedCaption });
    await api.ok('mutation($id: ID!) { archivePost(id: $id) { id } }', { id: archived.id }, owner.token);
    const quiet = await owner.post({ caption: marker(`${kind}quiet`) });
    await api.ok(
      'mutation($id: ID!) { setCommentsDisabled(postId: $id, disabled: true) { id } }',
      { id: quiet.id },
      owner.token,
    );
    await api.ok(
      'mutation($id: ID!) { setAvatar(input: { uploadId: $id }) { id } }',
      { id: await uploadAs(world, owner, '#7bd53a') },
      owner.token,
    );
    await api.ok(
      'mutation($id: ID!) { addCloseFriend(userId: $id) { id } }',
      { id: people.follower.id },
      owner.token,
    );
    const storyText = marker(`${kind}story`);
    const storyId = await draftStory(world, owner, { text: storyText, stickers: true });
    const closeText = marker(`${kind}closestory`);
    const closeId = await draftStory(world, owner, { text: closeText, audience: 'CLOSE_FRIENDS' });
    const highlightText = marker(`${kind}hlstory`);
    const highlightStoryId = await draftStory(world, owner, { text: highlightText });
    await seed.waitForJobs();
    const highlightTitle = marker(`${kind}hl`);
    const highlight = await api.ok<{ createHighlight: { id: string } }>(
      'mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { id } }',
      { input: { title: highlightTitle, storyIds: [highlightStoryId] } },
      owner.token,
    );
    await expireStory(world, highlightStoryId);
    const closeFriendsHighlightTitle = marker(`${kind}cfhl`);
    await api.ok(
      'mutation($input: CreateHighlightInput!) { createHighlight(input: $input) { id } }',
      { input: { title: closeFriendsHighlightTitle, storyIds: [closeId] } },
      owner.token,
    );
    world.targets[kind] = {
      kind,
      owner,
      post,
      caption,
      tag,
      commentId,
      commentText,
      archived,
      archivedCaption,
      quiet,
      photoPath: await photoPathOf(world, owner, post.id),
      archivedPhotoPath: await photoPathOf(world, owner, archived.id),
      story: { id: storyId, text: storyText, photoPath: await storyPathOf(world, owner, storyId) },
      closeFriendsStory: {
        id: closeId,
        text: closeText,
        photoPath: await storyPathOf(world, owner, closeId),
      },
      highlightStory: {
        id: highlightStoryId,
        text: highlightText,
        photoPath: await storyPathOf(world, owner, highlightStoryId),
      },
      highlightId: highlight.createHighlight.id,
      highlightTitle,
      closeFriendsHighlightTitle,
    };
  }
  await seed.waitForJobs();
  for (const owner of [priv, pub]) await owner.block(people.blocked);
  return world;
}

async function photoPathOf(world: World, owner: SeededUser, postId: string): Promise<string> {
  const view = await world.api.ok<{ post: { media: { image: { sources: { url: string }[] } }[] } }>(
    'query($id: ID!) { post(id: $id) { media { image { sources { url } } } } }',
    { id: postId },
    owner.token,
  );
  return new URL(view.post.media[0]!.image.sources[0]!.url, world.api.url).pathname;
}

/** The path of the owner's avatar as it is now (a test may have replaced it). */
export async function avatarPathOf(world: World, owner: SeededUser): Promise<string | null> {
  const res = await gqlAs<{ user: { avatar: { sources: { url: string }[] } | null } | null }>(
    world,
    owner,
    'query($u: String!) { user(username: $u) { avatar { sources { url } } } }',
    { u: owner.username },
  );
  const url = res.data?.user?.avatar?.sources[0]?.url;
  return url ? new URL(url, world.api.url).pathname : null;
}
