import type { Glimpse } from '../app';
import type { Logger } from '../platform/logger';

/** Seeds the demo community when the database has no users yet. */
export async function seedDemoIfEmpty(glimpse: Glimpse, logger: Logger): Promise<void> {
  const [row] = await glimpse.platform.db.query<{ any: boolean }>('/* anyUsers */ select exists(select 1 from users) as any');
  if (row?.any) return;
  logger.info('demo seeding not yet implemented');
}
