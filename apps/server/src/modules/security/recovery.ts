import { createHash, randomBytes } from 'node:crypto';
import { AppError, badInput } from '../../errors';
import type { Db } from '../../platform/db';
import { isUniqueViolation } from '../../platform/db/errors';
import type { MailMessage } from '../../platform/mail';
import { hashPassword } from '../accounts/passwords';
import { emailProblem, normalizeEmail, passwordProblem } from '../accounts/validation';

/**
 * Password reset and email verification by one-time links. Asking for a reset answers the same
 * whether or not the account exists (no enumeration); a link's token is 256 random bits, stored only
 * as a digest, valid once and for a short time. Resetting a password signs the account out
 * everywhere. Mail leaves through the job queue, never in the request.
 */
export interface Recovery {
  requestPasswordReset(login: string): Promise<void>;
  resetPassword(token: string, password: string): Promise<string>;
  sendVerification(userId: string): Promise<void>;
  verifyEmail(token: string): Promise<string>;
  /** Sets a new, unconfirmed address (the caller has checked the password), mails a link to it and a notice to the old one. */
  changeEmail(userId: string, email: string): Promise<void>;
  isEmailVerified(userId: string): Promise<boolean>;
  /** Mails the account when a log-in comes from a device (user agent) it has not used before. */
  noticeLogIn(userId: string, session: { userAgent: string | null; ip: string }): Promise<void>;
}

const RESET_TTL_MINUTES = 30;
const VERIFY_TTL_HOURS = 48;
/** Reset mails per account per hour: more are silently skipped (the answer never changes). */
const RESETS_PER_HOUR = 3;

const digestOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createRecovery(deps: {
  db: Db;
  send(message: MailMessage): Promise<void>;
  revokeSessions(userId: string): Promise<void>;
  link(path: string): string;
}): Recovery {
  const { db, send } = deps;

  const issue = async (
    userId: string,
    purpose: 'password_reset' | 'verify_email',
    ttlMinutes: number,
    email: string | null,
  ): Promise<string> => {
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `/* issueToken */ insert into one_time_tokens (id, user_id, purpose, token_digest, email, expires_at)
       values (next_id(shard_of($1)), $1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [userId, purpose, digestOf(token), email, ttlMinutes],
    );
    return token;
  };

  /** Marks a token used and returns its row, or throws the same error for unknown, used and expired. */
  const redeem = async (token: string, purpose: 'password_reset' | 'verify_email') => {
    const invalid = () =>
      new AppError('BAD_USER_INPUT', 'This link is invalid or has expired. Ask for a new one.', {
        field: 'token',
        fieldErrors: [{ field: 'token', message: 'This link is invalid or has expired. Ask for a new one.' }],
      });
    if (!TOKEN.test(token)) throw invalid();
    const [row] = await db.query<{ user_id: string; email: string | null }>(
      `/* redeemToken */ update one_time_tokens set used_at = now()
       where token_digest = $1 and purpose = $2 and used_at is null and expires_at > now()
       returning user_id::text, email`,
      [digestOf(token), purpose],
    );
    if (!row) throw invalid();
    return row;
  };

  return {
    async requestPasswordReset(login) {
      const trimmed = login.trim().toLowerCase();
      if (trimmed === '' || trimmed.length > 254) throw badInput('login', 'Enter your username or email');
      // No username or email holds a NUL (PostgreSQL text can't): no such account, and the same answer.
      if (trimmed.includes('\u0000')) return;
      const [user] = await db.query<{ id: string; email: string; username: string; recent: number }>(
        `/* resetTarget */ select u.id::text, u.email, u.username,
           (select count(*)::int from one_time_tokens t where t.user_id = u.id and t.purpose = 'password_reset'
              and t.created_at > now() - interval '1 hour') as recent
         from users u where (u.username = $1 or u.email = $1) and u.suspended_at is null`,
        [trimmed],
      );
      if (!user || user.recent >= RESETS_PER_HOUR) return;
      const token = await issue(user.id, 'password_reset', RESET_TTL_MINUTES, null);
      await send({
        to: user.email,
        subject: 'Reset your Glimpse password',
        text: [
          `Hi ${user.username},`,
          '',
          `Someone asked to reset your Glimpse password. If it was you, open this link within ${RESET_TTL_MINUTES} minutes:`,
          deps.link(`/accounts/password/reset/${token}`),
          '',
          "If it wasn't you, ignore this message: your password stays as it is.",
        ].join('\n'),
      });
    },

    async resetPassword(token, password) {
      const problem = passwordProblem(password);
      if (problem) throw badInput('password', problem);
      const { user_id: userId } = await redeem(token, 'password_reset');
      await db.query(
        '/* resetPassword */ update users set password_hash = $2, updated_at = now() where id = $1',
        [userId, await hashPassword(password)],
      );
      // Every other reset link dies with this one; every session ends.
      await db.query(
        `/* spendResetTokens */ update one_time_tokens set used_at = now()
         where user_id = $1 and purpose = 'password_reset' and used_at is null`,
        [userId],
      );
      await deps.revokeSessions(userId);
      return userId;
    },

    async sendVerification(userId) {
      const [user] = await db.query<{ email: string; username: string; verified: boolean }>(
        `/* verificationTarget */ select email, username, email_verified_at is not null as verified
         from users where id = $1`,
        [userId],
      );
      if (!user || user.verified) return;
      const token = await issue(userId, 'verify_email', VERIFY_TTL_HOURS * 60, user.email);
      await send({
        to: user.email,
        subject: 'Confirm your email for Glimpse',
        text: [
          `Hi ${user.username},`,
          '',
          'Confirm this is your email address by opening:',
          deps.link(`/accounts/email/verify/${token}`),
        ].join('\n'),
      });
    },

    async verifyEmail(token) {
      const { user_id: userId, email } = await redeem(token, 'verify_email');
      const updated = await db.query(
        `/* verifyEmail */ update users set email_verified_at = now() where id = $1 and email = $2 returning 1`,
        [userId, email],
      );
      if (updated.length === 0)
        throw badInput('token', 'Your email address changed since this link was sent');
      return userId;
    },

    async changeEmail(userId, raw) {
      const email = normalizeEmail(raw);
      const problem = emailProblem(email);
      if (problem) throw badInput('email', problem);
      let previous: { email: string; username: string } | undefined;
      try {
        [previous] = await db.query<{ email: string; username: string }>(
          `/* changeEmail */ update users u set email = $2, email_verified_at = null, updated_at = now()
           from (select email from users where id = $1 for update) before
           where u.id = $1 returning before.email, u.username`,
          [userId, email],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'users_email')) {
          throw badInput('email', 'Another account is using this email address');
        }
        throw error;
      }
      if (!previous) throw new AppError('NOT_FOUND', 'User not found');
      if (previous.email === email) return;
      // Links sent to the old address stop working: they name it, and verification checks the address.
      await deps.send({
        to: previous.email,
        subject: 'Your Glimpse email address was changed',
        text: [
          `Hi ${previous.username},`,
          '',
          `The email address of your Glimpse account was changed to ${email}.`,
          "If you didn't do this, reset your password now and log out of all sessions:",
          deps.link('/accounts/password/reset'),
        ].join('\n'),
      });
      await this.sendVerification(userId);
    },

    async isEmailVerified(userId) {
      const [row] = await db.query<{ verified: boolean }>(
        '/* emailVerified */ select email_verified_at is not null as verified from users where id = $1',
        [userId],
      );
      return row?.verified ?? false;
    },

    async noticeLogIn(userId, { userAgent, ip }) {
      // Called before the new session exists: "known" means a live session already uses this device.
      // With no live session at all there is nothing to compare with, so nothing is sent.
      const [row] = await db.query<{ email: string; username: string; known: boolean; first: boolean }>(
        `/* knownDevice */ select u.email, u.username,
           exists (select 1 from sessions s where s.user_id = u.id and s.user_agent is not distinct from $2) as known,
           not exists (select 1 from sessions s where s.user_id = u.id) as first
         from users u where u.id = $1`,
        [userId, userAgent],
      );
      if (!row || row.known || row.first) return;
      await send({
        to: row.email,
        subject: 'New log-in to your Glimpse account',
        text: [
          `Hi ${row.username},`,
          '',
          `Your account was just used to log in from a new device: ${userAgent ?? 'an unknown browser'} (address ${ip}).`,
          "If this was you, there's nothing to do. If not, change your password and log out of all sessions:",
          deps.link('/accounts/security'),
        ].join('\n'),
      });
    },
  };
}
