import { AppError } from '../../errors';
import { canSeeContentOf, requireViewer, visibleUser } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs } from '../../graphql/keyset';
import {
  emptyConnection,
  entitiesOf,
  imageSources,
  postConnection,
  userConnection,
} from '../../graphql/present';
import type { Resolvers } from '../../graphql/resolvers.generated';

/** Failed log-ins from one address within the window before a CAPTCHA is required too. */
const LOG_IN_FAILURES_BEFORE_CAPTCHA = 3;
const LOG_IN_FAILURE_WINDOW_SECONDS = 15 * 60;

export const accountsResolvers: Resolvers = {
  Query: {
    viewer: (_, __, ctx) => (ctx.viewer ? { userId: ctx.viewer.userId } : null),
    user: async (_, { username }, ctx) => {
      const row = await ctx.services.accounts.byUsername(username);
      return row ? ((await visibleUser(ctx, row.id))?.user ?? null) : null;
    },
  },
  Viewer: {
    user: async ({ userId }, _, ctx) => (await ctx.loaders.user.load(userId))!,
    email: ({ userId }, _, ctx) => ctx.services.accounts.emailOf(userId),
    followRequests: async ({ userId }, args, ctx) => {
      const page = pageArgs(args);
      const rows = await ctx.services.graph.followRequests(userId, page);
      return userConnection(
        ctx,
        rows,
        page,
        (r) => r.edgeId,
        (r) => r.userId,
      );
    },
    savedPosts: async ({ userId }, args, ctx) => {
      const page = pageArgs(args);
      const rows = await ctx.services.engagement.saved(userId, page);
      return postConnection(
        ctx,
        rows,
        page,
        (r) => r.edgeId,
        (r) => r.postId,
      );
    },
    archivedPosts: async ({ userId }, args, ctx) => {
      const page = pageArgs(args);
      const ids = await ctx.services.posts.archivedOf(userId, page);
      return postConnection(
        ctx,
        ids,
        page,
        (id) => id,
        (id) => id,
      );
    },
  },
  User: {
    displayName: (u) => u.display_name,
    bioEntities: (u) => entitiesOf(u.bio),
    avatar: (u) => u.avatar,
    isPrivate: (u) => u.is_private,
    isVerified: (u) => u.is_verified,
    // Followers flagged as fake don't count in what others see; the owner sees the raw number.
    followerCount: (u, _, ctx) =>
      ctx.viewer?.userId === u.id
        ? u.follower_count
        : Math.max(0, u.follower_count - (u.flagged_follower_count || 0)),
    followingCount: (u) => u.following_count,
    postCount: (u) => u.post_count,
    createdAt: (u) => u.created_at,
    viewerFollowState: async (u, _, ctx) => {
      if (ctx.viewer?.userId === u.id) return 'SELF';
      const rel = await ctx.loaders.relationship.load(u.id);
      return rel.following ? 'FOLLOWING' : rel.requested ? 'REQUESTED' : 'NONE';
    },
    viewerFollows: async (u, _, ctx) => (await ctx.loaders.relationship.load(u.id)).following,
    followsViewer: async (u, _, ctx) => (await ctx.loaders.relationship.load(u.id)).followedBy,
    viewerBlocks: async (u, _, ctx) => (await ctx.loaders.relationship.load(u.id)).blocking,
    viewerCanSeeContent: (u, _, ctx) => canSeeContentOf(ctx, u),
    posts: async (u, args, ctx) => {
      const page = pageArgs(args);
      if (!(await canSeeContentOf(ctx, u))) return emptyConnection();
      const ids = await ctx.services.posts.gridOf(u.id, page, {
        includeUnpublished: ctx.viewer?.userId === u.id,
      });
      return postConnection(
        ctx,
        ids,
        page,
        (id) => id,
        (id) => id,
      );
    },
    followers: async (u, args, ctx) => {
      const page = pageArgs(args);
      if (!(await canSeeContentOf(ctx, u))) return emptyConnection();
      const rows = await ctx.services.graph.followers(u.id, page);
      return userConnection(
        ctx,
        rows,
        page,
        (r) => r.edgeId,
        (r) => r.userId,
      );
    },
    following: async (u, args, ctx) => {
      const page = pageArgs(args);
      if (!(await canSeeContentOf(ctx, u))) return emptyConnection();
      const rows = await ctx.services.graph.following(u.id, page);
      return userConnection(
        ctx,
        rows,
        page,
        (r) => r.edgeId,
        (r) => r.userId,
      );
    },
  },
  Image: {
    sources: (image, _, ctx) => imageSources(ctx, image),
  },
  AuthPayload: {
    viewer: (p) => ({ userId: p.userId }),
  },
  Mutation: {
    signUp: async (_, { input }, ctx) => {
      await ctx.rateLimit('signUp', ctx.request.ip);
      await ctx.services.captcha.verify(input.captcha, 'captcha');
      const user = await ctx.services.accounts.signUp(input);
      await ctx.services.recovery.sendVerification(user.id);
      return startSession(ctx, user.id);
    },
    logIn: async (_, { input }, ctx) => {
      await ctx.rateLimit('logIn', ctx.request.ip);
      // After a few failures from this address, a CAPTCHA too (credential stuffing costs CPU per try).
      const failures = `loginfail:${ctx.request.ip}`;
      if (Number((await ctx.services.cache.get(failures)) ?? 0) >= LOG_IN_FAILURES_BEFORE_CAPTCHA) {
        if (!input.captcha) {
          throw new AppError('BAD_USER_INPUT', 'Please confirm you are not a robot', {
            field: 'captcha',
            fieldErrors: [{ field: 'captcha', message: 'Please confirm you are not a robot' }],
            reason: 'CAPTCHA_REQUIRED',
          });
        }
        await ctx.services.captcha.verify(input.captcha, 'captcha');
      }
      const user = await ctx.services.accounts
        .logIn(input.login, input.password)
        .catch(async (error: unknown) => {
          if (error instanceof AppError && error.code === 'BAD_USER_INPUT') {
            await ctx.services.cache.incr(failures, LOG_IN_FAILURE_WINDOW_SECONDS);
          }
          throw error;
        });
      if (await ctx.services.moderation.isSuspended(user.id)) {
        throw new AppError(
          'FORBIDDEN',
          'Your account has been suspended for going against our community guidelines. You can appeal.',
          { reason: 'SUSPENDED' },
        );
      }
      if (await ctx.services.twoFactor.isEnabled(user.id)) {
        // The password was right; a code from the authenticator app finishes the log-in.
        throw new AppError('UNAUTHENTICATED', 'Enter the 6-digit code from your authenticator app', {
          reason: 'TWO_FACTOR_REQUIRED',
          challenge: await ctx.services.twoFactor.challenge(user.id),
        });
      }
      await ctx.services.recovery.noticeLogIn(user.id, {
        userAgent: ctx.request.userAgent,
        ip: ctx.request.ip,
      });
      return startSession(ctx, user.id);
    },
    logOut: async (_, __, ctx) => {
      if (ctx.viewer) await ctx.services.sessions.revoke(ctx.viewer.sessionId);
      ctx.session.clear();
      return true;
    },
    logOutEverywhere: async (_, __, ctx) => {
      await ctx.services.sessions.revokeAllOf(requireViewer(ctx));
      ctx.session.clear();
      return true;
    },
    updateProfile: async (_, { input }, ctx) => {
      const userId = requireViewer(ctx);
      const { user, becamePublic } = await ctx.services.accounts.updateProfile(userId, input);
      // A public account has no requests: going public accepts everyone who asked, as on Instagram.
      if (becamePublic) await ctx.services.feed.forget(await ctx.services.graph.approveAllRequests(userId));
      return becamePublic ? (await ctx.services.accounts.byIds([userId]))[0]! : user;
    },
    changeUsername: (_, { username }, ctx) =>
      ctx.services.accounts.changeUsername(requireViewer(ctx), username),
    changePassword: async (_, { input }, ctx) => {
      const userId = requireViewer(ctx);
      await ctx.services.accounts.changePassword(userId, input.currentPassword, input.newPassword);
      await ctx.services.sessions.revokeAllOf(userId, { except: ctx.viewer!.sessionId });
      return true;
    },
    setAvatar: async (_, { input }, ctx) => {
      const userId = requireViewer(ctx);
      await ctx.services.avatars.request(userId, input.uploadId, input.crop ?? null);
      return (await ctx.loaders.user.load(userId))!;
    },
    removeAvatar: async (_, __, ctx) => {
      const userId = requireViewer(ctx);
      await ctx.services.avatars.remove(userId);
      return (await ctx.services.accounts.byIds([userId]))[0]!;
    },
  },
};

export async function startSession(ctx: GraphQLContext, userId: string) {
  const { token, expiresAt } = await ctx.services.sessions.create(userId, ctx.request);
  ctx.session.set(token, expiresAt);
  return { token, expiresAt, userId };
}
