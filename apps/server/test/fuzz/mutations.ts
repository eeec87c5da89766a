import fc from 'fast-check';
import type { GraphQLField } from 'graphql';
import { type Answer, bearer, executed, problemsOf, refused, send } from './answers';
import { fuzzCall } from './derive';
import { changedTables, SCHEDULED_RUNS, type Snapshot } from './state';
import { encodeJson, RawNumber } from './values';
import { type Actor, type FuzzWorld, keepSignedIn, newActor } from './world';

/**
 * Fuzzes one mutation as one kind of caller: the property holds when every answer is a 2xx or 4xx
 * whose errors carry stable codes, and a call the server refused changed no row anywhere.
 */
export type Caller = 'member' | 'moderator' | 'anonymous';

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  snapshot: () => Promise<Snapshot>;
}

export async function fuzzMutation(
  world: FuzzWorld,
  field: GraphQLField<unknown, unknown>,
  caller: Caller,
  options: FuzzOptions,
): Promise<string | null> {
  const actor = await actorFor(world, caller);
  const call = fuzzCall(field, actor.pools);
  // The state after a refused call is the state before the next one: one snapshot per run, not two.
  let known: Snapshot | null = null;
  const property = fc.asyncProperty(call.variables, async (variables) => {
    if (!known) {
      await world.server.glimpse.jobsIdle();
      known = await options.snapshot();
    }
    // Each call as if from a fresh address: failed log-ins from one would soon demand a CAPTCHA of
    // every logIn, and the fuzzing would stop short of the credentials check.
    await world.server.glimpse.services.cache.del('loginfail:127.0.0.1');
    const body = `{"query":${JSON.stringify(call.document)},"variables":${encodeJson(variables)}}`;
    const token = caller === 'anonymous' ? undefined : actor.user.token;
    const answer = await send(world.api.url, body, bearer(token));
    const problems = problemsOf(answer);
    tally(`${field.name} as ${caller}`, answer);
    if (process.env.FUZZ_DEBUG)
      console.log(field.name, caller, encodeJson(variables).slice(0, 200), answer.text.slice(0, 300));
    if (!executed(answer)) {
      // Refused by coercion or validation before any resolver ran: nothing to compare.
    } else if (refused(answer, field.name)) {
      const after = await options.snapshot();
      const changed = changedTables(known, after);
      if (changed.length > 0 && !(await scheduledJobRan(world, known, options))) {
        problems.push(`refused (${codesSummary(answer)}) yet changed ${changed.join(', ')}`);
      }
      known = after;
    } else {
      known = null;
    }
    if (caller !== 'anonymous' && (await keepSignedIn(world, actor))) known = null;
    if (problems.length > 0) throw new Error(`${field.name} as ${caller}: ${problems.join('; ')}`);
  });
  // Each mutation draws its own sequence from the suite's seed, so they do not all pick the same values.
  const seed = options.seed + [...field.name].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 1_000_003, 0);
  const details = await fc.check(property, { numRuns: options.numRuns, seed, endOnFailure: true });
  if (!details.failed) return null;
  const example = JSON.stringify(abridged(details.counterexample?.[0]));
  return [
    `${field.name} as ${caller} (replay: FUZZ_SEED=${options.seed} FUZZ_ONLY=${field.name}; fast-check seed ${seed}, path ${details.counterexamplePath})`,
    `  document: ${call.document}`,
    `  variables (abridged): ${example}`,
    `  ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
  ].join('\n');
}

/**
 * Whether a scheduled job ran since `before`: its writes would show as the refused call's. A job's
 * commit can be seen before its run is counted, so the count is read again once the queue is idle.
 */
async function scheduledJobRan(world: FuzzWorld, before: Snapshot, options: FuzzOptions): Promise<boolean> {
  await world.server.glimpse.jobsIdle();
  return (await options.snapshot())[SCHEDULED_RUNS] !== before[SCHEDULED_RUNS];
}

/**
 * A fresh member for each mutation; one moderator for all (fuzzed last, as a moderator can suspend
 * the world's accounts); the anonymous caller only borrows the world's pools.
 */
let moderator: Actor | null = null;
async function actorFor(world: FuzzWorld, caller: Caller): Promise<Actor> {
  if (caller === 'member') return newActor(world, 'member');
  if (caller === 'moderator') {
    moderator ??= await newActor(world, 'moderator');
    return moderator;
  }
  return { user: world.pub, pools: { ids: world.ids, strings: world.strings } };
}

/** A counterexample short enough to read: long strings and lists cut (the seed replays the whole value). */
function abridged(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 40)}… (${value.length} chars)`;
  if (Array.isArray(value)) {
    const head = value.slice(0, 5).map(abridged);
    return value.length > 5 ? [...head, `… (${value.length} items)`] : head;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof RawNumber)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abridged(v)]));
  }
  return value instanceof RawNumber ? value.text : value;
}

/** Outcomes per mutation and caller (FUZZ_STATS=1 prints them): shows how deep the inputs reach. */
export const outcomes = new Map<string, Map<string, number>>();
function tally(key: string, answer: Answer): void {
  const outcome = answer.body?.errors?.length
    ? `${answer.status} ${codesSummary(answer)}${executed(answer) ? '' : ' (not executed)'}`
    : 'ok';
  const counts = outcomes.get(key) ?? new Map<string, number>();
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  outcomes.set(key, counts);
}

function codesSummary(answer: { body: { errors?: { extensions?: { code?: string } }[] } | null }): string {
  return (answer.body?.errors ?? []).map((e) => e.extensions?.code ?? '?').join(',');
}
