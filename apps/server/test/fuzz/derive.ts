import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { GraphQLField, GraphQLInputType, GraphQLOutputType } from 'graphql';
import {
  hostileFloat,
  hostileId,
  hostileInt,
  hostileJson,
  hostileString,
  invalidScalar,
  type Pools,
  wrongType,
} from './values';

// The server's schema is built by mercurius with the CommonJS graphql-js; its type guards refuse types
// from the ES module copy tests import, so this file reads the schema with the same copy.
const {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
} = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/**
 * Arbitraries derived from a field's argument types, and the document that sends them as variables:
 * a mutation added to the schema is fuzzed with no change here.
 */
export interface FuzzCall {
  field: string;
  document: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Values of a type, from the type alone. Well-typed values pass GraphQL's coercion, so they reach the
 * resolvers; ill-typed ones (`wellTyped` false) hide one or more mistakes the coercion must refuse
 * with BAD_USER_INPUT: a null for a non-null, a missing or unknown field, a value of the wrong shape.
 * `hint` is the argument's path, which picks the kind of real ID to send.
 */
export function arbitraryOf(
  type: GraphQLInputType,
  pools: Pools,
  hint: string,
  wellTyped: boolean,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = someValueOf(type.ofType, pools, hint, wellTyped);
    return wellTyped
      ? value
      : fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  }
  return fc.oneof(
    { weight: 6, arbitrary: someValueOf(type, pools, hint, wellTyped) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function someValueOf(
  type: GraphQLInputType,
  pools: Pools,
  hint: string,
  wellTyped: boolean,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return someValueOf(type.ofType, pools, hint, wellTyped);
  const typo = (value: fc.Arbitrary<unknown>, mistakes: fc.Arbitrary<unknown>) =>
    wellTyped ? value : fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: mistakes });
  if (isListType(type)) {
    const item = arbitraryOf(type.ofType, pools, hint, wellTyped);
    return typo(
      fc.oneof(
        { weight: 3, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.constant([]) },
        // Long lists of one value: hundreds of items without hundreds of generated strings.
        {
          weight: 1,
          arbitrary: fc.tuple(item, fc.integer({ min: 51, max: 600 })).map(([v, n]) => Array(n).fill(v)),
        },
        // A single value where a list is expected (coerced to a one-item list).
        { weight: 1, arbitrary: item },
      ),
      fc.array(fc.array(item, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return typo(fc.constantFrom(...values), fc.constantFrom('', values[0]!.toLowerCase(), 'ADMIN', 0));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(
      fields.map((f) => [f.name, arbitraryOf(f.type, pools, `${hint}.${f.name}`, wellTyped)]),
    );
    const required = fields
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => f.name);
    return typo(
      // Optional fields are sometimes missing, sometimes null (arbitraryOf), sometimes set.
      fc.record(model, { requiredKeys: required }),
      fc.oneof(
        fc.record(model, { requiredKeys: [] }),
        fc.record({ ...model, isAdmin: fc.constant(true) } as typeof model, { requiredKeys: required }),
        wrongType,
      ),
    );
  }
  const invalid = invalidScalar[type.name] ?? wrongType;
  switch (type.name) {
    case 'ID':
      return typo(hostileId(pools, hint), invalid);
    case 'String':
      return typo(hostileString(pools), invalid);
    case 'Int':
      return typo(hostileInt, invalid);
    case 'Float':
      return typo(hostileFloat, invalid);
    case 'Boolean':
      return typo(fc.boolean(), invalid);
    case 'JSON':
      return hostileJson;
    default:
      return typo(hostileString(pools), wrongType);
  }
}

/** Leaf fields without required arguments, so a successful answer also runs the result's resolvers. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some(isRequiredArgument))
    .map((f) => f.name);
  return ` { __typename ${leaves.join(' ')} }`;
}

export function fuzzCall(field: GraphQLField<unknown, unknown>, pools: Pools): FuzzCall {
  const params = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `mutation Fuzz${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionOf(field.type)} }`;
  const variablesOf = (wellTyped: boolean) =>
    fc.record(
      Object.fromEntries(
        field.args.map((a) => [a.name, arbitraryOf(a.type, pools, `${field.name}.${a.name}`, wellTyped)]),
      ),
      { requiredKeys: field.args.filter(isRequiredArgument).map((a) => a.name) },
    );
  const variables =
    field.args.length === 0
      ? fc.constant({})
      : fc.oneof(
          { weight: 6, arbitrary: variablesOf(true) },
          { weight: 1, arbitrary: variablesOf(false) },
          // One variable replaced by a value of another type.
          {
            weight: 1,
            arbitrary: fc
              .tuple(variablesOf(true), fc.constantFrom(...field.args.map((a) => a.name)), wrongType)
              .map(([vars, name, value]) => ({ ...vars, [name]: value })),
          },
        );
  return { field: field.name, document, variables };
}
