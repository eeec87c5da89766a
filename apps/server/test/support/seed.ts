import sharp from 'sharp';
import { solvedCaptcha } from './captcha';
import type { Api } from './client';
import type { TestServer } from './harness';

/**
 * Builds test worlds through the public API, so setup exercises the same paths as users:
 *   const ana = await seed.user('ana');
 *   const post = await ana.post({ caption: 'hi #sun' });
 *   await bob.follow(ana); await bob.like(post);
 */
export const PASSWORD = 'correct horse battery';

export interface SeededUser {
  id: string;
  username: string;
  token: string;
  post(options?: { caption?: string; photos?: number; altText?: string }): Promise<SeededPost>;
  follow(other: SeededUser): Promise<string>;
  approve(requester: SeededUser): Promise<void>;
  block(other: SeededUser): Promise<void>;
  like(post: SeededPost): Promise<void>;
  comment(post: SeededPost, text: string, replyToId?: string): Promise<string>;
  save(post: SeededPost): Promise<void>;
  goPrivate(): Promise<void>;
}

export interface SeededPost {
  id: string;
  authorId: string;
  mediaIds: string[];
}

let counter = 0;

/** A small valid JPEG of a given size and colour. */
export async function photo(width = 64, height = 64, colour = '#3a7bd5'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

export function createSeed(server: TestServer, api: Api) {
  const waitForJobs = () => server.glimpse.jobsIdle();

  async function user(name?: string, options: { private?: boolean } = {}): Promise<SeededUser> {
    counter += 1;
    const username = name ?? `user${counter}_${Date.now().toString(36)}`;
    const data = await api.ok<{ signUp: { token: string; viewer: { user: { id: string } } } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { user { id } } } }`,
      {
        input: {
          username,
          email: `${username}@example.test`,
          password: PASSWORD,
          captcha: await solvedCaptcha(api.url),
        },
      },
    );
    const token = data.signUp.token;
    const id = data.signUp.viewer.user.id;
    const self: SeededUser = {
      id,
      username,
      token,
      async post(opts = {}) {
        const uploads: string[] = [];
        for (let i = 0; i < (opts.photos ?? 1); i++) {
          const res = await api.upload(await photo(80, 80, i % 2 ? '#d53a7b' : '#3a7bd5'), token);
          if (!res.body.id) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
          uploads.push(res.body.id);
        }
        const created = await api.ok<{ createPost: { id: string; media: { id: string }[] } }>(
          `mutation($input: CreatePostInput!) { createPost(input: $input) { id media { id } } }`,
          {
            input: {
              caption: opts.caption ?? 'a photo',
              media: uploads.map((uploadId) => ({ uploadId, altText: opts.altText ?? 'a test photo' })),
            },
          },
          token,
        );
        await waitForJobs();
        return {
          id: created.createPost.id,
          authorId: id,
          mediaIds: created.createPost.media.map((m) => m.id),
        };
      },
      async follow(other) {
        const data = await api.ok<{ follow: { viewerFollowState: string } }>(
          'mutation($id: ID!) { follow(userId: $id) { viewerFollowState } }',
          { id: other.id },
          token,
        );
        return data.follow.viewerFollowState;
      },
      async approve(requester) {
        await api.ok(
          'mutation($id: ID!) { approveFollowRequest(userId: $id) { id } }',
          { id: requester.id },
          token,
        );
      },
      async block(other) {
        await api.ok('mutation($id: ID!) { block(userId: $id) { id } }', { id: other.id }, token);
      },
      async like(post) {
        await api.ok('mutation($id: ID!) { likePost(id: $id) { id } }', { id: post.id }, token);
      },
      async comment(post, text, replyToId) {
        const data = await api.ok<{ addComment: { id: string } }>(
          'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
          { input: { postId: post.id, text, replyToId } },
          token,
        );
        return data.addComment.id;
      },
      async save(post) {
        await api.ok('mutation($id: ID!) { savePost(id: $id) { id } }', { id: post.id }, token);
      },
      async goPrivate() {
        await api.ok('mutation { updateProfile(input: { isPrivate: true }) { id } }', {}, token);
      },
    };
    if (options.private) await self.goPrivate();
    return self;
  }

  return { user, waitForJobs };
}

export type Seed = ReturnType<typeof createSeed>;
