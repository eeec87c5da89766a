import { badInput } from '../../errors';
import { type Hydration, readThrough } from '../../platform/cache/read-through';
import type { Db, Queryable } from '../../platform/db';
import type { NotificationOutbox } from '../notifications/service';
import { cleanText, textProblem } from '../text/validate';
import { DEFAULT_HIDDEN_WORDS, findHiddenWord, HIDDEN_WORD_MAX_LENGTH, HIDDEN_WORDS_MAX } from './words';

/**
 * Tools a person uses on their own account, as on Instagram: restrict (someone's comments on your
 * posts wait for your approval, seen only by them meanwhile; they are not told), mute (their posts
 * leave your feeds; they are not told), hidden words (comments with them are hidden on your posts),
 * and limit interactions (for a while, only followers of more than a week can comment).
 */
export interface HiddenWordsSettings {
  words: string[];
  useDefault: boolean;
}

export type CommentGate =
  | { allowed: false; reason: string }
  | { allowed: true; hiddenReason: 'restricted' | 'hidden_word' | null };

export interface Safety {
  restrict(userId: string, otherId: string): Promise<void>;
  unrestrict(userId: string, otherId: string): Promise<void>;
  /** Which of `ids` the user has restricted. */
  restrictedAmong(userId: string, ids: readonly string[]): Promise<Set<string>>;
  mute(userId: string, otherId: string, what: { posts: boolean; stories: boolean }): Promise<void>;
  /** Which of `ids` the user has muted, and what. */
  mutesAmong(
    userId: string,
    ids: readonly string[],
  ): Promise<Map<string, { posts: boolean; stories: boolean }>>;
  hiddenWords(userId: string): Promise<HiddenWordsSettings>;
  setHiddenWords(userId: string, settings: HiddenWordsSettings): Promise<HiddenWordsSettings>;
  limitInteractions(userId: string, days: number | null): Promise<Date | null>;
  interactionLimit(userId: string): Promise<Date | null>;
  /**
   * What happens to a new comment by `commenterId` on a post by `authorId`: refused (interactions
   * limited), or accepted and shown to everyone or hidden pending approval.
   */
  gateComment(q: Queryable, authorId: string, commenterId: string, text: string): Promise<CommentGate>;
  /** The post's author approves a hidden comment: everyone sees it. */
  approveComment(userId: string, commentId: string): Promise<boolean>;
}

const LIMIT_DAYS = [1, 3, 7, 14, 28];
const ESTABLISHED_FOLLOWER_DAYS = 7;

/** A person's mutes, as lists: read on every feed and Explore page, written rarely. */
interface MuteLists {
  id: string;
  posts: string[];
  stories: string[];
}

export function createSafety(db: Db, notifications?: NotificationOutbox, hydration?: Hydration): Safety {
  const muteLists = hydration
    ? readThrough<MuteLists>({
        ...hydration,
        namespace: 'mutes',
        ttlSeconds: 300,
        nearTtlSeconds: 10,
        dates: [],
        fetch: (ids) =>
          db.query<MuteLists>(
            `/* muteListsOf */ select u.id::text as id,
               array(select muted_id::text from mutes where user_id = u.id and posts) as posts,
               array(select muted_id::text from mutes where user_id = u.id and stories) as stories
             from unnest($1::bigint[]) as u(id)`,
            [ids],
          ),
      })
    : null;
  return {
    async restrict(userId, otherId) {
      if (userId === otherId) throw badInput('userId', "You can't restrict yourself");
      await db.query(
        '/* restrict */ insert into restrictions (user_id, restricted_id) values ($1, $2) on conflict do nothing',
        [userId, otherId],
      );
    },
    async unrestrict(userId, otherId) {
      await db.query('/* unrestrict */ delete from restrictions where user_id = $1 and restricted_id = $2', [
        userId,
        otherId,
      ]);
    },
    async restrictedAmong(userId, ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(
        `/* restrictedAmong */ select restricted_id::text as id from restrictions
         where user_id = $1 and restricted_id = any($2::bigint[])`,
        [userId, ids],
      );
      return new Set(rows.map((r) => r.id));
    },

    async mute(userId, otherId, { posts, stories }) {
      if (userId === otherId) throw badInput('userId', "You can't mute yourself");
      if (!posts && !stories) {
        await db.query('/* unmute */ delete from mutes where user_id = $1 and muted_id = $2', [
          userId,
          otherId,
        ]);
        await muteLists?.invalidate([userId]);
        return;
      }
      await db.query(
        `/* mute */ insert into mutes (user_id, muted_id, posts, stories) values ($1, $2, $3, $4)
         on conflict (user_id, muted_id) do update set posts = excluded.posts, stories = excluded.stories`,
        [userId, otherId, posts, stories],
      );
      await muteLists?.invalidate([userId]);
    },
    async mutesAmong(userId, ids) {
      if (ids.length === 0) return new Map();
      if (muteLists) {
        const [lists] = await muteLists.many([userId]);
        const posts = new Set(lists?.posts);
        const stories = new Set(lists?.stories);
        const found = new Map<string, { posts: boolean; stories: boolean }>();
        for (const id of ids) {
          if (posts.has(id) || stories.has(id))
            found.set(id, { posts: posts.has(id), stories: stories.has(id) });
        }
        return found;
      }
      const rows = await db.query<{ id: string; posts: boolean; stories: boolean }>(
        `/* mutesAmong */ select muted_id::text as id, posts, stories from mutes
         where user_id = $1 and muted_id = any($2::bigint[])`,
        [userId, ids],
      );
      return new Map(rows.map((r) => [r.id, { posts: r.posts, stories: r.stories }]));
    },

    async hiddenWords(userId) {
      const [row] = await db.query<{ words: string[]; use_default: boolean }>(
        '/* hiddenWordsOf */ select words, use_default from hidden_words where user_id = $1',
        [userId],
      );
      return { words: row?.words ?? [], useDefault: row?.use_default ?? true };
    },
    async setHiddenWords(userId, settings) {
      const words: string[] = [];
      for (const [i, raw] of settings.words.entries()) {
        const word = cleanText(raw).toLowerCase();
        const problem = textProblem(word, { label: 'A hidden word', max: HIDDEN_WORD_MAX_LENGTH, min: 1 });
        if (problem) throw badInput(`words.${i}`, problem);
        if (!words.includes(word)) words.push(word);
      }
      if (words.length > HIDDEN_WORDS_MAX)
        throw badInput('words', `You can hide up to ${HIDDEN_WORDS_MAX} words`);
      await db.query(
        `/* setHiddenWords */ insert into hidden_words (user_id, words, use_default) values ($1, $2, $3)
         on conflict (user_id) do update set words = excluded.words, use_default = excluded.use_default,
           updated_at = now()`,
        [userId, words, settings.useDefault],
      );
      return { words, useDefault: settings.useDefault };
    },

    async limitInteractions(userId, days) {
      if (days === null) {
        await db.query('/* liftInteractionLimit */ delete from interaction_limits where user_id = $1', [
          userId,
        ]);
        return null;
      }
      if (!LIMIT_DAYS.includes(days)) throw badInput('days', `Choose ${LIMIT_DAYS.join(', ')} days`);
      const [row] = await db.query<{ until: Date }>(
        `/* limitInteractions */ insert into interaction_limits (user_id, until) values ($1, now() + make_interval(days => $2))
         on conflict (user_id) do update set until = excluded.until returning until`,
        [userId, days],
      );
      return row?.until ?? null;
    },
    async interactionLimit(userId) {
      const [row] = await db.query<{ until: Date }>(
        '/* interactionLimit */ select until from interaction_limits where user_id = $1 and until > now()',
        [userId],
      );
      return row?.until ?? null;
    },

    async gateComment(q, authorId, commenterId, text) {
      if (authorId === commenterId) return { allowed: true, hiddenReason: null };
      const [facts] = await q.query<{
        limited: boolean;
        established: boolean;
        restricted: boolean;
        words: string[] | null;
        use_default: boolean | null;
      }>(
        `/* commentGate */ select
           exists (select 1 from interaction_limits l where l.user_id = $1 and l.until > now()) as limited,
           exists (select 1 from follows f where f.followee_id = $1 and f.follower_id = $2
             and f.created_at < now() - make_interval(days => $3)) as established,
           exists (select 1 from restrictions r where r.user_id = $1 and r.restricted_id = $2) as restricted,
           (select words from hidden_words where user_id = $1) as words,
           (select use_default from hidden_words where user_id = $1) as use_default`,
        [authorId, commenterId, ESTABLISHED_FOLLOWER_DAYS],
      );
      if (facts?.limited && !facts.established) {
        return {
          allowed: false,
          reason: 'This account has limited comments to its long-time followers for now',
        };
      }
      if (facts?.restricted) return { allowed: true, hiddenReason: 'restricted' };
      const words = [...(facts?.words ?? []), ...((facts?.use_default ?? true) ? DEFAULT_HIDDEN_WORDS : [])];
      if (findHiddenWord(text, words)) return { allowed: true, hiddenReason: 'hidden_word' };
      return { allowed: true, hiddenReason: null };
    },

    async approveComment(userId, commentId) {
      const approved = await db.transaction(async (tx) => {
        const rows = await tx.query<{ author_id: string }>(
          `/* approveComment */ update comments c set hidden_reason = null
           from posts p where c.id = $1 and p.id = c.post_id and p.author_id = $2 and c.hidden_reason is not null
           returning c.author_id::text`,
          [commentId, userId],
        );
        // Held comments notified nobody: now that everyone sees it, the usual notifications go out.
        const [comment] = rows;
        if (comment && notifications)
          await notifications.inTx(tx, { kind: 'COMMENT', actorId: comment.author_id, subjectId: commentId });
        return rows.length > 0;
      });
      if (approved) notifications?.kick();
      return approved;
    },
  };
}
