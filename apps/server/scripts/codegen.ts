/**
 * Prints the schema assembled from the modules' SDL to schema.graphql (committed) and generates the
 * typed resolver signatures. `npm run codegen`; a test fails when either is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCodegenOutputs, SCHEMA_FILE, TYPES_FILE } from './codegen-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { sdl, types } = await generateCodegenOutputs();
writeFileSync(path.join(root, SCHEMA_FILE), sdl);
writeFileSync(path.join(root, TYPES_FILE), types);
console.log(`wrote ${SCHEMA_FILE} and ${TYPES_FILE}`);
