/** The API schema as minified introspection, generated at build time by build/graphcache-schema.ts. */
declare module 'virtual:graphcache-schema' {
  import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

  const schema: NonNullable<CacheExchangeOpts['schema']>;
  export default schema;
}
