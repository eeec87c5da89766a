import { loadConfig } from '../../apps/server/src/config';
import { closePlatform, createPlatform, type Platform } from '../../apps/server/src/platform';
import { createLogger } from '../../apps/server/src/platform/logger';
import { createMetrics } from '../../apps/server/src/platform/metrics';
import { serverEnv } from './server-env';
import type { Installation } from './services';

/**
 * The server's own platform adapters, opened on an installation with exactly the configuration its
 * server gets: for seeding, and for reading what the server keeps (timelines) through its own ports.
 */
export async function withPlatform<T>(
  installation: Installation,
  blobs: Record<string, string>,
  work: (platform: Platform) => Promise<T>,
): Promise<T> {
  const config = loadConfig(serverEnv({ installation, blobs, port: 0 }));
  const platform = await createPlatform(config, createLogger('warn'), createMetrics());
  try {
    return await work(platform);
  } finally {
    await closePlatform(platform);
  }
}
