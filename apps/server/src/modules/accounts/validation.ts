import { textProblem } from '../text/validate';

/** Instagram's username rules: 1–30 of [a-z0-9._], no leading, trailing or doubled period. */
export const USERNAME_PATTERN = /^[a-z0-9._]{1,30}$/;

/** Names that would collide with routes, roles or impersonate the service. */
const RESERVED = new Set([
  'about',
  'accounts',
  'activity',
  'admin',
  'administrator',
  'api',
  'app',
  'archive',
  'assets',
  'auth',
  'blog',
  'create',
  'direct',
  'edit',
  'explore',
  'feed',
  'glimpse',
  'graphql',
  'healthz',
  'help',
  'highlights',
  'home',
  'inbox',
  'instagram',
  'login',
  'logout',
  'media',
  'messages',
  'metrics',
  'moderator',
  'new',
  'notifications',
  'official',
  'p',
  'privacy',
  'readyz',
  'reels',
  'root',
  'search',
  'security',
  'settings',
  'signup',
  'static',
  'stories',
  'support',
  'system',
  'tags',
  'terms',
  'uploads',
  'www',
  'you',
]);

/**
 * Normalises a username the way it is stored: NFKC folds compatibility forms (full-width letters,
 * ligatures) into plain ones, then lowercase. Confusable letters from other scripts survive NFKC and
 * are then refused by the pattern, so "аdmin" with a Cyrillic а can never pass for "admin".
 */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().trim();
}

export function usernameProblem(username: string): string | null {
  if (!username.isWellFormed()) return 'Usernames can only use letters, numbers, underscores and periods';
  if (username.length === 0) return 'Enter a username';
  if (username.length > 30) return 'Usernames can be at most 30 characters';
  if (!USERNAME_PATTERN.test(username))
    return 'Usernames can only use letters, numbers, underscores and periods';
  if (username.startsWith('.') || username.endsWith('.')) return "Usernames can't start or end with a period";
  if (username.includes('..')) return "Usernames can't have two periods in a row";
  if (/^[0-9._]+$/.test(username)) return 'Usernames must contain at least one letter';
  if (RESERVED.has(username)) return 'This username is not available';
  return null;
}

export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by mail, not regex.
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/;

export function emailProblem(email: string): string | null {
  if (email.length === 0) return 'Enter an email address';
  if (email.length > 254 || !email.isWellFormed() || !EMAIL_PATTERN.test(email))
    return 'Enter a valid email address';
  return null;
}

export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 256;
const COMMON_PASSWORDS = new Set([
  'password',
  '12345678',
  '123456789',
  'qwertyui',
  'password1',
  'iloveyou',
  '11111111',
]);

export function passwordProblem(password: string): string | null {
  if (!password.isWellFormed()) return 'Password contains invalid characters';
  if ([...password].length < PASSWORD_MIN) return `Passwords must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Passwords can be at most ${PASSWORD_MAX} characters`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common; choose another';
  return null;
}

export function displayNameProblem(name: string): string | null {
  return textProblem(name, { label: 'Name', max: 30 });
}

export function bioProblem(bio: string): string | null {
  return textProblem(bio, { label: 'Bio', max: 150 });
}

/** Websites must be http(s) URLs; anything else (javascript:, data:) is refused so clients can link it safely. */
export function normalizeWebsite(raw: string): { value: string | null; problem: string | null } {
  const trimmed = raw.trim();
  if (trimmed === '') return { value: null, problem: null };
  if (trimmed.length > 200 || !trimmed.isWellFormed())
    return { value: null, problem: 'Enter a valid website' };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { value: null, problem: 'Websites must start with http:// or https://' };
    }
    if (!url.hostname.includes('.') || url.username || url.password)
      return { value: null, problem: 'Enter a valid website' };
    return { value: url.toString(), problem: null };
  } catch {
    return { value: null, problem: 'Enter a valid website' };
  }
}
