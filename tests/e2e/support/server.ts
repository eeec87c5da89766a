/**
 * The Glimpse a journey runs against. The server test harness makes the CAPTCHA cheap (its clients
 * solve one per sign-up); journeys keep the production difficulty, so the widget in Chromium does the
 * real amount of work a person's browser does.
 */
import { loadConfig } from '../../../apps/server/src/config';
import { startServer, type TestServer } from '../../../apps/server/test/support/harness';

/** config.ts's default CAPTCHA_MAX_COUNTER, whatever it is. */
const PRODUCTION_CAPTCHA = String(loadConfig({ NODE_ENV: 'test' }).captcha.maxCounter);

export function startJourneyServer(): Promise<TestServer> {
  return startServer({ mode: 'embedded', env: { CAPTCHA_MAX_COUNTER: PRODUCTION_CAPTCHA } });
}

export type { TestServer };
