/**
 * The bundle budget: the gzipped JavaScript a first visit must load before any screen renders (the entry
 * chunk and everything it imports statically; lazy screens are not counted) must stay under 150 KB.
 * Reads Vite's build manifest, so run it after `vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
const manifestPath = path.join(dist, '.vite/manifest.json');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

if (!existsSync(manifestPath)) {
  console.error(`No ${path.relative(process.cwd(), manifestPath)}: run \`vite build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

/** The entry chunks and their static imports, transitively; dynamic imports are left out on purpose. */
function initialChunks(): ManifestChunk[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].map((key) => manifest[key]).filter((chunk) => chunk !== undefined);
}

const kb = (bytes: number) => bytes / 1024;
const rows = initialChunks()
  .filter((chunk) => chunk.file.endsWith('.js'))
  .map((chunk) => {
    const source = readFileSync(path.join(dist, chunk.file));
    return { file: chunk.file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
  });
if (rows.length === 0) throw new Error('the build manifest names no entry chunk');

for (const row of rows) {
  console.log(`  ${row.file}  ${kb(row.raw).toFixed(1)} KB, ${kb(row.gzip).toFixed(1)} KB gzipped`);
}
const total = kb(rows.reduce((sum, row) => sum + row.gzip, 0));
const verdict = total <= BUDGET_KB ? 'within' : 'OVER';
console.log(`Initial JavaScript: ${total.toFixed(1)} KB gzipped (${verdict} the ${BUDGET_KB} KB budget)`);
if (total > BUDGET_KB) process.exit(1);
