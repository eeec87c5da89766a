import { AppError, badInput, forbidden, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';
import { verifyPassword } from '../accounts/passwords';
import type { ImageVariant } from '../accounts/rows';
import { emailProblem, normalizeEmail, normalizeUsername, usernameProblem } from '../accounts/validation';
import { cleanText, textProblem } from '../text/validate';

/**
 * Reports and moderation. Anyone can report what they can see; moderators work a queue of reported
 * subjects (grouped, oldest first), act on them (remove, warn, suspend, dismiss), and every action is
 * written to an audit log with a snapshot of what was acted on. The owner sees each action against
 * them and can appeal it once; a granted appeal undoes it.
 */
export type SubjectKind = 'post' | 'comment' | 'account';
export type ActionKind = 'remove' | 'warn' | 'suspend' | 'dismiss' | 'restore' | 'unsuspend';
export type Role = 'member' | 'moderator' | 'admin';

export const REPORT_REASONS = [
  'spam',
  'nudity',
  'hate',
  'violence',
  'bullying',
  'false_information',
  'scam',
  'intellectual_property',
  'self_harm',
  'illegal_goods',
  'fake_engagement',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const NOTE_MAX = 500;
export const APPEAL_MAX = 1000;

export interface ReportRow {
  id: string;
  /** Null when the system filed it (fake-engagement detection). */
  reporter_id: string | null;
  reason: ReportReason;
  details: string;
  created_at: Date;
}

export interface CaseRow {
  subject_kind: SubjectKind;
  subject_id: string;
  subject_owner_id: string;
  report_count: number;
  reasons: ReportReason[];
  first_report_id: string;
  first_reported_at: Date;
}

export interface ActionRow {
  id: string;
  moderator_id: string | null;
  action: ActionKind;
  subject_kind: SubjectKind;
  subject_id: string;
  target_user_id: string;
  note: string;
  created_at: Date;
}

export interface AppealRow {
  id: string;
  action_id: string;
  user_id: string;
  text: string;
  status: 'open' | 'granted' | 'denied';
  created_at: Date;
  decision_note: string;
}

export interface ModeratedAccountRow {
  id: string;
  username: string;
  display_name: string;
  is_private: boolean;
  suspended_at: Date | null;
  created_at: Date;
  prior_actions: number;
}

export interface ModeratedPostRow {
  id: string;
  author_id: string;
  caption: string;
  status: string;
  created_at: Date;
  /** Per photo, its stored variants. */
  media: (ImageVariant[] | null)[];
}

export interface ModeratedCommentRow {
  id: string;
  post_id: string;
  author_id: string;
  text: string;
  created_at: Date;
}

/** What acting on a subject changes elsewhere: caches, comment counters, sessions. */
export interface ModerationHooks {
  postsChanged(ids: readonly string[]): Promise<void>;
  usersChanged(ids: readonly string[]): Promise<void>;
  deleteComment(id: string): Promise<void>;
  revokeSessions(userId: string): Promise<void>;
}

export interface Moderation {
  roleOf(userId: string): Promise<Role>;
  isSuspended(userId: string): Promise<boolean>;
  /** Throws FORBIDDEN unless the user is a moderator or admin. */
  requireModerator(userId: string): Promise<void>;
  report(input: {
    reporterId: string;
    kind: SubjectKind;
    subjectId: string;
    ownerId: string;
    reason: ReportReason;
    details: string | null;
  }): Promise<void>;
  queue(page: KeysetPage): Promise<CaseRow[]>;
  /** The latest open reports of each subject (`limit` each), newest first. */
  reportsOf(
    subjects: readonly { kind: SubjectKind; id: string }[],
    limit: number,
  ): Promise<(ReportRow & { subject: string })[]>;
  accounts(ids: readonly string[]): Promise<ModeratedAccountRow[]>;
  posts(ids: readonly string[]): Promise<ModeratedPostRow[]>;
  comments(ids: readonly string[]): Promise<ModeratedCommentRow[]>;
  moderate(input: {
    moderatorId: string;
    kind: SubjectKind;
    subjectId: string;
    action: ActionKind;
    note: string | null;
  }): Promise<ActionRow>;
  log(page: KeysetPage): Promise<ActionRow[]>;
  action(id: string): Promise<ActionRow | null>;
  actions(ids: readonly string[]): Promise<ActionRow[]>;
  notices(userId: string): Promise<{ action: ActionRow; appeal: AppealRow | null }[]>;
  appeal(userId: string, actionId: string, text: string): Promise<AppealRow>;
  /** A suspended account appeals its latest suspension, proving who it is with its password. */
  appealSuspension(username: string, password: string, text: string): Promise<void>;
  openAppeals(): Promise<AppealRow[]>;
  decideAppeal(input: {
    moderatorId: string;
    appealId: string;
    grant: boolean;
    note: string | null;
  }): Promise<AppealRow>;
}

const ACTION_COLUMNS = 'id, moderator_id, action, subject_kind, subject_id, target_user_id, note, created_at';
const APPEAL_COLUMNS = 'id, action_id, user_id, text, status, created_at, decision_note';
/** Actions an owner can appeal (a dismissal or an undo has nothing to appeal). */
const APPEALABLE: readonly ActionKind[] = ['remove', 'warn', 'suspend'];

function checkNote(raw: string | null, field: string, max: number, min = 0): string {
  const text = cleanText(raw ?? '');
  const problem = textProblem(text, { label: field === 'text' ? 'Appeal' : 'Note', max, min });
  if (problem) throw badInput(field, problem);
  return text;
}

export function createModeration(db: Db, hooks: ModerationHooks): Moderation {
  const moderation: Moderation = {
    async roleOf(userId) {
      const [row] = await db.query<{ role: Role }>('/* roleOf */ select role from users where id = $1', [
        userId,
      ]);
      return row?.role ?? 'member';
    },

    async isSuspended(userId) {
      const [row] = await db.query<{ suspended: boolean }>(
        '/* isSuspended */ select suspended_at is not null as suspended from users where id = $1',
        [userId],
      );
      return row?.suspended ?? false;
    },

    async requireModerator(userId) {
      const role = await moderation.roleOf(userId);
      if (role !== 'moderator' && role !== 'admin') throw forbidden('Only moderators can do that');
    },

    async report({ reporterId, kind, subjectId, ownerId, reason, details }) {
      if (ownerId === reporterId) throw badInput('id', "You can't report your own content");
      const text = checkNote(details, 'details', NOTE_MAX);
      await db.query(
        `/* fileReport */ insert into reports (id, reporter_id, subject_kind, subject_id, subject_owner_id, reason, details)
         values (next_id(shard_of($1)), $1, $2, $3, $4, $5, $6)
         on conflict (reporter_id, subject_kind, subject_id) where status = 'open' do nothing`,
        [reporterId, kind, subjectId, ownerId, reason, text],
      );
    },

    async queue(page) {
      return db.query<CaseRow>(
        `/* moderationQueue */ select subject_kind, subject_id::text, subject_owner_id::text,
           count(*)::int as report_count, array_agg(distinct reason order by reason) as reasons,
           min(id)::text as first_report_id, min(created_at) as first_reported_at
         from reports where status = 'open'
         group by subject_kind, subject_id, subject_owner_id
         having ($1::bigint is null or min(id) > $1)
         order by min(id) limit $2`,
        [page.after, page.limit],
      );
    },

    async reportsOf(subjects, limit) {
      if (subjects.length === 0) return [];
      return db.query<ReportRow & { subject: string }>(
        `/* openReportsOf */ select subject, id, reporter_id, reason, details, created_at from (
           select r.subject_kind || ':' || r.subject_id as subject, r.id::text, r.reporter_id::text, r.reason,
             r.details, r.created_at, row_number() over (partition by r.subject_kind, r.subject_id order by r.id desc) as n
           from reports r
           where r.status = 'open' and (r.subject_kind, r.subject_id) in (
             select split_part(s, ':', 1), split_part(s, ':', 2)::bigint from unnest($1::text[]) as s)
         ) x where n <= $2 order by id desc`,
        [subjects.map((s) => `${s.kind}:${s.id}`), limit],
      );
    },

    async accounts(ids) {
      if (ids.length === 0) return [];
      return db.query<ModeratedAccountRow>(
        `/* moderatedAccounts */ select u.id::text, u.username, u.display_name, u.is_private, u.suspended_at,
           u.created_at, (select count(*)::int from moderation_actions a
             where a.target_user_id = u.id and a.action in ('remove', 'warn', 'suspend')) as prior_actions
         from users u where u.id = any($1::bigint[])`,
        [ids],
      );
    },

    async posts(ids) {
      if (ids.length === 0) return [];
      return db.query<ModeratedPostRow>(
        `/* moderatedPost */ select p.id::text, p.author_id::text, p.caption, p.status, p.created_at,
           coalesce((select jsonb_agg(m.variants order by m.position) from post_media m where m.post_id = p.id),
             '[]') as media
         from posts p where p.id = any($1::bigint[])`,
        [ids],
      );
    },

    async comments(ids) {
      if (ids.length === 0) return [];
      return db.query<ModeratedCommentRow>(
        `/* moderatedComments */ select id::text, post_id::text, author_id::text, text, created_at
         from comments where id = any($1::bigint[])`,
        [ids],
      );
    },

    async moderate({ moderatorId, kind, subjectId, action, note }) {
      const text = checkNote(note, 'note', NOTE_MAX);
      const subject = await subjectOf(kind, subjectId);
      if (!subject) throw notFound(kind === 'account' ? 'Account' : kind === 'post' ? 'Post' : 'Comment');
      if (subject.ownerId === moderatorId) throw forbidden("You can't moderate your own account or content");
      if (kind === 'comment' && (action === 'restore' || action === 'unsuspend')) {
        throw badInput('action', 'A removed comment is deleted and cannot be restored');
      }
      if (kind === 'account' && (action === 'remove' || action === 'restore')) {
        throw badInput('action', 'Suspend or unsuspend an account; remove or restore its posts and comments');
      }
      if (kind !== 'account' && action === 'unsuspend') {
        throw badInput('action', 'Unsuspend applies to accounts');
      }
      const row = await db.transaction(async (tx) => {
        const [logged] = await tx.query<ActionRow>(
          `/* logModerationAction */ insert into moderation_actions
             (id, moderator_id, action, subject_kind, subject_id, target_user_id, note, snapshot)
           values (next_id(shard_of($5)), $1, $2, $3, $4, $5, $6, $7) returning ${ACTION_COLUMNS}`,
          [moderatorId, action, kind, subjectId, subject.ownerId, text, JSON.stringify(subject.snapshot)],
        );
        const suspendTarget = action === 'suspend' ? subject.ownerId : null;
        if (action === 'remove' && kind === 'post') {
          await tx.query(`/* removePost */ update posts set status = 'removed' where id = $1`, [subjectId]);
        }
        if (action === 'restore' && kind === 'post') {
          await tx.query(
            `/* restorePost */ update posts set status = 'ready' where id = $1 and status = 'removed'`,
            [subjectId],
          );
        }
        if (suspendTarget) {
          await tx.query('/* suspendAccount */ update users set suspended_at = now() where id = $1', [
            suspendTarget,
          ]);
        }
        if (action === 'unsuspend') {
          await tx.query('/* unsuspendAccount */ update users set suspended_at = null where id = $1', [
            subject.ownerId,
          ]);
        }
        // Acting closes the subject's open reports (suspending an account closes those on its content too).
        await tx.query(
          `/* resolveReports */ update reports set status = $3, resolved_at = now()
           where status = 'open' and ((subject_kind = $1 and subject_id = $2) or subject_owner_id = $4)`,
          [kind, subjectId, action === 'dismiss' ? 'dismissed' : 'actioned', suspendTarget],
        );
        return logged!;
      });
      if (action === 'remove' && kind === 'comment') await hooks.deleteComment(subjectId);
      // A suspended account is signed out everywhere at once.
      if (action === 'suspend') await hooks.revokeSessions(subject.ownerId);
      if (kind === 'post') await hooks.postsChanged([subjectId]);
      if (action === 'suspend' || action === 'unsuspend') await hooks.usersChanged([subject.ownerId]);
      return row;
    },

    async log(page) {
      return db.query<ActionRow>(
        `/* moderationLog */ select ${ACTION_COLUMNS} from moderation_actions
         where ($1::bigint is null or id < $1) order by id desc limit $2`,
        [page.after, page.limit],
      );
    },

    async action(id) {
      const [row] = await db.query<ActionRow>(
        `/* moderationAction */ select ${ACTION_COLUMNS} from moderation_actions where id = $1`,
        [id],
      );
      return row ?? null;
    },

    async actions(ids) {
      if (ids.length === 0) return [];
      return db.query<ActionRow>(
        `/* moderationActions */ select ${ACTION_COLUMNS} from moderation_actions where id = any($1::bigint[])`,
        [ids],
      );
    },

    async notices(userId) {
      const rows = await db.query<ActionRow & { appeal: AppealRow | null }>(
        `/* moderationNotices */ select a.id, a.moderator_id, a.action, a.subject_kind, a.subject_id,
           a.target_user_id, a.note, a.created_at,
           (select to_jsonb(x) from (select ap.id::text, ap.action_id::text, ap.user_id::text, ap.text, ap.status,
              ap.created_at, ap.decision_note from appeals ap where ap.action_id = a.id) x) as appeal
         from moderation_actions a
         where a.target_user_id = $1 and a.action in ('remove', 'warn', 'suspend', 'restore', 'unsuspend')
         order by a.id desc limit 50`,
        [userId],
      );
      return rows.map(({ appeal, ...action }) => ({
        action,
        appeal: appeal ? { ...appeal, created_at: new Date(appeal.created_at) } : null,
      }));
    },

    async appeal(userId, actionId, raw) {
      const text = checkNote(raw, 'text', APPEAL_MAX, 1);
      const action = await moderation.action(actionId);
      // Someone else's action does not exist, as far as this user can tell.
      if (!action || action.target_user_id !== userId) throw notFound('Moderation action');
      if (!APPEALABLE.includes(action.action)) throw badInput('actionId', 'There is nothing to appeal');
      const [row] = await db.query<AppealRow>(
        `/* fileAppeal */ insert into appeals (id, action_id, user_id, text) values (next_id(shard_of($2)), $1, $2, $3)
         on conflict (action_id) do nothing returning ${APPEAL_COLUMNS}`,
        [actionId, userId, text],
      );
      if (!row) throw new AppError('CONFLICT', 'You have already appealed this decision');
      return row;
    },

    async appealSuspension(username, password, text) {
      // The login a person typed: an email (it has an @) or a username, normalised as stored. One no
      // account can have (a NUL, a lone surrogate) is an unknown account, not text the database refuses.
      const byEmail = username.includes('@');
      const key = byEmail ? normalizeEmail(username) : normalizeUsername(username);
      const impossible = byEmail ? emailProblem(key) !== null : usernameProblem(key) !== null;
      const [user] = impossible
        ? []
        : await db.query<{ id: string; password_hash: string; suspended_at: Date | null }>(
            `/* suspendedCredentials */ select id::text, password_hash, suspended_at from users where ${byEmail ? 'email' : 'username'} = $1`,
            [key],
          );
      // The same answer for an unknown account and a wrong password, and the same hashing work.
      if (!(await verifyPassword(user?.password_hash ?? null, password)) || !user) {
        throw new AppError('UNAUTHENTICATED', 'Incorrect username or password');
      }
      if (!user.suspended_at) throw badInput('username', 'This account is not suspended: log in instead');
      const [suspension] = await db.query<{ id: string }>(
        `/* latestSuspension */ select id::text from moderation_actions
         where target_user_id = $1 and action = 'suspend' order by id desc limit 1`,
        [user.id],
      );
      if (!suspension) throw notFound('Suspension');
      await moderation.appeal(user.id, suspension.id, text);
    },

    async openAppeals() {
      return db.query<AppealRow>(
        `/* openAppeals */ select ${APPEAL_COLUMNS} from appeals where status = 'open' order by id limit 100`,
      );
    },

    async decideAppeal({ moderatorId, appealId, grant, note }) {
      const text = checkNote(note, 'note', NOTE_MAX);
      const [appeal] = await db.query<AppealRow>(
        `/* appealById */ select ${APPEAL_COLUMNS} from appeals where id = $1`,
        [appealId],
      );
      if (!appeal) throw notFound('Appeal');
      if (appeal.status !== 'open') throw new AppError('CONFLICT', 'This appeal has already been decided');
      const action = await moderation.action(appeal.action_id);
      if (!action) throw notFound('Moderation action');
      if (grant && action.action !== 'warn') {
        // Undo: the same path as any action, so it is logged and caches follow.
        await moderation.moderate({
          moderatorId,
          kind: action.subject_kind,
          subjectId: action.subject_id,
          action: action.action === 'suspend' ? 'unsuspend' : 'restore',
          note: text || 'Appeal granted',
        });
      }
      const [decided] = await db.query<AppealRow>(
        `/* decideAppeal */ update appeals set status = $2, decided_at = now(), decided_by = $3, decision_note = $4
         where id = $1 and status = 'open' returning ${APPEAL_COLUMNS}`,
        [appealId, grant ? 'granted' : 'denied', moderatorId, text],
      );
      if (!decided) throw new AppError('CONFLICT', 'This appeal has already been decided');
      return decided;
    },
  };

  /** The subject's owner and what it looks like now (for the audit log), or null when it is gone. */
  async function subjectOf(
    kind: SubjectKind,
    id: string,
  ): Promise<{ ownerId: string; snapshot: Record<string, unknown> } | null> {
    if (kind === 'post') {
      const [post] = await moderation.posts([id]);
      return post
        ? { ownerId: post.author_id, snapshot: { caption: post.caption, photos: post.media.length } }
        : null;
    }
    if (kind === 'comment') {
      const [comment] = await moderation.comments([id]);
      return comment
        ? { ownerId: comment.author_id, snapshot: { text: comment.text, postId: comment.post_id } }
        : null;
    }
    const [account] = await moderation.accounts([id]);
    return account
      ? { ownerId: account.id, snapshot: { username: account.username, name: account.display_name } }
      : null;
  }

  return moderation;
}
