import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES, servicesAvailable } from '../../test/support/services';
import { createGlimpse, type Glimpse } from '../app';
import { loadConfig } from '../config';
import { createDiskBlobStore } from '../platform/blobs/disk';
import type { Db, Queryable } from '../platform/db';
import { migrate } from '../platform/db/migrate';
import { createPostgresDb } from '../platform/db/postgres';
import { createLogger } from '../platform/logger';
import { DEMO_PASSWORD, DEMO_USERNAMES, demoCanSee, seedDemoIfEmpty } from './demo';
import { DEMO_PEOPLE } from './demo-people';
import { DEMO_POSTS } from './demo-posts';
import { parseLargeCli, SMALL_SIZES, seedLarge } from './large';
import { HEAVY_USERNAME, LargeSeedError, LIGHT_USERNAME } from './large-seed';

/** Every denormalised counter that differs from a count of its rows (empty when all agree). */
async function counterDrift(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ drift: string }>(
    `/* counterDrift */
     select 'user ' || u.username || ' follower_count' as drift from users u
       where follower_count <> (select count(*) from follows where followee_id = u.id)
     union all select 'user ' || u.username || ' following_count' from users u
       where following_count <> (select count(*) from follows where follower_id = u.id)
     union all select 'user ' || u.username || ' post_count' from users u
       where post_count <> (select count(*) from posts where author_id = u.id and status = 'ready' and archived_at is null)
     union all select 'post ' || p.id || ' like_count' from posts p
       where like_count <> (select count(*) from likes where post_id = p.id)
     union all select 'post ' || p.id || ' comment_count' from posts p
       where comment_count <> (select count(*) from comments where post_id = p.id)
     union all select 'comment ' || c.id || ' reply_count' from comments c
       where reply_count <> (select count(*) from comments r where r.parent_id = c.id)
     union all select 'comment ' || c.id || ' like_count' from comments c
       where like_count <> (select count(*) from comment_likes where comment_id = c.id)
     union all select 'hashtag ' || h.name || ' post_count' from hashtags h
       where post_count <> (select count(*) from post_hashtags where hashtag_id = h.id)
     limit 20`,
  );
  return rows.map((r) => r.drift);
}

/** IDs that repeat within a table, or rows whose ID does not carry their owner's shard. */
async function idProblems(db: Queryable): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `/* idProblems */ select
       (select count(*) - count(distinct id) from follows)::int as follow_duplicates,
       (select count(*) - count(distinct id) from likes)::int as like_duplicates,
       (select count(*) filter (where shard_of(id) <> shard_of(follower_id)) from follows)::int as follow_shards,
       (select count(*) filter (where shard_of(id) <> shard_of(author_id)) from posts)::int as post_shards,
       (select count(*) filter (where shard_of(id) <> shard_of(user_id)) from likes)::int as like_shards,
       (select count(*) filter (where shard_of(id) <> shard_of(author_id)) from comments)::int as comment_shards`,
  );
  return row!;
}

const count = async (db: Queryable, sql: string): Promise<number> => {
  const [row] = await db.query<{ n: number }>(sql);
  return row?.n ?? 0;
};

describe('demo data', () => {
  const known = new Set(DEMO_USERNAMES);

  it('names only demo people, and each follows five to nine others', () => {
    expect(DEMO_USERNAMES.length).toBeGreaterThanOrEqual(12);
    for (const p of DEMO_PEOPLE) {
      expect(p.follows.length, p.username).toBeGreaterThanOrEqual(5);
      expect(p.follows.length, p.username).toBeLessThanOrEqual(9);
      expect(
        p.follows.every((u) => known.has(u) && u !== p.username),
        p.username,
      ).toBe(true);
      // An approved request must have been made.
      for (const requester of p.approves ?? []) {
        expect(DEMO_PEOPLE.find((q) => q.username === requester)?.follows, requester).toContain(p.username);
      }
      expect([...p.bio].length, p.username).toBeLessThanOrEqual(150);
    }
    for (const post of DEMO_POSTS) {
      expect(known.has(post.by)).toBe(true);
      for (const mention of post.caption.matchAll(/@([a-z0-9._]+[a-z0-9_])/g))
        expect(known.has(mention[1]!), mention[1]).toBe(true);
    }
  });

  it('has only people who can see a post comment on it', () => {
    for (const post of DEMO_POSTS) {
      for (const [by, , replyTo] of post.comments ?? []) {
        expect(demoCanSee(by, post.by), `${by} on ${post.by}`).toBe(true);
        if (replyTo !== undefined) expect(replyTo).toBeLessThan((post.comments ?? []).length);
      }
    }
  });
});

describe('demo community', () => {
  let dataDir: string;
  let glimpse: Glimpse;
  let db: Db;
  let seconds = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'glimpse-seed-'));
    const config = loadConfig({
      GLIMPSE_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      GLIMPSE_SEED: '0',
      NODE_ENV: 'test',
    });
    glimpse = await createGlimpse(
      { ...config, database: { kind: 'pglite', dir: null } },
      createLogger('silent'),
    );
    db = glimpse.platform.db;
    const started = performance.now();
    await seedDemoIfEmpty(glimpse, createLogger('silent'));
    seconds = (performance.now() - started) / 1000;
  }, 180_000);

  afterAll(async () => {
    await glimpse?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the people, with avatars, bios and a couple of private accounts', async () => {
    console.info(`demo seed took ${seconds.toFixed(1)} s`);
    const users = await db.query<{ username: string; has_avatar: boolean; is_private: boolean; bio: string }>(
      'select username, avatar is not null as has_avatar, is_private, bio from users',
    );
    expect(users.length).toBeGreaterThanOrEqual(12);
    expect(users.map((u) => u.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(users.filter((u) => !u.has_avatar)).toEqual([]);
    expect(users.filter((u) => u.is_private).length).toBeGreaterThanOrEqual(2);
    const user = await glimpse.services.accounts.logIn(DEMO_USERNAMES[0]!, DEMO_PASSWORD);
    expect(user.username).toBe(DEMO_USERNAMES[0]);
  });

  it('publishes every post with every photo processed', async () => {
    expect(
      await count(db, `select count(*)::int as n from posts where status = 'ready'`),
    ).toBeGreaterThanOrEqual(60);
    expect(await count(db, `select count(*)::int as n from posts where status <> 'ready'`)).toBe(0);
    expect(
      await count(
        db,
        `select count(*)::int as n from post_media
         where status <> 'ready' or jsonb_array_length(variants) = 0 or thumbhash is null or alt_text = ''`,
      ),
    ).toBe(0);
    const carousels = await count(
      db,
      'select count(*)::int as n from (select post_id from post_media group by 1 having count(*) between 2 and 4) c',
    );
    expect(carousels).toBeGreaterThanOrEqual(5);
    const shapes = await count(db, 'select count(distinct (width, height))::int as n from post_media');
    expect(shapes).toBe(3);
  });

  it('keeps every counter equal to its rows', async () => {
    expect(await counterDrift(db)).toEqual([]);
    expect(await count(db, 'select count(*)::int as n from likes')).toBeGreaterThan(200);
    expect(
      await count(db, 'select count(*)::int as n from comments where parent_id is not null'),
    ).toBeGreaterThan(3);
    expect(await count(db, 'select count(*)::int as n from saves')).toBeGreaterThan(0);
    expect(await count(db, 'select count(*)::int as n from post_mentions')).toBeGreaterThan(5);
    expect(await count(db, 'select count(*)::int as n from post_hashtags')).toBeGreaterThan(40);
  });

  it('leaves follow requests pending on private accounts, and approved followers only see their posts', async () => {
    const pending = await count(
      db,
      'select count(*)::int as n from follow_requests r join users u on u.id = r.target_id where u.is_private',
    );
    expect(pending).toBeGreaterThan(0);
    const outsiders = await count(
      db,
      `select count(*)::int as n from (
         select l.user_id, p.author_id from likes l join posts p on p.id = l.post_id
         union all select c.author_id, p.author_id from comments c join posts p on p.id = c.post_id
       ) e join users a on a.id = e.author_id
       where a.is_private and e.user_id <> a.id
         and not exists (select 1 from follows where follower_id = e.user_id and followee_id = a.id)`,
    );
    expect(outsiders).toBe(0);
  });

  it('spreads posts over the last three weeks in ID order', async () => {
    const posts = await db.query<{ id: string; created_at: Date }>(
      'select id, created_at from posts order by id',
    );
    const times = posts.map((p) => p.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const days = (times.at(-1)! - times[0]!) / 86_400_000;
    expect(days).toBeGreaterThan(18);
    expect(days).toBeLessThan(22);
    expect(times.at(-1)!).toBeLessThan(Date.now());
  });

  it('does nothing on a database that already has users', async () => {
    const before = await count(db, 'select count(*)::int as n from posts');
    await seedDemoIfEmpty(glimpse, createLogger('silent'));
    expect(await count(db, 'select count(*)::int as n from posts')).toBe(before);
  });
});

describe('large data set: options', () => {
  it('takes flags over SEED_* variables over the defaults', () => {
    expect(parseLargeCli([], {}).sizes.users).toBe(10_000);
    expect(parseLargeCli(['--small'], {}).sizes).toEqual(SMALL_SIZES);
    expect(parseLargeCli(['--small', '--posts', '7_000'], { SEED_USERS: '900' }).sizes).toMatchObject({
      users: 900,
      posts: 7000,
      follows: SMALL_SIZES.follows,
    });
    expect(parseLargeCli(['--reset'], {}).reset).toBe(true);
    expect(() => parseLargeCli(['--users', 'many'], {})).toThrow(LargeSeedError);
  });
});

const hasPostgres = await servicesAvailable('postgres');

describe.skipIf(!hasPostgres)('large data set (--small, real PostgreSQL)', () => {
  const name = `glimpse_seed_${randomBytes(5).toString('hex')}`;
  const blobsDir = mkdtempSync(path.join(os.tmpdir(), 'glimpse-large-'));
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: SERVICES.postgres.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let db: Db;

  beforeAll(async () => {
    await admin(`create database ${name}`);
    db = await createPostgresDb({ url: `postgres://postgres@127.0.0.1:5432/${name}`, poolSize: 2 });
    await migrate(db);
  });

  afterAll(async () => {
    await db?.close();
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(blobsDir, { recursive: true, force: true });
  });

  it('builds the sizes asked for with consistent counters, IDs and shared photos', async () => {
    const blobs = createDiskBlobStore({ root: blobsDir });
    const report = await seedLarge({ db, blobs }, { sizes: SMALL_SIZES, reset: false, photos: 3 });
    expect(report.counts).toMatchObject({
      users: SMALL_SIZES.users,
      follows: SMALL_SIZES.follows,
      posts: SMALL_SIZES.posts,
      likes: SMALL_SIZES.likes,
      comments: SMALL_SIZES.comments,
    });
    expect(report.counts.post_media).toBeGreaterThan(SMALL_SIZES.posts);
    expect(report.heavy).toEqual({ username: HEAVY_USERNAME, following: SMALL_SIZES.users - 1 });
    expect(report.light).toEqual({ username: LIGHT_USERNAME, following: 10 });

    expect(await counterDrift(db)).toEqual([]);
    expect(Object.values(await idProblems(db)).every((n) => n === 0)).toBe(true);
    expect(await count(db, `select count(*)::int as n from posts where status <> 'ready'`)).toBe(0);
    // Keyset order is time order: IDs carry the backdated milliseconds.
    expect(
      await count(
        db,
        `select count(*)::int as n from posts where abs(extract(epoch from created_at - id_time(id))) > 0.001
           or created_at < now() - interval '91 days'`,
      ),
    ).toBe(0);
    // Each shared photo's folder is some row's media_key, so the media gate can authorise its files.
    const folders = await db.query<{ key: string; owned: boolean }>(
      `select distinct split_part(variants->0->>'key', '/', 2) as key,
         exists(select 1 from post_media o where o.media_key = split_part(m.variants->0->>'key', '/', 2)) as owned
       from post_media m`,
    );
    expect(folders).toHaveLength(3);
    expect(folders.every((f) => f.owned)).toBe(true);
    expect(await blobs.exists(`m/${folders[0]!.key}/320.avif`)).toBe(true);

    await expect(seedLarge({ db, blobs }, { sizes: SMALL_SIZES, reset: false })).rejects.toThrow(/--reset/);
  }, 120_000);
});
