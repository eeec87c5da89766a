import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCodegenOutputs, SCHEMA_FILE, TYPES_FILE } from '../../scripts/codegen-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the committed API schema', () => {
  it('matches the modules SDL, and the resolver types are generated from it (run `npm run codegen`)', async () => {
    const { sdl, types } = await generateCodegenOutputs();
    expect(readFileSync(path.join(root, SCHEMA_FILE), 'utf8')).toBe(sdl);
    expect(readFileSync(path.join(root, TYPES_FILE), 'utf8')).toBe(types);
  });
});
