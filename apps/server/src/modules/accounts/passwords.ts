import { hash, verify } from '@node-rs/argon2';

export interface Argon2Params {
  /** KiB of memory. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), unless configured otherwise. */
export const DEFAULT_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
let params: Argon2Params = DEFAULT_ARGON2;

/** Sets the parameters new hashes use (from configuration, at start). */
export function configurePasswordHashing(next: Argon2Params): void {
  params = { ...next };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

/** Whether a stored hash was made with other parameters than today's (so log-in should rehash it). */
export function needsRehash(passwordHash: string): boolean {
  const match = /\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!passwordHash.startsWith('$argon2id$') || !match) return true;
  return (
    Number(match[1]) !== params.memoryCost ||
    Number(match[2]) !== params.timeCost ||
    Number(match[3]) !== params.parallelism
  );
}

// Verifying against this when the account does not exist keeps log-in time the same either way,
// so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('glimpse-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
