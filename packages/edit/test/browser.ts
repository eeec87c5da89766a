import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

/**
 * The parity page (test/parity-page.ts) built with Vite, served on an ephemeral port and opened in headless
 * Chromium, where WebGL2 runs on SwiftShader. Shared by the parity test and the benchmark script.
 */

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Serves a directory on an ephemeral port. */
async function serve(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = pathname === '/' ? 'index.html' : pathname;
    readFile(join(root, file))
      .then((body) => {
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: packageDir,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(packageDir, 'test/parity-page.ts'), formats: ['es'], fileName: () => 'parity.js' },
    },
  });
  await writeFile(
    join(outDir, 'index.html'),
    '<!doctype html><html><body><script type="module" src="./parity.js"></script></body></html>',
  );
}

export interface ParityPage {
  /** A page where window.parity is ready. */
  page: Page;
  close(): Promise<void>;
}

/** Opens the page; `extraArgs` go to Chromium (e.g. '--disable-webgl' to exercise the 2D fallback). */
export async function openParityPage(extraArgs: readonly string[] = []): Promise<ParityPage> {
  const outDir = join(tmpdir(), `glimpse-edit-parity-${process.pid}-${Date.now()}`);
  await buildPage(outDir);
  const { server, url } = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(url);
    await page.waitForFunction(() => 'parity' in window);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
