import {
  detectFakeEngagement,
  expireStories,
  rebuildExplorePools,
  rebuildExploreSimilarity,
  refreshHashtags,
  sweepUploads,
  trainRanking,
} from '../../src/jobs';
import type { Db } from '../../src/platform/db';
import type { Metrics } from '../../src/platform/metrics';

/**
 * A fingerprint of every table (row count and a digest of its rows), taken in one statement, so a
 * refused call can be checked to have changed nothing at all, whatever tables its mutation touches;
 * with it, how many times the scheduled jobs have run (see SCHEDULED_RUNS).
 */
export type Snapshot = Record<string, string>;

/** Columns that change on reads, not writes: a session's last use is touched by any request. */
const VOLATILE: Record<string, string> = {
  sessions: 'id, user_id, token_hash, expires_at',
};

export async function snapshotter(db: Db, metrics: Metrics): Promise<() => Promise<Snapshot>> {
  const tables = (
    await db.query<{ name: string }>(
      `/* fuzzTables */ select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
  ).map((row) => row.name);
  const parts = tables.map((table) => {
    const row = VOLATILE[table] ? `(${VOLATILE[table]})` : 't';
    return `'${table}', (select count(*) || ':' || md5(coalesce(string_agg(${row}::text, '|' order by ${row}::text), '')) from "${table}" t)`;
  });
  // A function takes at most 100 arguments: one object per 40 tables, merged.
  const objects: string[] = [];
  for (let i = 0; i < parts.length; i += 40)
    objects.push(`jsonb_build_object(${parts.slice(i, i + 40).join(', ')})`);
  const sql = `/* fuzzSnapshot */ select (${objects.join(' || ')}) as state`;
  return async () => {
    const [row] = await db.query<{ state: Snapshot | string }>(sql);
    const state = row!.state;
    const tablesNow = typeof state === 'string' ? (JSON.parse(state) as Snapshot) : state;
    return { ...tablesNow, [SCHEDULED_RUNS]: await scheduledRuns(metrics) };
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

/**
 * The jobs the server runs on a timer (fake-engagement detection, ranking training, story expiry, the
 * upload sweep, the hashtag and Explore precomputations). The fuzzing outlasts their five-minute period, and the detector rightly flags the
 * world's many fresh accounts: a comparison across one of their runs proves nothing either way.
 */
const SCHEDULED = new Set(
  [
    detectFakeEngagement,
    trainRanking,
    expireStories,
    sweepUploads,
    refreshHashtags,
    rebuildExplorePools,
    rebuildExploreSimilarity,
  ].map((j) => j.name),
);

/** The snapshot's entry that counts finished runs of scheduled jobs (not a table). */
export const SCHEDULED_RUNS = '(scheduled job runs)';

export async function scheduledRuns(metrics: Metrics): Promise<string> {
  const { values } = await metrics.jobDuration.get();
  const runs = values
    .filter((v) => v.metricName?.endsWith('_count') && SCHEDULED.has(String(v.labels.job)))
    .reduce((sum, v) => sum + v.value, 0);
  return String(runs);
}
