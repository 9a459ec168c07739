import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

export interface AppServer {
  url: string;
  /** Serve a byte-different /sw.js from now on, as a new deployment would (update-prompt tests). */
  bumpServiceWorker(): void;
  close(): Promise<void>;
}

/**
 * Serves the production build like a static host: files from dist/, index.html for app URLs,
 * and the worker script uncached so the browser sees a new version when there is one.
 */
export async function startAppServer(): Promise<AppServer> {
  const files = sirv(DIST_DIR, { single: true, dev: false, etag: true });
  let swSuffix = '';
  const server: Server = createServer((req, res) => {
    if (req.url?.split('?')[0] === '/sw.js') {
      const body = readFileSync(resolve(DIST_DIR, 'sw.js'), 'utf8') + swSuffix;
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
      res.end(body);
      return;
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    bumpServiceWorker: () => {
      swSuffix += `\n// deployment ${Date.now()}\n`;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
