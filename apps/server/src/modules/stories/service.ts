import { randomBytes } from 'node:crypto';
import { badInput, FieldErrors, forbidden, isId, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import { deleteBlobs, processStoryMedia } from '../../jobs';
import type { BlobStore } from '../../platform/blobs/port';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { isMediaError, renderStoryImage } from '../../platform/media';
import { enqueueInTx } from '../../platform/queue/outbox';
import type { JobStatus } from '../../platform/queue/port';
import type { Accounts } from '../accounts/service';
import { type Graph, NO_RELATIONSHIP } from '../graph/service';
import { storeRendered } from '../media/store';
import type { Uploads } from '../media/uploads';
import { canSeeAccount, canSeeStory } from '../policy/policy';
import { checkOverlays, type OverlayInput } from './overlays';
import { type Overlay, STORY_COLUMNS, STORY_LIFETIME_MS, type StoryAudience, type StoryRow } from './rows';

export interface CreateStoryInput {
  uploadId: string;
  audience?: StoryAudience | null;
  overlays?: readonly OverlayInput[] | null;
}

export interface TrayRow {
  owner_id: string;
  has_unseen: boolean;
  close_friends: boolean;
}

export interface Stories {
  create(ownerId: string, input: CreateStoryInput): Promise<StoryRow>;
  delete(viewerId: string, storyId: string): Promise<void>;
  byIds(ids: readonly string[]): Promise<StoryRow[]>;
  /** Every story of these owners that is live now (any status; the policy decides who sees which). */
  liveOf(ownerIds: readonly string[]): Promise<StoryRow[]>;
  /** Skeleton of the tray: followed accounts (and the viewer) with live stories the viewer may be shown. */
  tray(viewerId: string): Promise<TrayRow[]>;
  /** Records views; returns the stories this viewer had not seen before. */
  markSeen(viewerId: string, storyIds: readonly string[]): Promise<string[]>;
  seenAmong(viewerId: string, storyIds: readonly string[]): Promise<Set<string>>;
  viewers(storyId: string, page: KeysetPage): Promise<{ id: string; viewer_id: string; seen_at: Date }[]>;
  archiveOf(ownerId: string, page: KeysetPage): Promise<string[]>;
  /** The expiry job: stories past their 24 hours move to their owners' archives. */
  archiveExpired(): Promise<string[]>;
  /** The media job: renders the story's 9:16 canvas and makes it visible. */
  process(storyId: string): Promise<JobStatus>;
  addCloseFriend(ownerId: string, friendId: string): Promise<void>;
  removeCloseFriend(ownerId: string, friendId: string): Promise<void>;
  closeFriendsOf(ownerId: string, page: KeysetPage): Promise<{ id: string; friend_id: string }[]>;
  /** Of these owners, those whose close friends list holds the viewer. */
  closeFriendOwnersAmong(viewerId: string, ownerIds: readonly string[]): Promise<Set<string>>;
  /** Of these users, those on the owner's close friends list. */
  closeFriendsAmong(ownerId: string, userIds: readonly string[]): Promise<Set<string>>;
  now(): Date;
}

export function createStories(deps: {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  uploads: Uploads;
  accounts: Accounts;
  graph: Graph;
  outbox: { kick(): void };
  logger: Logger;
  /** Called after a story naming accounts is published (the notifications module hooks in here). */
  onMentions?: (storyId: string, ownerId: string, mentionedIds: string[]) => Promise<void>;
}): Stories {
  const { db, blobs, clock, uploads, accounts, graph, outbox, logger } = deps;

  /**
   * Mentions must name an existing account that the owner and it can see of each other. Read before the
   * story's transaction: the embedded database has one connection, so a read outside an open
   * transaction (the cached users, the relationships) would wait for it forever.
   */
  const resolveMentions = async (ownerId: string, overlays: ReturnType<typeof checkOverlays>) => {
    const names = overlays.flatMap((o) => (o.kind === 'mention' ? [o.username] : []));
    if (names.length === 0) return overlays as Overlay[];
    const ids = await accounts.idsByUsernames(names);
    const users = new Map((await accounts.byIds([...ids.values()])).map((u) => [u.id, u]));
    const rels = await graph.relationships(
      ownerId,
      [...ids.values()].filter((id) => id !== ownerId),
    );
    const errors = new FieldErrors();
    const resolved = overlays.map((o, i) => {
      if (o.kind !== 'mention') return o;
      const id = ids.get(o.username);
      const user = id ? users.get(id) : undefined;
      const rel = id ? rels.get(id) : undefined;
      const visible =
        user && (user.id === ownerId || (rel && canSeeAccount(ownerId, user, rel) && !rel.blocking));
      if (!user || !visible) errors.add(`overlays.${i}.username`, `No account named @${o.username}`);
      return { ...o, userId: user?.id ?? '0', username: user?.username ?? o.username };
    });
    errors.throwIfAny();
    return resolved as Overlay[];
  };

  /** Of a ready story's mentioned accounts, those who may see it (others are not told of it). */
  const mentionedWhoMaySee = async (storyId: string) => {
    const [story] = await db.query<StoryRow>(
      `/* storyForMentions */ select ${STORY_COLUMNS} from stories where id = $1`,
      [storyId],
    );
    if (!story) return [];
    const [owner] = await accounts.byIds([story.owner_id]);
    if (!owner) return [];
    const others = story.mentioned_ids.filter((id) => id !== story.owner_id);
    const closeFriends = await closeFriendsAmong(story.owner_id, others);
    const now = clock.now();
    const kept: string[] = [];
    for (const id of others) {
      const rel = (await graph.relationships(id, [story.owner_id])).get(story.owner_id) ?? NO_RELATIONSHIP;
      if (canSeeStory(id, story, owner, rel, { now, closeFriend: closeFriends.has(id) })) kept.push(id);
    }
    return kept;
  };

  async function closeFriendsAmong(ownerId: string, userIds: readonly string[]): Promise<Set<string>> {
    const valid = userIds.filter(isId);
    if (valid.length === 0) return new Set();
    const rows = await db.query<{ id: string }>(
      `/* closeFriendsAmong */ select friend_id::text as id from close_friends
       where owner_id = $1 and friend_id = any($2::bigint[])`,
      [ownerId, valid],
    );
    return new Set(rows.map((r) => r.id));
  }

  return {
    now: () => clock.now(),

    async create(ownerId, input) {
      const errors = new FieldErrors();
      const checked = checkOverlays(input.overlays ?? [], errors);
      const audience = input.audience ?? 'everyone';
      errors.throwIfAny();
      const overlays = await resolveMentions(ownerId, checked);
      const now = clock.now();
      const story = await db.transaction(async (tx) => {
        const [upload] = await uploads.claim(tx, ownerId, [input.uploadId], () => 'uploadId');
        const mentioned = [...new Set(overlays.flatMap((o) => (o.kind === 'mention' ? [o.userId] : [])))];
        const [row] = await tx.query<StoryRow>(
          `/* createStory */ insert into stories
             (id, owner_id, audience, original_key, media_key, overlays, mentioned_ids, created_at, expires_at)
           values (next_id(shard_of($1)), $1, $2, $3, $4, $5, $6::bigint[], $7, $8) returning ${STORY_COLUMNS}`,
          [
            ownerId,
            audience,
            upload!.original_key,
            randomBytes(16).toString('hex'),
            JSON.stringify(overlays),
            mentioned,
            now,
            new Date(now.getTime() + STORY_LIFETIME_MS),
          ],
        );
        await enqueueInTx(tx, processStoryMedia, { storyId: row!.id });
        return row!;
      });
      outbox.kick();
      return story;
    },

    async delete(viewerId, storyId) {
      if (!isId(storyId)) throw notFound('Story');
      await db.transaction(async (tx) => {
        const [row] = await tx.query<{ owner_id: string; original_key: string; variants: { key: string }[] }>(
          '/* storyForDelete */ select owner_id, original_key, variants from stories where id = $1 for update',
          [storyId],
        );
        if (!row) throw notFound('Story');
        if (row.owner_id !== viewerId) throw forbidden('You can only delete your own stories');
        // Highlight links go with the row (on delete cascade); a highlight left empty goes too, and one
        // that lost its cover takes its first remaining story.
        await tx.query('/* deleteStory */ delete from stories where id = $1', [storyId]);
        await tx.query(
          `/* dropEmptyHighlights */ delete from highlights h where h.owner_id = $1
           and not exists (select 1 from highlight_stories hs where hs.highlight_id = h.id)`,
          [viewerId],
        );
        await tx.query(
          `/* recoverHighlightCovers */ update highlights h set cover_story_id =
             (select min(hs.story_id) from highlight_stories hs where hs.highlight_id = h.id)
           where h.owner_id = $1 and h.cover_story_id is null`,
          [viewerId],
        );
        await enqueueInTx(tx, deleteBlobs, { keys: [row.original_key, ...row.variants.map((v) => v.key)] });
      });
      outbox.kick();
    },

    async byIds(ids) {
      const valid = ids.filter(isId);
      if (valid.length === 0) return [];
      return db.query<StoryRow>(
        `/* storiesByIds */ select ${STORY_COLUMNS} from stories where id = any($1::bigint[])`,
        [valid],
      );
    },

    async liveOf(ownerIds) {
      if (ownerIds.length === 0) return [];
      return db.query<StoryRow>(
        `/* liveStoriesOf */ select ${STORY_COLUMNS} from stories
         where owner_id = any($1::bigint[]) and expires_at > $2 and status <> 'failed' order by owner_id, id`,
        [ownerIds, clock.now()],
      );
    },

    async tray(viewerId) {
      // Affinity: the viewer's likes, comments and profile visits of the owner (the ranking module's
      // user_affinity) plus the viewer's views of the owner's stories.
      return db.query<TrayRow>(
        `/* storyTray */ with live as (
           select s.id, s.owner_id, s.audience from stories s
           where s.expires_at > $2 and s.status = 'ready'
             and (s.owner_id = $1 or s.owner_id in (select followee_id from follows where follower_id = $1))
             and (s.audience = 'everyone' or s.owner_id = $1
                  or exists (select 1 from close_friends c where c.owner_id = s.owner_id and c.friend_id = $1))
             and not exists (select 1 from mutes m where m.user_id = $1 and m.muted_id = s.owner_id and m.stories)
         )
         select l.owner_id::text as owner_id,
           bool_or(v.story_id is null) as has_unseen,
           bool_or(l.audience = 'close_friends') as close_friends,
           max(l.id) as latest,
           coalesce(max(a.likes + 2 * a.comments + a.visits), 0) + (
             select count(*) from story_views sv join stories so on so.id = sv.story_id
             where sv.viewer_id = $1 and so.owner_id = l.owner_id) as affinity
         from live l
         left join story_views v on v.story_id = l.id and v.viewer_id = $1
         left join user_affinity a on a.user_id = $1 and a.author_id = l.owner_id
         group by l.owner_id
         order by (l.owner_id = $1) desc, bool_or(v.story_id is null) desc, affinity desc, latest desc
         limit 100`,
        [viewerId, clock.now()],
      );
    },

    async markSeen(viewerId, storyIds) {
      if (storyIds.length === 0) return [];
      const rows = await db.query<{ id: string }>(
        `/* markStoriesSeen */ insert into story_views (id, story_id, viewer_id, seen_at)
         select next_id(shard_of(s.id)), s.id, $1, $3 from stories s where s.id = any($2::bigint[]) and s.owner_id <> $1
         on conflict do nothing returning story_id::text as id`,
        [viewerId, storyIds, clock.now()],
      );
      return rows.map((r) => r.id);
    },

    async seenAmong(viewerId, storyIds) {
      const valid = storyIds.filter(isId);
      if (valid.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(
        '/* seenStoriesAmong */ select story_id::text as id from story_views where viewer_id = $1 and story_id = any($2::bigint[])',
        [viewerId, valid],
      );
      return new Set(rows.map((r) => r.id));
    },

    viewers: (storyId, page) =>
      db.query(
        `/* storyViewers */ select id::text as id, viewer_id::text as viewer_id, seen_at from story_views
         where story_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [storyId, page.after, page.limit],
      ),

    async archiveOf(ownerId, page) {
      const rows = await db.query<{ id: string }>(
        `/* storyArchive */ select id from stories where owner_id = $1 and archived_at is not null
         and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [ownerId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },

    async archiveExpired() {
      const rows = await db.query<{ id: string }>(
        `/* archiveExpiredStories */ update stories set archived_at = $1
         where archived_at is null and expires_at <= $1 returning id`,
        [clock.now()],
      );
      return rows.map((r) => r.id);
    },

    async process(storyId) {
      const [story] = await db.query<{
        owner_id: string;
        original_key: string;
        media_key: string;
        mentioned_ids: string[];
      }>(
        `/* storyToProcess */ select owner_id, original_key, media_key, mentioned_ids::text[] as mentioned_ids
         from stories where id = $1 and status = 'processing'`,
        [storyId],
      );
      if (!story) return 'skipped';
      const original = await blobs.read(story.original_key);
      let stored: Awaited<ReturnType<typeof storeRendered>> | null = null;
      if (original) {
        try {
          stored = await storeRendered(blobs, `s/${story.media_key}`, await renderStoryImage(original));
        } catch (error) {
          if (!isMediaError(error)) throw error;
          logger.warn({ storyId, err: error }, 'story photo failed to render');
        }
      }
      if (!stored) {
        await db.query(`/* storyFailed */ update stories set status = 'failed' where id = $1`, [storyId]);
        return 'done';
      }
      const updated = await db.query(
        `/* storyReady */ update stories set status = 'ready', width = $2, height = $3, thumbhash = $4,
           dominant_color = $5, variants = $6 where id = $1 and status = 'processing' returning 1`,
        [
          storyId,
          stored.width,
          stored.height,
          stored.thumbhash,
          stored.dominantColor,
          JSON.stringify(stored.variants),
        ],
      );
      if (updated.length === 0) {
        await blobs.delete(stored.variants.map((v) => v.key));
        return 'skipped';
      }
      if (story.mentioned_ids.length > 0 && deps.onMentions) {
        const audience = await mentionedWhoMaySee(storyId);
        if (audience.length > 0) await deps.onMentions(storyId, story.owner_id, audience);
      }
      return 'done';
    },

    async addCloseFriend(ownerId, friendId) {
      if (ownerId === friendId) throw badInput('userId', "You can't add yourself to your close friends");
      await db.query(
        `/* addCloseFriend */ insert into close_friends (id, owner_id, friend_id) values (next_id(shard_of($1)), $1, $2)
         on conflict do nothing`,
        [ownerId, friendId],
      );
    },

    async removeCloseFriend(ownerId, friendId) {
      await db.query(
        '/* removeCloseFriend */ delete from close_friends where owner_id = $1 and friend_id = $2',
        [ownerId, friendId],
      );
    },

    closeFriendsOf: (ownerId, page) =>
      db.query(
        `/* closeFriendsOf */ select id::text as id, friend_id::text as friend_id from close_friends
         where owner_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [ownerId, page.after, page.limit],
      ),

    async closeFriendOwnersAmong(viewerId, ownerIds) {
      const valid = ownerIds.filter(isId);
      if (valid.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(
        `/* closeFriendOwnersAmong */ select owner_id::text as id from close_friends
         where friend_id = $1 and owner_id = any($2::bigint[])`,
        [viewerId, valid],
      );
      return new Set(rows.map((r) => r.id));
    },

    closeFriendsAmong,
  };
}
