import { AppError, isId, notFound } from '../../errors';
import { requireViewer } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { startSession } from '../accounts/resolvers';
import { describeDevice } from './devices';

/** Re-authentication before changing two-factor settings: the password, checked like a log-in. */
async function confirmPassword(ctx: GraphQLContext, password: string): Promise<string> {
  const userId = requireViewer(ctx);
  await ctx.rateLimit('logIn', `reauth:${userId}`);
  if (!(await ctx.services.security.checkPassword(userId, password))) {
    throw new AppError('BAD_USER_INPUT', 'That password is incorrect', {
      field: 'password',
      fieldErrors: [{ field: 'password', message: 'That password is incorrect' }],
    });
  }
  return userId;
}

export const securityResolvers: Resolvers = {
  Viewer: {
    sessions: async ({ userId }, _, ctx) =>
      (await ctx.services.sessions.listOf(userId)).map((s) => ({
        id: s.id,
        device: describeDevice(s.user_agent),
        ip: s.ip,
        createdAt: s.created_at,
        lastUsedAt: s.last_used_at,
        current: s.id === ctx.viewer?.sessionId,
      })),
    passkeys: async ({ userId }, _, ctx) =>
      (await ctx.services.passkeys.list(userId)).map((p) => ({
        id: p.id,
        name: p.name,
        createdAt: p.created_at,
        lastUsedAt: p.last_used_at,
      })),
    emailVerified: ({ userId }, _, ctx) => ctx.services.recovery.isEmailVerified(userId),
    twoFactorEnabled: ({ userId }, _, ctx) => ctx.services.twoFactor.isEnabled(userId),
    recoveryCodesLeft: ({ userId }, _, ctx) => ctx.services.twoFactor.recoveryCodesLeft(userId),
  },
  Mutation: {
    beginTwoFactorSetup: async (_, { password }, ctx) => {
      const userId = await confirmPassword(ctx, password);
      const [user] = await ctx.services.accounts.byIds([userId]);
      return ctx.services.twoFactor.begin(userId, user?.username ?? userId);
    },
    confirmTwoFactorSetup: async (_, { code }, ctx) => {
      const userId = requireViewer(ctx);
      await ctx.rateLimit('logIn', `totp:${userId}`);
      return ctx.services.twoFactor.confirm(userId, code);
    },
    disableTwoFactor: async (_, { password }, ctx) => {
      await ctx.services.twoFactor.disable(await confirmPassword(ctx, password));
      return true;
    },
    regenerateRecoveryCodes: async (_, { password }, ctx) =>
      ctx.services.twoFactor.regenerateRecoveryCodes(await confirmPassword(ctx, password)),
    beginPasskeyRegistration: async (_, { password }, ctx) => {
      const userId = await confirmPassword(ctx, password);
      const [user] = await ctx.services.accounts.byIds([userId]);
      return ctx.services.passkeys.beginRegistration(
        userId,
        user?.username ?? userId,
        ctx.services.relyingParty(),
      );
    },
    finishPasskeyRegistration: async (_, { response, name }, ctx) => {
      const userId = requireViewer(ctx);
      const row = await ctx.services.passkeys.finishRegistration(
        userId,
        response,
        name ?? null,
        ctx.services.relyingParty(),
      );
      return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at };
    },
    removePasskey: async (_, { id, password }, ctx) => {
      const userId = await confirmPassword(ctx, password);
      if (!isId(id)) throw notFound('Passkey');
      await ctx.services.passkeys.remove(userId, id);
      return true;
    },
    beginPasskeyLogIn: async (_, { twoFactorChallenge }, ctx) => {
      await ctx.rateLimit('logIn', ctx.request.ip);
      let userId: string | null = null;
      if (twoFactorChallenge) {
        userId = await ctx.services.twoFactor.challengeUser(twoFactorChallenge);
        if (!userId) throw new AppError('UNAUTHENTICATED', 'This sign-in has expired. Log in again.');
      }
      return ctx.services.passkeys.beginLogIn(ctx.services.relyingParty(), userId);
    },
    finishPasskeyLogIn: async (_, { token, response, twoFactorChallenge }, ctx) => {
      await ctx.rateLimit('logIn', ctx.request.ip);
      const userId = await ctx.services.passkeys.finishLogIn(token, response, ctx.services.relyingParty());
      if (twoFactorChallenge) {
        if ((await ctx.services.twoFactor.challengeUser(twoFactorChallenge)) !== userId) {
          throw new AppError('UNAUTHENTICATED', 'This sign-in has expired. Log in again.');
        }
        await ctx.services.twoFactor.endChallenge(twoFactorChallenge);
      } else if (await ctx.services.moderation.isSuspended(userId)) {
        throw new AppError('FORBIDDEN', 'Your account has been suspended. You can appeal.', {
          reason: 'SUSPENDED',
        });
      }
      await ctx.services.recovery.noticeLogIn(userId, {
        userAgent: ctx.request.userAgent,
        ip: ctx.request.ip,
      });
      return startSession(ctx, userId);
    },
    revokeSession: async (_, { id }, ctx) => {
      const userId = requireViewer(ctx);
      if (!isId(id) || !(await ctx.services.sessions.revokeOwn(userId, id))) throw notFound('Session');
      if (id === ctx.viewer?.sessionId) ctx.session.clear();
      return true;
    },
    requestPasswordReset: async (_, { login }, ctx) => {
      await ctx.rateLimit('passwordReset', ctx.request.ip);
      await ctx.services.recovery.requestPasswordReset(login);
      return true;
    },
    resetPassword: async (_, { token, password }, ctx) => {
      await ctx.rateLimit('passwordReset', ctx.request.ip);
      await ctx.services.recovery.resetPassword(token, password);
      return true;
    },
    verifyEmail: async (_, { token }, ctx) => {
      await ctx.services.recovery.verifyEmail(token);
      return true;
    },
    resendVerificationEmail: async (_, __, ctx) => {
      const userId = requireViewer(ctx);
      await ctx.rateLimit('logIn', `verify:${userId}`);
      await ctx.services.recovery.sendVerification(userId);
      return true;
    },
    changeEmail: async (_, { password, email }, ctx) => {
      const userId = await confirmPassword(ctx, password);
      await ctx.services.recovery.changeEmail(userId, email);
      return { userId };
    },
    completeTwoFactorLogIn: async (_, { challenge, code }, ctx) => {
      await ctx.rateLimit('logIn', ctx.request.ip);
      const userId = await ctx.services.twoFactor.complete(challenge, code);
      await ctx.services.recovery.noticeLogIn(userId, {
        userAgent: ctx.request.userAgent,
        ip: ctx.request.ip,
      });
      return startSession(ctx, userId);
    },
  },
};
