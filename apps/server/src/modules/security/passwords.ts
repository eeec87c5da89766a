import type { Db } from '../../platform/db';
import { verifyPassword } from '../accounts/passwords';

/** Re-authentication: the signed-in person proves it is them before a sensitive change. */
export interface Security {
  checkPassword(userId: string, password: string): Promise<boolean>;
}

export function createSecurity(db: Db): Security {
  return {
    async checkPassword(userId, password) {
      const [row] = await db.query<{ password_hash: string }>(
        '/* passwordOf */ select password_hash from users where id = $1',
        [userId],
      );
      return verifyPassword(row?.password_hash ?? null, password);
    },
  };
}
