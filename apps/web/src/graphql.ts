import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents from the committed server schema (apps/server/schema.graphql), with fragment
 * masking: a component declares the fragment it reads beside itself and receives only those fields.
 * Regenerate the types with `npm run codegen -w @glimpse/web` after the schema changes.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
