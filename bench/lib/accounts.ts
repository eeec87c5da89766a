import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-people';
import { HEAVY_USERNAME } from '../../apps/server/src/seed/large-seed';
import { withPg } from './postgres';
import { MAIN } from './services';

/** Accounts the benchmark adds to the large seed; every password is the demo one. */
export const PASSWORD = DEMO_PASSWORD;
/** Posts the 12 MP photos: nobody follows it, so its posts never enter a measured feed. */
export const UPLOADER_USERNAME = 'bench_uploader';

/** Creates the uploader once, with the seeded accounts' password hash (no sign-up, no rate limit). */
export async function ensureUploader(): Promise<void> {
  await withPg(MAIN.database, (client) =>
    client.query(
      `/* benchUploader */ insert into users (username, email, password_hash, display_name)
       select $1, $1 || '@bench.example', password_hash, 'Bench uploader' from users where username = $2
       on conflict do nothing`,
      [UPLOADER_USERNAME, HEAVY_USERNAME],
    ),
  );
}
