import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from './authz/case';
import { ACCOUNT_CASES } from './authz/cases-accounts';
import { GRAPH_CASES } from './authz/cases-graph';
import { HASHTAG_CASES } from './authz/cases-hashtags';
import { HIGHLIGHT_CASES } from './authz/cases-highlights';
import { MODERATION_CASES } from './authz/cases-moderation';
import { NOTIFICATION_CASES } from './authz/cases-notifications';
import { POST_CASES } from './authz/cases-posts';
import { READ_CASES } from './authz/cases-reads';
import { REST_CASES } from './authz/cases-rest';
import { SAFETY_CASES } from './authz/cases-safety';
import { SEARCH_CASES } from './authz/cases-search';
import { SECURITY_CASES } from './authz/cases-security';
import { STORY_CASES } from './authz/cases-stories';
import { SUBSCRIPTION_CASES } from './authz/cases-subscriptions';
import { EXPECTED } from './authz/expected';
import { rootFields, routesOf, webAppStandIn } from './authz/surfaces';
import { surfaceOf, TARGETS, VIEWERS } from './authz/table';
import { buildWorld, callerOf, forbiddenStrings, type World } from './authz/world';
import { Api } from './support/client';
import { MODE, modeAvailable, startServer, type TestServer } from './support/harness';

/**
 * The authorization matrix: every GraphQL root field (subscriptions over WebSocket) and every REST route, called as six viewers (the
 * owner, an approved follower, a stranger, a pending requester, a blocked user, logged out) against a
 * private account's content and a public account's. The expected outcome of each cell is the table in
 * authz/expected.ts; a field or route added without a row there fails the first test. Each cell also
 * searches everything the viewer received for markers of content it may not see.
 */
const CASES: Case<unknown>[] = [
  ...READ_CASES,
  ...ACCOUNT_CASES,
  ...POST_CASES,
  ...GRAPH_CASES,
  ...MODERATION_CASES,
  ...SECURITY_CASES,
  ...SAFETY_CASES,
  ...SEARCH_CASES,
  ...HASHTAG_CASES,
  ...STORY_CASES,
  ...HIGHLIGHT_CASES,
  ...NOTIFICATION_CASES,
  ...SUBSCRIPTION_CASES,
  ...REST_CASES,
];

describe.skipIf(!(await modeAvailable()))(`authorization matrix [${MODE}]`, () => {
  let server: TestServer;
  let world: World;
  let webApp: { app: FastifyInstance; url: string } | null = null;

  beforeAll(async () => {
    server = await startServer();
    if (!routesOf(server.glimpse.http!).includes('GET /')) webApp = await webAppStandIn();
    world = await buildWorld(server, new Api(server.url));
    if (webApp) world.webUrl = webApp.url;
  }, 300_000);
  afterAll(async () => {
    await webApp?.app.close();
    await server?.stop();
  });

  it('has a row for every GraphQL root field and REST route, and none for one that is gone', () => {
    const http = server.glimpse.http!;
    const surfaces = [
      ...rootFields(http.graphql.schema),
      ...routesOf(http),
      ...(webApp ? routesOf(webApp.app) : []),
    ];
    const rows = new Set([...EXPECTED.keys()].map(surfaceOf));
    expect(
      surfaces.filter((s) => !rows.has(s)),
      'fields or routes with no row in test/authz/expected.ts: decide who may call them, and add one',
    ).toEqual([]);
    expect(
      [...rows].filter((s) => !surfaces.includes(s)),
      'rows in test/authz/expected.ts for fields or routes that no longer exist',
    ).toEqual([]);
  });

  it('has a case that makes the call for every row, and a row for every case', () => {
    const names = CASES.map((c) => c.name);
    expect(
      [...EXPECTED.keys()].filter((name) => !names.includes(name)),
      'rows without a case',
    ).toEqual([]);
    expect(
      names.filter((name) => !EXPECTED.has(name)),
      'cases without a row',
    ).toEqual([]);
  });

  for (const spec of CASES) {
    const row = EXPECTED.get(spec.name);
    if (!row) continue;
    describe(spec.name, () => {
      const fixtures = new Map<string, unknown>();
      beforeAll(async () => {
        if (!spec.prepare) return;
        for (const target of TARGETS) {
          for (const viewer of VIEWERS) {
            fixtures.set(`${target} ${viewer}`, await spec.prepare(world, world.targets[target], viewer));
          }
        }
        await world.seed.waitForJobs();
      }, 180_000);

      for (const target of TARGETS) {
        for (const viewer of VIEWERS) {
          const expected = row[target][viewer];
          it(`${target} account, as ${viewer}: ${expected}`, async () => {
            const content = world.targets[target];
            const cell = { world, target: content, viewer, caller: callerOf(world, content, viewer) };
            const observed = await spec.run(cell, fixtures.get(`${target} ${viewer}`));
            const where = `${spec.name} on the ${target} account's content as ${viewer}`;
            expect(observed.outcome, where).toBe(expected);
            const leaked = forbiddenStrings(content, viewer).filter((s) => observed.body.includes(s));
            expect(leaked, `${where}: the answer holds content this viewer may not see`).toEqual([]);
          });
        }
      }
    });
  }
});
