import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The SDL files: the shared base, then each domain module's own schema.graphql. */
export function sdlFiles(): string[] {
  const modules = path.join(SRC, 'modules');
  const moduleFiles = readdirSync(modules)
    .sort()
    .map((name) => path.join(modules, name, 'schema.graphql'))
    .filter((file) => {
      try {
        readFileSync(file);
        return true;
      } catch {
        return false;
      }
    });
  return [path.join(SRC, 'graphql', 'base.graphql'), ...moduleFiles];
}

export function loadTypeDefs(): string {
  return sdlFiles()
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

export function buildSchemaFromModules(): GraphQLSchema {
  return buildASTSchema(parse(loadTypeDefs()));
}
