/**
 * A Vite plugin serving `virtual:graphcache-schema`: the API schema (apps/server/schema.graphql) as the
 * minified introspection Graphcache needs for schema awareness (interface matching, partial results
 * offline). It keeps only what Graphcache reads, like @urql/introspection's minifyIntrospectionQuery.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type IntrospectionNamedTypeRef,
  type IntrospectionType,
  type IntrospectionTypeRef,
  introspectionFromSchema,
} from 'graphql';
import type { Plugin } from 'vite';

export const SCHEMA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../server/schema.graphql',
);

const MODULE_ID = 'virtual:graphcache-schema';
const RESOLVED_ID = `\0${MODULE_ID}`;
// Graphcache never reads argument types, so every argument is typed as one placeholder scalar.
const ANY_ARGUMENT = { kind: 'SCALAR', name: 'Any' } as const;

interface MinifiedField {
  name: string;
  type: IntrospectionTypeRef;
  args: { name: string; type: typeof ANY_ARGUMENT }[];
}

type MinifiedType =
  | {
      kind: 'OBJECT' | 'INTERFACE';
      name: string;
      fields: MinifiedField[];
      interfaces: readonly IntrospectionNamedTypeRef[];
    }
  | { kind: 'UNION'; name: string; possibleTypes: readonly IntrospectionNamedTypeRef[] };

function minifyType(type: IntrospectionType): MinifiedType | null {
  if (type.name.startsWith('__')) return null;
  if (type.kind === 'UNION') return { kind: type.kind, name: type.name, possibleTypes: type.possibleTypes };
  if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') return null;
  return {
    kind: type.kind,
    name: type.name,
    interfaces: type.interfaces,
    fields: type.fields.map((field) => ({
      name: field.name,
      type: field.type,
      args: field.args.map((arg) => ({ name: arg.name, type: ANY_ARGUMENT })),
    })),
  };
}

export function minifiedIntrospection(sdl: string) {
  const { __schema: schema } = introspectionFromSchema(buildSchema(sdl), { descriptions: false });
  return {
    __schema: {
      queryType: { name: schema.queryType.name },
      mutationType: schema.mutationType ? { name: schema.mutationType.name } : null,
      subscriptionType: schema.subscriptionType ? { name: schema.subscriptionType.name } : null,
      types: schema.types.map(minifyType).filter((type) => type !== null),
    },
  };
}

export function graphcacheSchema(schemaPath = SCHEMA_PATH): Plugin {
  return {
    name: 'glimpse:graphcache-schema',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(schemaPath);
      const introspection = minifiedIntrospection(readFileSync(schemaPath, 'utf8'));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(introspection))});`;
    },
  };
}
