/**
 * Sets up what a journey takes for granted (people, their posts, who follows whom) through the server's
 * own services, as the demo seed does: fast, and no screen is exercised before its journey does it.
 */
import type { Glimpse } from '../../../apps/server/src/app';
import { PASSWORD } from './people';
import { jpeg } from './photos';

export interface SeedPhoto {
  alt: string;
  colours: [string, string];
}

export function world(glimpse: Glimpse) {
  const { services } = glimpse;
  return {
    async person(username: string, displayName = username): Promise<string> {
      const user = await services.accounts.signUp({
        username,
        email: `${username}@example.test`,
        password: PASSWORD,
        displayName,
      });
      return user.id;
    },

    async post(authorId: string, caption: string, photos: SeedPhoto[]): Promise<string> {
      const media = [];
      for (const [i, photo] of photos.entries()) {
        const file = await jpeg(`photo-${i}.jpg`, photo.colours[0], photo.colours[1], 640);
        const upload = await services.uploads.accept(authorId, file.buffer);
        media.push({ uploadId: upload.id, altText: photo.alt });
      }
      const post = await services.posts.create(authorId, { caption, media });
      return post.id;
    },

    async follow(followerId: string, targetId: string): Promise<void> {
      await services.graph.follow(followerId, targetId);
    },

    /** The id of an account made through the screens. */
    async idOf(username: string): Promise<string> {
      const [row] = await glimpse.platform.db.query<{ id: string }>(
        '/* e2eUserId */ select id::text from users where username = $1',
        [username],
      );
      if (!row) throw new Error(`no account named ${username}`);
      return row.id;
    },

    /** Gives an account the moderator role, as `npm run set-role -- <username> moderator` would. */
    async moderator(userId: string): Promise<void> {
      await glimpse.platform.db.query(
        `/* e2eModerator */ update users set role = 'moderator' where id = $1`,
        [userId],
      );
    },

    /** Waits for photo processing and every other queued job, so posts are visible. */
    settled: () => glimpse.platform.queue.whenIdle(),
  };
}
