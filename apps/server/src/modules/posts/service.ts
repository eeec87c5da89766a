import { randomBytes } from 'node:crypto';
import { IDENTITY_RECIPE, parseRecipe, type Recipe } from '@glimpse/edit';
import { AppError, badInput, FieldErrors, forbidden, isId, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import { deleteBlobs, processPostMedia, rerenderPostMedia } from '../../jobs';
import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Cache } from '../../platform/cache/port';
import { readThrough } from '../../platform/cache/read-through';
import type { Db, Queryable } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { centredCrop, POST_ASPECT } from '../../platform/media';
import { enqueueInTx } from '../../platform/queue/outbox';
import type { Accounts } from '../accounts/service';
import { cropProblem, recipeCropProblem } from '../media/crop';
import { needsViewableOriginal, viewableOriginalKey } from '../media/store';
import type { Uploads } from '../media/uploads';
import { canModifyPost } from '../policy/policy';
import { type CropBox, MEDIA_COLUMNS, type MediaRow, POST_COLUMNS, type PostRow } from './rows';
import { checkAltText, checkCaption, checkRecipe, MEDIA_MAX } from './validation';

export interface NewPostMedia {
  uploadId: string;
  altText?: string | null;
  crop?: CropBox | null;
  /** An edit recipe as the client sent it (any JSON): validated here with @glimpse/edit's parseRecipe. */
  recipe?: unknown;
}

export interface CreatePostInput {
  caption?: string | null;
  media: readonly NewPostMedia[];
}

export interface EditPostInput {
  postId: string;
  caption?: string | null;
  altTexts?: readonly { mediaId: string; altText: string }[] | null;
}

export interface EditMediaInput {
  mediaId: string;
  /** As the client sent it (any JSON). */
  recipe: unknown;
}

export interface Posts {
  create(authorId: string, input: CreatePostInput): Promise<PostRow>;
  edit(viewerId: string, input: EditPostInput): Promise<PostRow>;
  /**
   * Re-edits photos of the viewer's published post: stages each new recipe as a pending edit under a new
   * media key and queues its render; the job swaps it in (the current render is served until then).
   */
  editMedia(viewerId: string, postId: string, media: readonly EditMediaInput[]): Promise<PostRow>;
  setArchived(viewerId: string, postId: string, archived: boolean): Promise<PostRow>;
  setCommentsDisabled(viewerId: string, postId: string, disabled: boolean): Promise<PostRow>;
  delete(viewerId: string, postId: string): Promise<void>;
  byIds(ids: readonly string[]): Promise<PostRow[]>;
  /** Forgets cached rows of these posts (their counters or state changed). */
  invalidate(ids: readonly string[]): Promise<void>;
  /** Forgets the cached photos of these posts (a re-edit was swapped in or dropped). */
  invalidateMedia(ids: readonly string[]): Promise<void>;
  /**
   * The oriented size of a photo posted before edit recipes kept it: read once from the original's
   * header and kept on the row (null when the original is unreadable).
   */
  originalSizeOf(media: { id: string; post_id: string }): Promise<{ width: number; height: number } | null>;
  /** The photos of these posts, in position order (through the cache once none is processing). */
  mediaOf(postIds: readonly string[]): Promise<MediaRow[]>;
  /** An author's grid: visible posts, or for the owner every non-archived post (processing included). */
  gridOf(authorId: string, page: KeysetPage, options: { includeUnpublished: boolean }): Promise<string[]>;
  archivedOf(authorId: string, page: KeysetPage): Promise<string[]>;
}

/** Posts hydrate through the cache; their counters are kept fresh by invalidation, bounded by this TTL. */
const POST_TTL_SECONDS = 30;
/** In-process copies: invalidated through the bus, this only bounds a lost invalidation. */
const NEAR_TTL_SECONDS = 10;
/**
 * A post's photos once none is processing: only an alt-text edit or the post's deletion changes them,
 * and both invalidate, so the TTL only bounds a missed invalidation.
 */
const MEDIA_TTL_SECONDS = 10 * 60;

/** The cached media of one post, in position order. */
interface PostMedia {
  id: string;
  media: MediaRow[];
}

export function createPosts(deps: {
  db: Db;
  outbox: { kick(): void };
  uploads: Uploads;
  accounts: Accounts;
  cache: Cache;
  logger: Logger;
  invalidations?: InvalidationBus;
}): Posts {
  const { db, outbox, uploads, accounts } = deps;
  const hydration = { cache: deps.cache, logger: deps.logger, invalidations: deps.invalidations };
  const cached = readThrough<PostRow>({
    ...hydration,
    namespace: 'post',
    ttlSeconds: POST_TTL_SECONDS,
    nearTtlSeconds: NEAR_TTL_SECONDS,
    dates: ['created_at', 'archived_at', 'edited_at'],
    fetch: (ids) =>
      db.query<PostRow>(`/* postsByIds */ select ${POST_COLUMNS} from posts where id = any($1::bigint[])`, [
        ids,
      ]),
  });
  // Photos still processing are read from the database each time (the job that finishes them does not
  // know this cache); from then on they change only through this service.
  const media = readThrough<PostMedia>({
    ...hydration,
    namespace: 'post-media',
    ttlSeconds: MEDIA_TTL_SECONDS,
    nearTtlSeconds: 60,
    dates: [],
    cacheable: (entry) => entry.media.every((m) => m.status !== 'processing'),
    async fetch(ids) {
      const rows = await db.query<MediaRow>(
        `/* mediaOfPosts */ select ${MEDIA_COLUMNS} from post_media m join posts p on p.id = m.post_id
         where m.post_id = any($1::bigint[]) order by m.post_id, m.position`,
        [ids],
      );
      const byPost = new Map<string, MediaRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) byPost.get(row.post_id)?.push(row);
      return [...byPost].map(([id, list]) => ({ id, media: list }));
    },
  });
  /** After a write commits: the post's cached row, and its author's (post count), are stale. */
  const changed = async (postId: string, authorId?: string) => {
    await cached.invalidate([postId]);
    if (authorId) await accounts.invalidate([authorId]);
  };

  const ownPost = async (q: Queryable, viewerId: string, postId: string): Promise<PostRow> => {
    if (!isId(postId)) throw notFound('Post');
    const [row] = await q.query<PostRow>(
      `/* postForUpdate */ select ${POST_COLUMNS} from posts where id = $1 for update`,
      [postId],
    );
    if (!row) throw notFound('Post');
    if (!canModifyPost(viewerId, row)) throw forbidden('You can only change your own posts');
    return row;
  };

  /** Replaces a post's hashtags and mentions, keeping hashtag post counts exact. */
  const linkCaption = async (q: Queryable, postId: string, hashtags: string[], mentions: string[]) => {
    await q.query(
      `/* unlinkHashtags */ with gone as (delete from post_hashtags where post_id = $1 returning hashtag_id)
       update hashtags set post_count = post_count - 1 where id in (select hashtag_id from gone)`,
      [postId],
    );
    if (hashtags.length > 0) {
      await q.query(
        // The post's links were all just removed, so each tag here gains exactly one post. (Counting in the
        // upsert itself: rows a CTE inserts are invisible to an UPDATE in the same statement.)
        `/* linkHashtags */ with tags as (
           insert into hashtags (id, name, post_count) select next_id(0), n, 1 from unnest($2::text[]) as n
           on conflict (name) do update set post_count = hashtags.post_count + 1 returning id
         )
         insert into post_hashtags (hashtag_id, post_id) select id, $1 from tags`,
        [postId, hashtags],
      );
    }
    await q.query('/* unlinkMentions */ delete from post_mentions where post_id = $1', [postId]);
    const mentioned = await accounts.idsByUsernames(mentions, q);
    if (mentioned.size > 0) {
      await q.query(
        `/* linkMentions */ insert into post_mentions (post_id, user_id) select $1, u from unnest($2::bigint[]) as u
         on conflict do nothing`,
        [postId, [...mentioned.values()]],
      );
    }
  };

  /**
   * The oriented size of a photo's original: kept on the row since edit recipes; for an older photo read
   * from the original's header once, and kept.
   */
  const originalSize = async (
    q: Queryable,
    row: { id: string; original_key: string; original_width: number | null; original_height: number | null },
  ): Promise<{ width: number; height: number }> => {
    if (row.original_width && row.original_height) {
      return { width: row.original_width, height: row.original_height };
    }
    const info = await uploads.describeOriginal(row.original_key);
    if (!info) throw new AppError('CONFLICT', 'The original of this photo is no longer available to edit');
    await q.query(
      `/* keepOriginalSize */ update post_media set original_width = $2, original_height = $3, original_format = $4
       where id = $1`,
      [row.id, info.width, info.height, info.format],
    );
    return info;
  };

  return {
    async create(authorId, input) {
      const errors = new FieldErrors();
      const { caption, hashtags, mentions } = checkCaption(input.caption ?? '', errors);
      if (input.media.length === 0) errors.add('media', 'Add at least one photo');
      if (input.media.length > MEDIA_MAX) errors.add('media', `A post can have at most ${MEDIA_MAX} photos`);
      const altTexts = input.media.map((m, i) => checkAltText(m.altText, errors, `media.${i}.altText`));
      const recipes = input.media.map((m, i) => recipeOf(m, errors, `media.${i}`));
      errors.throwIfAny();

      const post = await db.transaction(async (tx) => {
        const claimed = await uploads.claim(
          tx,
          authorId,
          input.media.map((m) => m.uploadId),
          (i) => `media.${i}.uploadId`,
        );
        const crops = claimed.map((upload, i) => {
          const recipe = recipes[i];
          if (recipe) {
            // The shape of the crop in pixels depends on the photo: checked against its oriented size.
            const problem = recipeCropProblem(recipe.geometry, upload.width, upload.height);
            if (problem) {
              throw badInput(
                input.media[i]?.crop ? `media.${i}.crop` : `media.${i}.recipe.geometry.crop`,
                problem,
              );
            }
            return recipe.geometry.crop ?? centredCrop(upload.width, upload.height, POST_ASPECT);
          }
          const crop = input.media[i]?.crop ?? centredCrop(upload.width, upload.height, POST_ASPECT);
          const problem = cropProblem(crop, upload.width, upload.height, 'post');
          if (problem) throw badInput(`media.${i}.crop`, problem);
          return crop;
        });
        const [row] = await tx.query<PostRow>(
          `/* createPost */ insert into posts (id, author_id, caption) values (next_id(shard_of($1)), $1, $2)
           returning ${POST_COLUMNS}`,
          [authorId, caption],
        );
        const created = row!;
        await tx.query(
          `/* createPostMedia */ insert into post_media (id, post_id, position, alt_text, original_key, media_key, crop,
             recipe, original_width, original_height, original_format)
           select next_id(shard_of($1)), $2, m.position, m.alt_text, m.original_key, m.media_key, m.crop,
             nullif(m.recipe, 'null'::jsonb), m.original_width, m.original_height, m.original_format
           from unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::int[], $10::int[],
             $11::text[])
             as m(position, alt_text, original_key, media_key, crop, recipe, original_width, original_height,
               original_format)`,
          [
            authorId,
            created.id,
            claimed.map((_, i) => i),
            altTexts,
            claimed.map((u) => u.original_key),
            claimed.map(() => newMediaKey()),
            crops.map((c) => JSON.stringify(c)),
            recipes.map((r) => JSON.stringify(r)), // null (no recipe) is stored as SQL null
            claimed.map((u) => u.width),
            claimed.map((u) => u.height),
            claimed.map((u) => u.format),
          ],
        );
        await linkCaption(tx, created.id, hashtags, mentions);
        await tx.query('/* countPost */ update users set post_count = post_count + 1 where id = $1', [
          authorId,
        ]);
        await enqueueInTx(tx, processPostMedia, { postId: created.id });
        return created;
      });
      outbox.kick();
      await accounts.invalidate([authorId]);
      return post;
    },

    async edit(viewerId, input) {
      const errors = new FieldErrors();
      const parts = input.caption != null ? checkCaption(input.caption, errors) : null;
      const alts = (input.altTexts ?? []).map((a, i) => ({
        mediaId: a.mediaId,
        altText: checkAltText(a.altText, errors, `altTexts.${i}.altText`),
      }));
      errors.throwIfAny();
      const edited = await db.transaction(async (tx) => {
        let post = await ownPost(tx, viewerId, input.postId);
        if (parts) {
          const [row] = await tx.query<PostRow>(
            `/* editCaption */ update posts set caption = $2, edited_at = now() where id = $1 returning ${POST_COLUMNS}`,
            [post.id, parts.caption],
          );
          post = row!;
          await linkCaption(tx, post.id, parts.hashtags, parts.mentions);
        }
        for (const [i, alt] of alts.entries()) {
          if (!isId(alt.mediaId))
            throw badInput(`altTexts.${i}.mediaId`, 'This photo is not part of the post');
          const updated = await tx.query(
            '/* editAltText */ update post_media set alt_text = $3 where id = $1 and post_id = $2 returning 1',
            [alt.mediaId, post.id, alt.altText],
          );
          if (updated.length === 0)
            throw badInput(`altTexts.${i}.mediaId`, 'This photo is not part of the post');
        }
        return post;
      });
      await changed(edited.id);
      if (alts.length > 0) await media.invalidate([edited.id]);
      return edited;
    },

    async setArchived(viewerId, postId, archived) {
      const post = await db.transaction(async (tx) => {
        const post = await ownPost(tx, viewerId, postId);
        if ((post.archived_at !== null) === archived) return post;
        const [row] = await tx.query<PostRow>(
          `/* setArchived */ update posts set archived_at = case when $2 then now() else null end where id = $1
           returning ${POST_COLUMNS}`,
          [postId, archived],
        );
        await tx.query('/* countArchive */ update users set post_count = post_count + $2 where id = $1', [
          viewerId,
          archived ? -1 : 1,
        ]);
        return row!;
      });
      await changed(post.id, viewerId);
      return post;
    },

    async setCommentsDisabled(viewerId, postId, disabled) {
      const post = await db.transaction(async (tx) => {
        await ownPost(tx, viewerId, postId);
        const [row] = await tx.query<PostRow>(
          `/* setCommentsDisabled */ update posts set comments_disabled = $2 where id = $1 returning ${POST_COLUMNS}`,
          [postId, disabled],
        );
        return row!;
      });
      await changed(post.id);
      return post;
    },

    async delete(viewerId, postId) {
      await db.transaction(async (tx) => {
        const post = await ownPost(tx, viewerId, postId);
        const media = await tx.query<{
          original_key: string;
          original_format: string | null;
          variants: { key: string }[];
        }>(
          '/* mediaKeysOfPost */ select original_key, original_format, variants from post_media where post_id = $1',
          [postId],
        );
        await linkCaption(tx, postId, [], []);
        await tx.query('/* deletePost */ delete from posts where id = $1', [postId]);
        if (post.archived_at === null) {
          await tx.query('/* uncountPost */ update users set post_count = post_count - 1 where id = $1', [
            viewerId,
          ]);
        }
        // The files go with the rows, through the outbox: a failed delete is retried by the job, and a
        // crash between the commit and the deletion cannot leave orphan files.
        // A re-edit still rendering is not listed: its job finds the row gone and deletes what it wrote.
        const keys = media.flatMap((m) => [
          m.original_key,
          ...(needsViewableOriginal(m.original_format) ? [viewableOriginalKey(m.original_key)] : []),
          ...m.variants.map((v) => v.key),
        ]);
        for (let i = 0; i < keys.length; i += 1000) {
          await enqueueInTx(tx, deleteBlobs, { keys: keys.slice(i, i + 1000) });
        }
      });
      outbox.kick();
      await changed(postId, viewerId);
      await media.invalidate([postId]);
    },

    async editMedia(viewerId, postId, entries) {
      const errors = new FieldErrors();
      if (entries.length === 0) errors.add('media', 'Choose at least one photo to edit');
      if (entries.length > MEDIA_MAX) errors.add('media', `A post has at most ${MEDIA_MAX} photos`);
      entries.forEach((entry, i) => {
        if (entries.findIndex((e) => e.mediaId === entry.mediaId) < i) {
          errors.add(`media.${i}.mediaId`, 'The same photo is edited twice');
        }
      });
      const recipes = entries.map((entry, i) => checkRecipe(entry.recipe, errors, `media.${i}.recipe`));
      errors.throwIfAny();

      const staged = await db.transaction(async (tx) => {
        const post = await ownPost(tx, viewerId, postId);
        if (post.status !== 'ready') {
          throw new AppError(
            'CONFLICT',
            post.status === 'processing'
              ? 'This post is still being processed: edit its photos once it is published'
              : 'This post is not published, so its photos cannot be edited',
            { reason: `post_${post.status}` },
          );
        }
        const ids = entries.map((e) => e.mediaId).filter(isId);
        const rows = await tx.query<{
          id: string;
          original_key: string;
          original_width: number | null;
          original_height: number | null;
        }>(
          `/* mediaToEdit */ select id, original_key, original_width, original_height from post_media
           where post_id = $1 and id = any($2::bigint[]) for update`,
          [post.id, ids],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        const edits = [];
        for (const [i, entry] of entries.entries()) {
          const row = isId(entry.mediaId) ? byId.get(entry.mediaId) : undefined;
          if (!row) throw badInput(`media.${i}.mediaId`, 'This photo is not part of the post');
          const size = await originalSize(tx, row);
          const recipe = recipes[i]!;
          const problem = recipeCropProblem(recipe.geometry, size.width, size.height);
          if (problem) throw badInput(`media.${i}.recipe.geometry.crop`, problem);
          edits.push({ id: row.id, recipe, key: newMediaKey() });
        }
        await tx.query(
          `/* stageMediaEdits */ update post_media set pending_recipe = e.recipe, pending_media_key = e.media_key
           from unnest($2::bigint[], $3::jsonb[], $4::text[]) as e(id, recipe, media_key)
           where post_media.id = e.id and post_media.post_id = $1`,
          [
            post.id,
            edits.map((e) => e.id),
            edits.map((e) => JSON.stringify(e.recipe)),
            edits.map((e) => e.key),
          ],
        );
        const [row] = await tx.query<PostRow>(
          `/* markPostEdited */ update posts set edited_at = now() where id = $1 returning ${POST_COLUMNS}`,
          [post.id],
        );
        for (const edit of edits) {
          await enqueueInTx(tx, rerenderPostMedia, { postId: post.id, mediaId: edit.id, mediaKey: edit.key });
        }
        return row!;
      });
      outbox.kick();
      await changed(staged.id);
      await media.invalidate([staged.id]);
      return staged;
    },

    byIds: (ids) => cached.many(ids),
    invalidate: (ids) => cached.invalidate(ids),
    invalidateMedia: (ids) => media.invalidate(ids),

    async originalSizeOf(row) {
      const [found] = await db.query<{
        id: string;
        original_key: string;
        original_width: number | null;
        original_height: number | null;
      }>(
        `/* originalOfMedia */ select id, original_key, original_width, original_height from post_media
         where id = $1`,
        [row.id],
      );
      if (!found) return null;
      try {
        const size = await originalSize(db, found);
        await media.invalidate([row.post_id]);
        return size;
      } catch (error) {
        if (error instanceof AppError) return null;
        throw error;
      }
    },

    async mediaOf(postIds) {
      const valid = postIds.filter(isId);
      return (await media.many(valid)).flatMap((entry) => entry.media);
    },

    async gridOf(authorId, page, options) {
      const rows = await db.query<{ id: string }>(
        options.includeUnpublished
          ? `/* profileGridOwner */ select id from posts where author_id = $1 and archived_at is null
             and status <> 'failed' and ($2::bigint is null or id < $2) order by id desc limit $3`
          : `/* profileGrid */ select id from posts where author_id = $1 and status = 'ready' and archived_at is null
             and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [authorId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },

    async archivedOf(authorId, page) {
      const rows = await db.query<{ id: string }>(
        `/* archivedPosts */ select id from posts where author_id = $1 and archived_at is not null
         and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [authorId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },
  };
}

/** A random, unguessable media key: a photo's served files live under m/<key>/. */
function newMediaKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A new photo's edit recipe, validated into `errors` (keys under `<field>.recipe`). A crop given beside
 * a recipe becomes the recipe's crop (checked as one: under `<field>.crop`); given in both places, refused.
 */
function recipeOf(media: NewPostMedia, errors: FieldErrors, field: string): Recipe | null {
  if (media.recipe == null) return null;
  const recipe = checkRecipe(media.recipe, errors, `${field}.recipe`);
  if (!recipe || !media.crop) return recipe;
  if (recipe.geometry.crop) {
    errors.add(`${field}.crop`, 'Give the crop in one place: either crop or the recipe’s geometry.crop');
    return null;
  }
  const merged = parseRecipe({ ...recipe, geometry: { ...recipe.geometry, crop: media.crop } });
  if (merged.ok) return merged.recipe;
  for (const issue of merged.issues) {
    const rest = issue.path.startsWith('geometry.crop') ? issue.path.slice('geometry.crop'.length) : null;
    errors.add(rest === null ? `${field}.recipe.${issue.path}` : `${field}.crop${rest}`, issue.message);
  }
  return null;
}

/** The recipe a photo without one was rendered with: the identity, with its crop. */
export function recipeOrIdentity(recipe: Recipe | null, crop: CropBox): Recipe {
  return recipe ?? { ...IDENTITY_RECIPE, geometry: { ...IDENTITY_RECIPE.geometry, crop } };
}
