import { badInput, FieldErrors, isId, notFound } from '../../errors';
import type { Db, Queryable } from '../../platform/db';
import { cleanText, textProblem } from '../text/validate';
import type { HighlightRow } from './rows';

/** Named collections of an owner's stories, shown on the profile after the stories expire. */
export const HIGHLIGHT_TITLE_MAX = 30;
export const HIGHLIGHT_STORIES_MAX = 100;

export interface HighlightInput {
  title?: string | null;
  storyIds?: readonly string[] | null;
  coverStoryId?: string | null;
}

export interface HighlightEdit extends HighlightInput {
  id: string;
  addStoryIds?: readonly string[] | null;
  removeStoryIds?: readonly string[] | null;
}

export interface Highlights {
  create(ownerId: string, input: HighlightInput): Promise<HighlightRow>;
  edit(ownerId: string, input: HighlightEdit): Promise<HighlightRow>;
  delete(ownerId: string, id: string): Promise<void>;
  byIds(ids: readonly string[]): Promise<HighlightRow[]>;
  ofOwners(ownerIds: readonly string[]): Promise<HighlightRow[]>;
  /** Whether a story is in any highlight (its media stays served after 24 hours). */
  containing(storyIds: readonly string[]): Promise<Set<string>>;
}

const COLUMNS = `h.id::text as id, h.owner_id::text as owner_id, h.title, h.cover_story_id::text as cover_story_id, h.created_at,
  coalesce((select array_agg(hs.story_id::text order by hs.story_id) from highlight_stories hs where hs.highlight_id = h.id), '{}') as story_ids`;

export function createHighlights(db: Db): Highlights {
  const checkTitle = (raw: string, errors: FieldErrors) => {
    const title = cleanText(raw);
    errors.add(
      'title',
      title === ''
        ? 'Give the highlight a title'
        : textProblem(title, { label: 'Title', max: HIGHLIGHT_TITLE_MAX }),
    );
    return title;
  };

  /** The stories must be the owner's own (any state but failed); names the first that isn't. */
  const ownStories = async (q: Queryable, ownerId: string, ids: readonly string[], field: string) => {
    ids.forEach((id, i) => {
      if (!isId(id)) throw badInput(`${field}.${i}`, 'Invalid story id');
    });
    if (ids.length === 0) return;
    const rows = await q.query<{ id: string }>(
      `/* ownStories */ select id::text as id from stories where id = any($1::bigint[]) and owner_id = $2 and status = 'ready'`,
      [ids, ownerId],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw badInput(`${field}.${missing}`, 'This story does not exist');
  };

  const load = async (q: Queryable, id: string) => {
    const [row] = await q.query<HighlightRow>(
      `/* highlightById */ select ${COLUMNS} from highlights h where h.id = $1`,
      [id],
    );
    return row!;
  };

  const checkCover = (row: HighlightRow, cover: string | null | undefined) => {
    if (cover != null && !row.story_ids.includes(cover))
      throw badInput('coverStoryId', 'The cover must be one of the highlight’s stories');
  };

  return {
    async create(ownerId, input) {
      const errors = new FieldErrors();
      const title = checkTitle(input.title ?? '', errors);
      const ids = [...new Set(input.storyIds ?? [])];
      if (ids.length === 0) errors.add('storyIds', 'Choose at least one story');
      if (ids.length > HIGHLIGHT_STORIES_MAX)
        errors.add('storyIds', `A highlight holds at most ${HIGHLIGHT_STORIES_MAX} stories`);
      errors.throwIfAny();
      return db.transaction(async (tx) => {
        await ownStories(tx, ownerId, ids, 'storyIds');
        const cover = input.coverStoryId ?? ids[0]!;
        if (!ids.includes(cover))
          throw badInput('coverStoryId', 'The cover must be one of the highlight’s stories');
        const [row] = await tx.query<{ id: string }>(
          `/* createHighlight */ insert into highlights (id, owner_id, title, cover_story_id)
           values (next_id(shard_of($1)), $1, $2, $3) returning id::text as id`,
          [ownerId, title, cover],
        );
        await tx.query(
          '/* linkHighlightStories */ insert into highlight_stories (highlight_id, story_id) select $1, unnest($2::bigint[])',
          [row!.id, ids],
        );
        return load(tx, row!.id);
      });
    },

    async edit(ownerId, input) {
      const errors = new FieldErrors();
      const title = input.title != null ? checkTitle(input.title, errors) : null;
      errors.throwIfAny();
      if (!isId(input.id)) throw notFound('Highlight');
      return db.transaction(async (tx) => {
        const [owner] = await tx.query<{ owner_id: string }>(
          '/* highlightForUpdate */ select owner_id::text as owner_id from highlights where id = $1 for update',
          [input.id],
        );
        if (!owner) throw notFound('Highlight');
        if (owner.owner_id !== ownerId) throw notFound('Highlight');
        const add = [...new Set(input.addStoryIds ?? [])];
        await ownStories(tx, ownerId, add, 'addStoryIds');
        if (title !== null)
          await tx.query('/* renameHighlight */ update highlights set title = $2 where id = $1', [
            input.id,
            title,
          ]);
        if (add.length > 0)
          await tx.query(
            `/* addHighlightStories */ insert into highlight_stories (highlight_id, story_id) select $1, unnest($2::bigint[])
             on conflict do nothing`,
            [input.id, add],
          );
        const remove = (input.removeStoryIds ?? []).filter(isId);
        if (remove.length > 0)
          await tx.query(
            '/* removeHighlightStories */ delete from highlight_stories where highlight_id = $1 and story_id = any($2::bigint[])',
            [input.id, remove],
          );
        let row = await load(tx, input.id);
        if (row.story_ids.length === 0)
          throw badInput('removeStoryIds', 'A highlight keeps at least one story');
        if (row.story_ids.length > HIGHLIGHT_STORIES_MAX)
          throw badInput('addStoryIds', `A highlight holds at most ${HIGHLIGHT_STORIES_MAX} stories`);
        checkCover(row, input.coverStoryId);
        const cover =
          input.coverStoryId ??
          (row.cover_story_id && row.story_ids.includes(row.cover_story_id)
            ? row.cover_story_id
            : row.story_ids[0]!);
        if (cover !== row.cover_story_id) {
          await tx.query('/* setHighlightCover */ update highlights set cover_story_id = $2 where id = $1', [
            input.id,
            cover,
          ]);
          row = { ...row, cover_story_id: cover };
        }
        return row;
      });
    },

    async delete(ownerId, id) {
      if (!isId(id)) throw notFound('Highlight');
      const [row] = await db.query<{ owner_id: string }>(
        '/* highlightOwner */ select owner_id::text as owner_id from highlights where id = $1',
        [id],
      );
      if (!row) throw notFound('Highlight');
      if (row.owner_id !== ownerId) throw notFound('Highlight');
      await db.query('/* deleteHighlight */ delete from highlights where id = $1', [id]);
    },

    async byIds(ids) {
      const valid = ids.filter(isId);
      if (valid.length === 0) return [];
      return db.query<HighlightRow>(
        `/* highlightsByIds */ select ${COLUMNS} from highlights h where h.id = any($1::bigint[])`,
        [valid],
      );
    },

    async ofOwners(ownerIds) {
      if (ownerIds.length === 0) return [];
      return db.query<HighlightRow>(
        `/* highlightsOf */ select ${COLUMNS} from highlights h where h.owner_id = any($1::bigint[]) order by h.owner_id, h.id`,
        [ownerIds],
      );
    },

    async containing(storyIds) {
      if (storyIds.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(
        '/* storiesInHighlights */ select distinct story_id::text as id from highlight_stories where story_id = any($1::bigint[])',
        [storyIds],
      );
      return new Set(rows.map((r) => r.id));
    },
  };
}
