import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKeys, SecretError } from './secrets';

const key = () => randomBytes(32).toString('base64');

describe('secret box (AES-256-GCM with rotation)', () => {
  it('round-trips, and never produces the same ciphertext twice', () => {
    const box = createSecretBox(parseSecretKeys(`k1:${key()}`));
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp:42');
    const b = box.seal('JBSWY3DPEHPK3PXP', 'totp:42');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(a, 'totp:42')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value moved to another purpose, tampered with, or under an unknown key', () => {
    const box = createSecretBox(parseSecretKeys(`k1:${key()}`));
    const sealed = box.seal('secret', 'totp:42');
    expect(() => box.open(sealed, 'totp:43')).toThrow(SecretError);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    parts[4] = flipped.toString('base64url');
    expect(() => box.open(parts.join('.'), 'totp:42')).toThrow(SecretError);
    const other = createSecretBox(parseSecretKeys(`k9:${key()}`));
    expect(() => other.open(sealed, 'totp:42')).toThrow(/unknown key/);
    expect(() => box.open('plain text', 'totp:42')).toThrow(SecretError);
  });

  it('rotates: a new first key seals, the old still opens, rotate re-seals under the new one', () => {
    const oldKey = key();
    const before = createSecretBox(parseSecretKeys(`old:${oldKey}`));
    const sealed = before.seal('recovery-code', 'recovery:7');
    const after = createSecretBox(parseSecretKeys(`new:${key()},old:${oldKey}`));
    expect(after.open(sealed, 'recovery:7')).toBe('recovery-code');
    expect(after.isStale(sealed)).toBe(true);
    const rotated = after.rotate(sealed, 'recovery:7');
    expect(after.isStale(rotated)).toBe(false);
    expect(rotated.split('.')[1]).toBe('new');
    expect(after.rotate(rotated, 'recovery:7')).toBe(rotated);
    // Once everything is rotated the old key can go.
    const onlyNew = createSecretBox(new Map([...parseSecretKeys(`new:${key()}`)]));
    expect(() => onlyNew.open(sealed, 'recovery:7')).toThrow(SecretError);
  });

  it('validates key configuration with specific messages', () => {
    expect(() => parseSecretKeys('')).toThrow(/at least one key/);
    expect(() => parseSecretKeys('nokey')).toThrow(/id:base64key/);
    expect(() => parseSecretKeys(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    const k = key();
    expect(() => parseSecretKeys(`k1:${k},k1:${k}`)).toThrow(/twice/);
  });
});
