import { describe, expect, it } from 'vitest';
import { normalizeUsername, normalizeWebsite, passwordProblem, usernameProblem } from './validation';

describe('account validation', () => {
  it('folds compatibility forms and case, then applies Instagram rules', () => {
    expect(normalizeUsername(' Ｍａｒｉａ_01 ')).toBe('maria_01');
    expect(usernameProblem('maria_01')).toBeNull();
    expect(usernameProblem(normalizeUsername('mаria'))).toMatch(/letters, numbers/); // Cyrillic а
    expect(usernameProblem('a.b')).toBeNull();
    expect(usernameProblem('a..b')).toMatch(/two periods/);
  });

  it("refuses names that the web app's own pages use, so no profile is hidden behind one", () => {
    for (const page of [
      'activity',
      'archive',
      'create',
      'explore',
      'stories',
      'highlights',
      'accounts',
      'p',
    ]) {
      expect(usernameProblem(page), page).toBe('This username is not available');
    }
  });

  it('counts password length in characters and refuses common ones', () => {
    expect(passwordProblem('ééééééé')).toMatch(/at least 8/);
    expect(passwordProblem('12345678')).toMatch(/too common/);
    expect(passwordProblem('a fine passphrase')).toBeNull();
  });

  it('accepts only http(s) websites', () => {
    expect(normalizeWebsite('glimpse.example')).toEqual({ value: 'https://glimpse.example/', problem: null });
    expect(normalizeWebsite('data:text/html,hi').problem).toMatch(/http/);
    expect(normalizeWebsite('https://user:pw@host.io').problem).toBeTruthy();
    expect(normalizeWebsite('')).toEqual({ value: null, problem: null });
  });
});
