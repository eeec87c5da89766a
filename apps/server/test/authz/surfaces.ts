import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { registerWebApp } from '../../src/http/web';

/**
 * What the matrix must cover, read from the running server rather than listed by hand: every root field
 * of the executable schema and every route Fastify serves.
 */
export function rootFields(schema: GraphQLSchema): string[] {
  const types = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return types.flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
}

/**
 * Routes as `METHOD /path`, from Fastify's route tree (`printRoutes()`, whose common-prefix form keeps
 * wildcards whole). HEAD routes are Fastify's automatic mirrors of GET ones and are left out; each found
 * route is checked with `hasRoute` so a misread tree cannot pass silently.
 */
export function routesOf(app: FastifyInstance): string[] {
  const lines = app.printRoutes({ commonPrefix: true }).split('\n');
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of lines) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const url = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) {
      if (!app.hasRoute({ method: method as 'GET', url })) throw new Error(`misread route ${method} ${url}`);
      if (method !== 'HEAD') routes.push(`${method} ${url}`);
    }
  }
  return routes;
}

/**
 * The web app's routes come from registerWebApp only when apps/web/dist is built. When it is not, the
 * same function is mounted on a stand-in Fastify over a two-file fixture build, so its routes are still
 * enumerated and called; they read no session, which is the point (every viewer gets the same files).
 */
export async function webAppStandIn(): Promise<{ app: FastifyInstance; url: string }> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'glimpse-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Glimpse</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("glimpse")');
  const app = Fastify();
  await registerWebApp(app, dist);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}
