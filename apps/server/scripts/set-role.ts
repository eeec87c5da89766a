/**
 * `npm run set-role -- <username> <member|moderator|admin>`: gives an account a role, on the database
 * the environment configures (the embedded one under GLIMPSE_DATA_DIR by default).
 */
import { loadConfig } from '../src/config';
import { createDb } from '../src/platform/db';
import { migrate } from '../src/platform/db/migrate';

const ROLES = ['member', 'moderator', 'admin'] as const;
type Role = (typeof ROLES)[number];

const [username, role] = process.argv.slice(2);
if (!username || !ROLES.includes(role as Role)) {
  console.error('usage: npm run set-role -- <username> <member|moderator|admin>');
  process.exit(2);
}
const config = loadConfig();
const db = await createDb(config.database);
try {
  await migrate(db);
  const rows = await db.query<{ username: string }>(
    '/* setRole */ update users set role = $2 where username = $1 returning username',
    [username.trim().toLowerCase(), role as Role],
  );
  if (rows.length === 0) {
    console.error(`no account named ${username}`);
    process.exitCode = 1;
  } else {
    console.log(`${rows[0]!.username} is now ${role}`);
  }
} finally {
  await db.close();
}
