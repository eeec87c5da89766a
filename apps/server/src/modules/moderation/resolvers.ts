import { badInput, isId, notFound } from '../../errors';
import { requireViewer, visibleComment, visiblePost, visibleUser } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs, toConnection } from '../../graphql/keyset';
import type {
  Appeal,
  ModeratedAccount,
  ModerationAction,
  ModerationActionKind,
  ReportReason as ReportReasonEnum,
  ReportSubject,
  Resolvers,
} from '../../graphql/resolvers.generated';
import type { ImageVariant } from '../accounts/rows';
import type {
  ActionKind,
  ActionRow,
  AppealRow,
  ModeratedAccountRow,
  ReportReason,
  SubjectKind,
} from './service';

const toKind = (subject: ReportSubject) => subject.toLowerCase() as SubjectKind;
const toSubject = (kind: SubjectKind) => kind.toUpperCase() as ReportSubject;
const toReason = (reason: ReportReason) => reason.toUpperCase() as ReportReasonEnum;
const toAction = (action: ActionKind) => action.toUpperCase() as ModerationActionKind;

function presentAccount(row: ModeratedAccountRow): ModeratedAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    isPrivate: row.is_private,
    suspended: row.suspended_at !== null,
    createdAt: row.created_at,
    priorActions: row.prior_actions,
  };
}

/** Actions with their moderator and target accounts, in two statements for any number of actions. */
async function presentActions(ctx: GraphQLContext, rows: readonly ActionRow[]): Promise<ModerationAction[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    ids.add(row.target_user_id);
    if (row.moderator_id) ids.add(row.moderator_id);
  }
  const accounts = new Map(
    (await ctx.services.moderation.accounts([...ids])).map((a) => [a.id, presentAccount(a)]),
  );
  return rows.map((row) => ({
    id: row.id,
    action: toAction(row.action),
    subject: toSubject(row.subject_kind),
    subjectId: row.subject_id,
    moderator: row.moderator_id ? (accounts.get(row.moderator_id) ?? null) : null,
    target: accounts.get(row.target_user_id)!,
    note: row.note,
    createdAt: row.created_at,
  }));
}

async function presentAppeals(ctx: GraphQLContext, rows: readonly AppealRow[]): Promise<Appeal[]> {
  const actions = await ctx.services.moderation.actions(rows.map((r) => r.action_id));
  const presented = await presentActions(ctx, actions);
  const byId = new Map(presented.map((a) => [a.id, a]));
  return rows.map((row) => ({
    id: row.id,
    status: row.status.toUpperCase() as Appeal['status'],
    text: row.text,
    createdAt: row.created_at,
    decisionNote: row.decision_note,
    action: byId.get(row.action_id)!,
  }));
}

/** A moderator's view of a photo: its 640 px JPEG (or the nearest), through the media route. */
function photoUrl(ctx: GraphQLContext, variants: ImageVariant[] | null): string | null {
  const jpegs = (variants ?? []).filter((v) => v.format === 'jpeg');
  const best = jpegs.sort((a, b) => Math.abs(a.width - 640) - Math.abs(b.width - 640))[0];
  return best ? ctx.urls.media(best.key) : null;
}

async function requireModerator(ctx: GraphQLContext): Promise<string> {
  const viewerId = requireViewer(ctx);
  await ctx.services.moderation.requireModerator(viewerId);
  return viewerId;
}

/** The reported subject's owner, if the reporter can see it; otherwise it does not exist for them. */
async function reportable(ctx: GraphQLContext, kind: SubjectKind, id: string): Promise<string> {
  if (!isId(id)) throw notFound('Content');
  if (kind === 'post') {
    const found = await visiblePost(ctx, id);
    if (found) return found.post.author_id;
  } else if (kind === 'comment') {
    const comment = await visibleComment(ctx, id);
    if (comment) return comment.author_id;
  } else {
    const found = await visibleUser(ctx, id);
    if (found) return found.user.id;
  }
  throw notFound(kind === 'post' ? 'Post' : kind === 'comment' ? 'Comment' : 'User');
}

export const moderationResolvers: Resolvers = {
  Viewer: {
    isModerator: async ({ userId }, _, ctx) => (await ctx.services.moderation.roleOf(userId)) !== 'member',
    moderationNotices: async ({ userId }, _, ctx) => {
      const notices = await ctx.services.moderation.notices(userId);
      const actions = await presentActions(
        ctx,
        notices.map((n) => n.action),
      );
      const appeals = await presentAppeals(
        ctx,
        notices.flatMap((n) => (n.appeal ? [n.appeal] : [])),
      );
      const appealByAction = new Map(appeals.map((a) => [a.action.id, a]));
      return notices.map(({ action }, i) => ({
        id: action.id,
        action: actions[i]!.action,
        subject: actions[i]!.subject,
        subjectId: action.subject_id,
        note: action.note,
        createdAt: action.created_at,
        appeal: appealByAction.get(action.id) ?? null,
        canAppeal: ['remove', 'warn', 'suspend'].includes(action.action) && !appealByAction.has(action.id),
      }));
    },
  },
  Query: {
    moderationQueue: async (_, args, ctx) => {
      await requireModerator(ctx);
      const page = pageArgs(args, 20);
      const { moderation } = ctx.services;
      const cases = await moderation.queue(page);
      const kept = cases.slice(0, page.limit - 1);
      const comments = await moderation.comments(
        kept.filter((c) => c.subject_kind === 'comment').map((c) => c.subject_id),
      );
      const postIds = [
        ...kept.filter((c) => c.subject_kind === 'post').map((c) => c.subject_id),
        ...comments.map((c) => c.post_id),
      ];
      const [posts, accounts, reports] = await Promise.all([
        moderation.posts(postIds),
        moderation.accounts([...new Set(kept.map((c) => c.subject_owner_id))]),
        moderation.reportsOf(
          kept.map((c) => ({ kind: c.subject_kind, id: c.subject_id })),
          10,
        ),
      ]);
      const reporters = new Map(
        (
          await ctx.services.accounts.byIds([
            ...new Set(reports.flatMap((r) => (r.reporter_id ? [r.reporter_id] : []))),
          ])
        ).map((u) => [u.id, u]),
      );
      const postById = new Map(posts.map((p) => [p.id, p]));
      const commentById = new Map(comments.map((c) => [c.id, c]));
      const accountById = new Map(accounts.map((a) => [a.id, presentAccount(a)]));
      return toConnection(
        cases,
        page,
        (c) => c.first_report_id,
        async (rows) =>
          rows.map((c) => {
            const comment = c.subject_kind === 'comment' ? commentById.get(c.subject_id) : undefined;
            const post = postById.get(c.subject_kind === 'post' ? c.subject_id : (comment?.post_id ?? ''));
            const key = `${c.subject_kind}:${c.subject_id}`;
            return {
              id: key,
              subject: toSubject(c.subject_kind),
              subjectId: c.subject_id,
              post: post
                ? {
                    id: post.id,
                    caption: post.caption,
                    status: post.status,
                    createdAt: post.created_at,
                    photoUrls: post.media.map((m) => photoUrl(ctx, m)).filter((u) => u !== null),
                  }
                : null,
              comment: comment ? { id: comment.id, text: comment.text, createdAt: comment.created_at } : null,
              account: accountById.get(c.subject_owner_id)!,
              reportCount: c.report_count,
              reasons: c.reasons.map(toReason),
              firstReportedAt: c.first_reported_at,
              reports: reports
                .filter((r) => r.subject === key)
                .map((r) => ({
                  id: r.id,
                  reason: toReason(r.reason),
                  details: r.details,
                  reporter: r.reporter_id ? (reporters.get(r.reporter_id) ?? null) : null,
                  createdAt: r.created_at,
                })),
            };
          }),
      );
    },
    moderationLog: async (_, args, ctx) => {
      await requireModerator(ctx);
      const page = pageArgs(args, 20);
      const rows = await ctx.services.moderation.log(page);
      return toConnection(
        rows,
        page,
        (r) => r.id,
        (kept) => presentActions(ctx, kept),
      );
    },
    openAppeals: async (_, __, ctx) => {
      await requireModerator(ctx);
      return presentAppeals(ctx, await ctx.services.moderation.openAppeals());
    },
  },
  Mutation: {
    report: async (_, { input }, ctx) => {
      const reporterId = requireViewer(ctx);
      const kind = toKind(input.subject);
      const ownerId = await reportable(ctx, kind, input.id);
      await ctx.services.moderation.report({
        reporterId,
        kind,
        subjectId: input.id,
        ownerId,
        reason: input.reason.toLowerCase() as ReportReason,
        details: input.details ?? null,
      });
      return true;
    },
    moderate: async (_, { input }, ctx) => {
      const moderatorId = await requireModerator(ctx);
      if (!isId(input.id)) throw badInput('id', 'Not an ID');
      const row = await ctx.services.moderation.moderate({
        moderatorId,
        kind: toKind(input.subject),
        subjectId: input.id,
        action: input.action.toLowerCase() as ActionKind,
        note: input.note ?? null,
      });
      const [presented] = await presentActions(ctx, [row]);
      return presented!;
    },
    appeal: async (_, { actionId, text }, ctx) => {
      const viewerId = requireViewer(ctx);
      if (!isId(actionId)) throw notFound('Moderation action');
      const row = await ctx.services.moderation.appeal(viewerId, actionId, text);
      const [presented] = await presentAppeals(ctx, [row]);
      return presented!;
    },
    appealSuspension: async (_, { username, password, text }, ctx) => {
      await ctx.rateLimit('logIn', ctx.request.ip);
      await ctx.services.moderation.appealSuspension(username, password, text);
      return true;
    },
    decideAppeal: async (_, { id, grant, note }, ctx) => {
      const moderatorId = await requireModerator(ctx);
      if (!isId(id)) throw notFound('Appeal');
      const row = await ctx.services.moderation.decideAppeal({
        moderatorId,
        appealId: id,
        grant,
        note: note ?? null,
      });
      const [presented] = await presentAppeals(ctx, [row]);
      return presented!;
    },
  },
};
