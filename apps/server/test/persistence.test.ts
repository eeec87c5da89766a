import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGlimpse } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { Api } from './support/client';
import { MODE } from './support/harness';
import { createSeed } from './support/seed';

/** npm start's default: PGlite persisted under GLIMPSE_DATA_DIR, media on local disk. Data survives a restart. */
describe.skipIf(MODE !== 'embedded')('embedded persistence', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'glimpse-persist-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const boot = async () => {
    const config = loadConfig({
      GLIMPSE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      GLIMPSE_SEED: '0',
    });
    const glimpse = await createGlimpse(config, createLogger('silent'));
    const url = await glimpse.listen();
    return { glimpse, url };
  };

  it('keeps accounts, posts and photos across a restart', { timeout: 120_000 }, async () => {
    const first = await boot();
    const api = new Api(first.url);
    const seed = createSeed(
      { mode: 'embedded', url: first.url, glimpse: first.glimpse, stop: async () => {} },
      api,
    );
    const ana = await seed.user('persisted_ana');
    const post = await ana.post({ caption: 'still here' });
    await first.glimpse.close();

    const second = await boot();
    try {
      const api2 = new Api(second.url);
      const data = await api2.ok<{
        post: { caption: string; media: { image: { sources: { url: string }[] } }[] };
      }>(
        'query($id: ID!) { post(id: $id) { caption media { image { sources { url } } } } }',
        { id: post.id },
        ana.token,
      );
      expect(data.post.caption).toBe('still here');
      const file = await api2.get(new URL(data.post.media[0]!.image.sources[0]!.url, second.url).pathname);
      expect(file.status).toBe(200);
    } finally {
      await second.glimpse.close();
    }
  });
});
