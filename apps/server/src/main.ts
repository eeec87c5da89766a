import { createGlimpse } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, subsystemLogger } from './platform/logger';
import { seedDemoIfEmpty } from './seed/demo';

/** `npm start`: the whole product in one process, on embedded defaults unless the environment says otherwise. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const glimpse = await createGlimpse(config, logger);
  if (config.seedDemo && config.role !== 'worker') {
    await seedDemoIfEmpty(glimpse, subsystemLogger(logger, 'seed'));
  }
  const address = await glimpse.listen();
  const where =
    config.role === 'worker' ? 'worker: consuming jobs' : `at ${address.replace('0.0.0.0', 'localhost')}`;
  logger.info(
    {
      address,
      database: glimpse.platform.db.kind,
      cache: glimpse.platform.cache.kind,
      queue: glimpse.platform.queue.kind,
      blobs: glimpse.platform.blobs.kind,
      role: config.role,
    },
    `Glimpse is running ${where}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and jobs');
    // A drain that cannot finish (a hung job, a store that does not answer) must not keep the process forever.
    const deadline = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    deadline.unref();
    try {
      await glimpse.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
