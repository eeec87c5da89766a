import { AppError, badInput, FieldErrors } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';
import type { NotificationOutbox } from '../notifications/service';
import { cleanText, textProblem } from '../text/validate';
import type { ResponseKind, StoryResponseRow, StoryRow } from './rows';

/**
 * Responses of viewers to a story they can see (the caller checks visibility and liveness first):
 * poll votes (once, no change of mind, as on Instagram), slider positions (once), question answers,
 * emoji reactions and text replies (stored for the owner until direct messages exist).
 */
export const ANSWER_MAX = 200;
export const REPLY_MAX = 1000;
export const REACTIONS: readonly string[] = ['😂', '😮', '😍', '😢', '👏', '🔥', '🎉', '💯'];

export interface PollTally {
  counts: number[];
  total: number;
}

export interface StoryInteractions {
  vote(story: StoryRow, userId: string, option: number): Promise<void>;
  slide(story: StoryRow, userId: string, value: number): Promise<void>;
  respond(story: StoryRow, userId: string, kind: ResponseKind, body: string): Promise<void>;
  /** The user's own vote and slider position per story. */
  votesOf(
    userId: string,
    storyIds: readonly string[],
  ): Promise<Map<string, { option: number | null; slider: number | null }>>;
  pollTallies(storyIds: readonly string[]): Promise<Map<string, PollTally>>;
  sliderAverages(storyIds: readonly string[]): Promise<Map<string, { average: number; count: number }>>;
  responses(storyId: string, kind: ResponseKind, page: KeysetPage): Promise<StoryResponseRow[]>;
}

export function createStoryInteractions(db: Db, notifications?: NotificationOutbox): StoryInteractions {
  const already = (what: string) => new AppError('CONFLICT', `You have already ${what}`);
  return {
    async vote(story, userId, option) {
      const poll = story.overlays.find((o) => o.kind === 'poll');
      if (!poll) throw badInput('storyId', 'This story has no poll');
      if (!Number.isInteger(option) || option < 0 || option >= poll.options.length)
        throw badInput('option', `Choose an option from 0 to ${poll.options.length - 1}`);
      const rows = await db.query<{ poll_option: number | null }>(
        `/* votePoll */ insert into story_votes (story_id, user_id, poll_option) values ($1, $2, $3)
         on conflict (story_id, user_id) do update set poll_option = excluded.poll_option
           where story_votes.poll_option is null
         returning poll_option`,
        [story.id, userId, option],
      );
      if (rows.length === 0) {
        const [mine] = await db.query<{ poll_option: number }>(
          '/* myVote */ select poll_option from story_votes where story_id = $1 and user_id = $2',
          [story.id, userId],
        );
        if (mine?.poll_option !== option) throw already('voted in this poll');
      }
    },

    async slide(story, userId, value) {
      if (!story.overlays.some((o) => o.kind === 'slider'))
        throw badInput('storyId', 'This story has no slider');
      if (!Number.isFinite(value) || value < 0 || value > 1)
        throw badInput('value', 'The value must be between 0 and 1');
      const rows = await db.query(
        `/* slideSlider */ insert into story_votes (story_id, user_id, slider_value) values ($1, $2, $3)
         on conflict (story_id, user_id) do update set slider_value = excluded.slider_value
           where story_votes.slider_value is null
         returning 1`,
        [story.id, userId, value],
      );
      if (rows.length === 0) throw already('answered this slider');
    },

    async respond(story, userId, kind, raw) {
      const errors = new FieldErrors();
      let body = cleanText(raw);
      if (kind === 'answer') {
        if (!story.overlays.some((o) => o.kind === 'question'))
          throw badInput('storyId', 'This story asks no question');
        errors.add(
          'text',
          body === '' ? 'Write an answer' : textProblem(body, { label: 'Answer', max: ANSWER_MAX }),
        );
      } else if (kind === 'reply') {
        errors.add(
          'text',
          body === '' ? 'Write a reply' : textProblem(body, { label: 'Reply', max: REPLY_MAX }),
        );
      } else {
        body = raw;
        if (!REACTIONS.includes(raw)) errors.add('emoji', `React with one of ${REACTIONS.join(' ')}`);
      }
      errors.throwIfAny();
      await db.transaction(async (tx) => {
        await tx.query(
          `/* respondToStory */ insert into story_responses (id, story_id, user_id, kind, body)
           values (next_id(shard_of($1)), $1, $2, $3, $4)`,
          [story.id, userId, kind, body],
        );
        if (notifications && kind !== 'answer') {
          await notifications.inTx(tx, {
            kind: kind === 'reply' ? 'STORY_REPLY' : 'STORY_REACTION',
            actorId: userId,
            subjectId: story.id,
            recipientId: story.owner_id,
          });
        }
      });
      notifications?.kick();
    },

    async votesOf(userId, storyIds) {
      if (storyIds.length === 0) return new Map();
      const rows = await db.query<{ id: string; poll_option: number | null; slider_value: number | null }>(
        `/* votesOf */ select story_id::text as id, poll_option, slider_value from story_votes
         where user_id = $1 and story_id = any($2::bigint[])`,
        [userId, storyIds],
      );
      return new Map(rows.map((r) => [r.id, { option: r.poll_option, slider: r.slider_value }]));
    },

    async pollTallies(storyIds) {
      if (storyIds.length === 0) return new Map();
      const rows = await db.query<{ id: string; poll_option: number; n: string }>(
        `/* pollTallies */ select story_id::text as id, poll_option, count(*) as n from story_votes
         where story_id = any($1::bigint[]) and poll_option is not null group by story_id, poll_option`,
        [storyIds],
      );
      const out = new Map<string, PollTally>();
      for (const row of rows) {
        const tally = out.get(row.id) ?? { counts: [0, 0, 0, 0], total: 0 };
        tally.counts[row.poll_option] = Number(row.n);
        tally.total += Number(row.n);
        out.set(row.id, tally);
      }
      return out;
    },

    async sliderAverages(storyIds) {
      if (storyIds.length === 0) return new Map();
      const rows = await db.query<{ id: string; average: number; n: string }>(
        `/* sliderAverages */ select story_id::text as id, avg(slider_value)::float8 as average, count(*) as n
         from story_votes where story_id = any($1::bigint[]) and slider_value is not null group by story_id`,
        [storyIds],
      );
      return new Map(rows.map((r) => [r.id, { average: r.average, count: Number(r.n) }]));
    },

    responses: (storyId, kind, page) =>
      db.query<StoryResponseRow>(
        `/* storyResponses */ select id::text as id, story_id::text as story_id, user_id::text as user_id, kind, body, created_at
         from story_responses where story_id = $1 and kind = $2 and ($3::bigint is null or id < $3)
         order by id desc limit $4`,
        [storyId, kind, page.after, page.limit],
      ),
  };
}
