import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents from the committed server schema (apps/server/schema.graphql), with fragment
 * masking: a component declares the fragment it reads beside itself and receives only those fields.
 * Regenerate the types with `npm run codegen -w @glimpse/web` after the schema changes.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // JSON carries edit recipes (and may carry other documents): untyped until read, as
  // @glimpse/edit's parseRecipe(unknown) validates it; any value may be sent.
  scalars: { DateTime: string; ID: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
