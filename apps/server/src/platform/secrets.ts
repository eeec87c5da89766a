import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (TOTP secrets, recovery codes): AES-256-GCM under a key from configuration, with
 * rotation. Keys are named; the first is current and encrypts, every listed key still decrypts, so a
 * new key goes first, `rotate` re-encrypts old values, and the old key is removed afterwards.
 *
 * A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url), and the key ID plus the value's
 * purpose (e.g. `totp:<userId>`) are bound as associated data, so a value can't be moved to another
 * row or purpose without failing authentication.
 */
export interface SecretBox {
  readonly currentKeyId: string;
  seal(plaintext: string, purpose: string): string;
  /** Throws SecretError when the value was tampered with, moved, or sealed under an unknown key. */
  open(sealed: string, purpose: string): string;
  /** Whether a value was sealed under an older key (and should be re-sealed). */
  isStale(sealed: string): boolean;
  /** Opens with whichever key sealed it and seals again under the current key. */
  rotate(sealed: string, purpose: string): string;
}

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `id:base64key,id2:base64key2` (each key 32 bytes). Throws a message naming the problem, for
 * the configuration loader to report.
 */
export function parseSecretKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    const id = part.slice(0, at);
    if (at < 1 || !KEY_ID.test(id))
      throw new Error(`key "${part.slice(0, 12)}…" must look like id:base64key`);
    const key = Buffer.from(part.slice(at + 1), 'base64');
    if (key.length !== 32) throw new Error(`key ${id} must be 32 bytes of base64 (it is ${key.length})`);
    if (keys.has(id)) throw new Error(`key ${id} is listed twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new Error('at least one key is required');
  return keys;
}

export function createSecretBox(keys: ReadonlyMap<string, Buffer>): SecretBox {
  const [current] = keys.keys();
  if (!current) throw new Error('a secret box needs a key');
  const aad = (keyId: string, purpose: string) => Buffer.from(`${VERSION}|${keyId}|${purpose}`);

  const box: SecretBox = {
    currentKeyId: current,
    seal(plaintext, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv);
      cipher.setAAD(aad(current, purpose));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, current, iv, cipher.getAuthTag(), ciphertext]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, purpose) {
      const parts = sealed.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretError('not a sealed secret');
      const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
      const key = keys.get(keyId);
      if (!key) throw new SecretError(`sealed under unknown key ${keyId.slice(0, 32)}`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(aad(keyId, purpose));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretError('sealed secret failed authentication');
      }
    },
    isStale(sealed) {
      return sealed.split('.')[1] !== current;
    },
    rotate(sealed, purpose) {
      return box.isStale(sealed) ? box.seal(box.open(sealed, purpose), purpose) : sealed;
    },
  };
  return box;
}

/**
 * The configured keys, or (when none are configured) the key file under the data directory, made on
 * first start with one fresh key. Several machines must share SECRET_KEYS instead.
 */
export async function loadSecretKeys(
  configured: ReadonlyMap<string, Buffer> | null,
  dataDir: string,
): Promise<Map<string, Buffer>> {
  if (configured) return new Map(configured);
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const file = path.join(dataDir, 'secret-keys');
  try {
    return parseSecretKeys(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const spec = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}:${randomBytes(32).toString('base64')}`;
  // `wx`: if another process made it first, use theirs.
  await writeFile(file, `${spec}\n`, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return parseSecretKeys(await readFile(file, 'utf8'));
}
