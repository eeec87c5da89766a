import { AppError, badInput, FieldErrors, notFound } from '../../errors';
import { type Hydration, readThrough } from '../../platform/cache/read-through';
import type { Db, Queryable } from '../../platform/db';
import { isUniqueViolation } from '../../platform/db/errors';
import { cleanText } from '../text/validate';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { type StoredImage, USER_COLUMNS, type UserRow } from './rows';
import {
  bioProblem,
  displayNameProblem,
  emailProblem,
  normalizeEmail,
  normalizeUsername,
  normalizeWebsite,
  passwordProblem,
  usernameProblem,
} from './validation';

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  displayName?: string | null;
}

export interface ProfileInput {
  displayName?: string | null;
  bio?: string | null;
  website?: string | null;
  isPrivate?: boolean | null;
}

export interface Accounts {
  signUp(input: SignUpInput): Promise<UserRow>;
  /** Checks credentials by username or email; throws a field error that does not say which part was wrong. */
  logIn(login: string, password: string): Promise<UserRow>;
  byIds(ids: readonly string[]): Promise<UserRow[]>;
  /** Forgets cached rows of these users (their profile or counters changed). */
  invalidate(ids: readonly string[]): Promise<void>;
  byUsername(username: string): Promise<UserRow | null>;
  idsByUsernames(usernames: readonly string[], tx?: Queryable): Promise<Map<string, string>>;
  emailOf(userId: string): Promise<string>;
  updateProfile(userId: string, input: ProfileInput): Promise<{ user: UserRow; becamePublic: boolean }>;
  changeUsername(userId: string, username: string): Promise<UserRow>;
  changePassword(userId: string, current: string, next: string): Promise<void>;
  setAvatar(userId: string, avatar: StoredImage | null): Promise<StoredImage | null>;
}

/** Hydration goes through the cache: profiles are read on every page and written rarely. */
const USER_TTL_SECONDS = 60;
/** In-process copies: invalidated through the bus, this only bounds a lost invalidation. */
const NEAR_TTL_SECONDS = 10;

export function createAccounts(
  db: Db,
  hydration: Hydration,
  hooks: {
    /** An account appeared or its name or username changed: what the search box keeps is stale. */
    namesChanged?(ids: readonly string[]): Promise<void>;
  } = {},
): Accounts {
  const namesChanged = async (id: string) => hooks.namesChanged?.([id]);
  const cached = readThrough<UserRow>({
    ...hydration,
    namespace: 'user',
    ttlSeconds: USER_TTL_SECONDS,
    nearTtlSeconds: NEAR_TTL_SECONDS,
    dates: ['created_at', 'suspended_at'],
    fetch: (ids) =>
      db.query<UserRow>(`/* usersByIds */ select ${USER_COLUMNS} from users where id = any($1::bigint[])`, [
        ids,
      ]),
  });

  const byId = async (id: string, q: Queryable = db): Promise<UserRow> => {
    const [row] = await q.query<UserRow>(`/* userById */ select ${USER_COLUMNS} from users where id = $1`, [
      id,
    ]);
    if (!row) throw notFound('User');
    return row;
  };

  return {
    async signUp(input) {
      const username = normalizeUsername(input.username);
      const email = normalizeEmail(input.email);
      const displayName = cleanText(input.displayName ?? '');
      const errors = new FieldErrors();
      errors.add('username', usernameProblem(username));
      errors.add('email', emailProblem(email));
      errors.add('password', passwordProblem(input.password));
      errors.add('displayName', displayNameProblem(displayName));
      errors.throwIfAny();
      const passwordHash = await hashPassword(input.password);
      try {
        const [row] = await db.query<UserRow>(
          `/* signUp */ insert into users (username, email, password_hash, display_name)
           values ($1, $2, $3, $4) returning ${USER_COLUMNS}`,
          [username, email, passwordHash, displayName],
        );
        await namesChanged(row!.id);
        return row!;
      } catch (error) {
        if (isUniqueViolation(error, 'users_username')) throw badInput('username', 'This username is taken');
        if (isUniqueViolation(error, 'users_email')) {
          throw badInput('email', 'Another account is using this email address');
        }
        throw error;
      }
    },

    async logIn(login, password) {
      const trimmed = login.trim();
      // NUL can't be stored or looked up in PostgreSQL: such a login can't exist.
      if (trimmed === '' || !trimmed.isWellFormed() || trimmed.includes('\u0000')) {
        throw badInput('login', 'Enter your username or email');
      }
      if (!password) throw badInput('password', 'Enter your password');
      const isEmail = trimmed.includes('@');
      const key = isEmail ? normalizeEmail(trimmed) : normalizeUsername(trimmed);
      const [row] = await db.query<UserRow & { password_hash: string }>(
        `/* logIn */ select ${USER_COLUMNS}, password_hash from users where ${isEmail ? 'email' : 'username'} = $1`,
        [key],
      );
      const ok = await verifyPassword(row?.password_hash ?? null, password);
      if (!row || !ok) throw badInput('password', 'Incorrect username, email or password');
      // Parameters raised in configuration since this hash was made: upgrade it now that we have the password.
      if (needsRehash(row.password_hash)) {
        await db.query(
          '/* rehashPassword */ update users set password_hash = $2 where id = $1 and password_hash = $3',
          [row.id, await hashPassword(password), row.password_hash],
        );
      }
      const { password_hash: _omit, ...user } = row;
      return user;
    },

    byIds: (ids) => cached.many(ids),
    invalidate: (ids) => cached.invalidate(ids),

    async byUsername(raw) {
      const username = normalizeUsername(raw);
      if (usernameProblem(username) && !/^[a-z0-9._]{1,30}$/.test(username)) return null;
      const [row] = await db.query<UserRow>(
        `/* userByUsername */ select ${USER_COLUMNS} from users where username = $1`,
        [username],
      );
      return row ?? null;
    },

    async idsByUsernames(usernames, q = db) {
      if (usernames.length === 0) return new Map();
      const rows = await q.query<{ id: string; username: string }>(
        '/* idsByUsernames */ select id, username from users where username = any($1::text[])',
        [usernames],
      );
      return new Map(rows.map((r) => [r.username, r.id]));
    },

    async emailOf(userId) {
      const [row] = await db.query<{ email: string }>('/* emailOf */ select email from users where id = $1', [
        userId,
      ]);
      if (!row) throw notFound('User');
      return row.email;
    },

    async updateProfile(userId, input) {
      const errors = new FieldErrors();
      const sets: string[] = [];
      const params: (string | boolean | null)[] = [userId];
      const set = (column: string, value: string | boolean | null) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.displayName != null) {
        const value = cleanText(input.displayName);
        errors.add('displayName', displayNameProblem(value));
        set('display_name', value);
      }
      if (input.bio != null) {
        const value = cleanText(input.bio);
        errors.add('bio', bioProblem(value));
        set('bio', value);
      }
      if (input.website != null) {
        const { value, problem } = normalizeWebsite(input.website);
        errors.add('website', problem);
        set('website', value);
      }
      if (input.isPrivate != null) set('is_private', input.isPrivate);
      errors.throwIfAny();
      if (sets.length === 0) return { user: await byId(userId), becamePublic: false };
      const [row] = await db.query<UserRow & { was_private: boolean }>(
        `/* updateProfile */ update users u set ${sets.join(', ')}, updated_at = now()
         from (select is_private as was_private from users where id = $1) before
         where u.id = $1 returning ${USER_COLUMNS.split(', ')
           .map((c) => `u.${c}`)
           .join(', ')}, before.was_private`,
        params,
      );
      if (!row) throw notFound('User');
      const { was_private, ...user } = row;
      await cached.invalidate([userId]);
      if (input.displayName != null) await namesChanged(userId);
      return { user, becamePublic: was_private && !user.is_private };
    },

    async changeUsername(userId, raw) {
      const username = normalizeUsername(raw);
      const problem = usernameProblem(username);
      if (problem) throw badInput('username', problem);
      try {
        const [row] = await db.query<UserRow>(
          `/* changeUsername */ update users set username = $2, updated_at = now() where id = $1 returning ${USER_COLUMNS}`,
          [userId, username],
        );
        if (!row) throw notFound('User');
        await cached.invalidate([userId]);
        await namesChanged(userId);
        return row;
      } catch (error) {
        if (isUniqueViolation(error, 'users_username')) throw badInput('username', 'This username is taken');
        throw error;
      }
    },

    async changePassword(userId, current, next) {
      const [row] = await db.query<{ password_hash: string }>(
        '/* passwordOf */ select password_hash from users where id = $1',
        [userId],
      );
      if (!row) throw notFound('User');
      if (!(await verifyPassword(row.password_hash, current))) {
        throw badInput('currentPassword', 'Your current password is incorrect');
      }
      const problem = passwordProblem(next);
      if (problem) throw badInput('newPassword', problem);
      if (next === current)
        throw badInput('newPassword', 'Choose a password different from your current one');
      await db.query(
        '/* setPassword */ update users set password_hash = $2, updated_at = now() where id = $1',
        [userId, await hashPassword(next)],
      );
    },

    async setAvatar(userId, avatar) {
      const [row] = await db.query<{ previous: StoredImage | null }>(
        `/* setAvatar */ update users u set avatar = $2, updated_at = now()
         from (select avatar as previous from users where id = $1 for update) before
         where u.id = $1 returning before.previous`,
        [userId, avatar === null ? null : JSON.stringify(avatar)],
      );
      if (!row) throw new AppError('NOT_FOUND', 'User not found');
      await cached.invalidate([userId]);
      return row.previous;
    },
  };
}
