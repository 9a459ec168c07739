import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../../support/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the component fixture page is served (a Vite dev server, one for the project). */
    componentFixtureUrl: string;
  }
}

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURE_ROOT = resolve(import.meta.dirname, '../fixture');

/** The fixture page, wearing the app's own theme: the `<style>` of the app's index.html, copied in. */
function fixtureHtml(): string {
  const appHtml = readFileSync(resolve(REPO, 'index.html'), 'utf8');
  const style = /<style>[\s\S]*?<\/style>/.exec(appHtml)?.[0];
  if (!style) throw new Error('index.html has no <style> block for the component fixture to copy');
  return readFileSync(resolve(FIXTURE_ROOT, 'index.html'), 'utf8').replace('<!-- app-theme -->', style);
}

/**
 * One Vite dev server for every component test file: it serves tests/component/fixture, whose
 * module imports the real components from src/ (transformed on demand, so nothing is built).
 * Quiet (no logs, no file watcher, no HMR socket); fails loudly when Chromium is missing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Component tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (see .ci/run).`);
  }
  const pkg = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')) as { version: string };
  const html = fixtureHtml();
  // Middleware mode: Vite transforms the modules, this server answers for the page itself, so no
  // HMR client is injected (there is no socket for it to reach).
  const vite = await createServer({
    configFile: false,
    root: FIXTURE_ROOT,
    appType: 'custom',
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: resolve(REPO, 'node_modules/.vite-component'),
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // Dexie ships a CommonJS build behind an ESM wrapper, so it is pre-bundled; everything else is
    // plain ESM. No discovery: a dependency found mid-run would make Vite reload the page.
    optimizeDeps: { noDiscovery: true, include: ['dexie', 'zod', 'lit', 'lit/directives/live.js'] },
    server: { middlewareMode: true, hmr: false, ws: false, watch: null, fs: { allow: [REPO] } },
  });
  const http = createHttpServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      return;
    }
    vite.middlewares(req, res, () => void res.writeHead(404).end());
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  project.provide('componentFixtureUrl', `http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  return async () => {
    await new Promise<void>((ok) => http.close(() => ok()));
    await vite.close();
  };
}
