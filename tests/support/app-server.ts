import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

export interface AppServer {
  url: string;
  /**
   * Serve a byte-different /sw.js from now on, as a new deployment would (update-prompt tests).
   * With `newerVersion`, the worker also reports a later build stamp, as a real new build would;
   * returns the version the worker now carries.
   */
  bumpServiceWorker(options?: { newerVersion?: boolean }): string;
  close(): Promise<void>;
}

/**
 * Serves the production build like a static host: files from dist/, index.html for app URLs,
 * and the worker script uncached so the browser sees a new version when there is one.
 */
export async function startAppServer(): Promise<AppServer> {
  const files = sirv(DIST_DIR, { single: true, dev: false, etag: true });
  let swSuffix = '';
  let versionSwap: { from: string; to: string } | undefined;
  const builtVersion = () => /"(\d+\.\d+\.\d+\+\d{14})"/.exec(readFileSync(resolve(DIST_DIR, 'sw.js'), 'utf8'))?.[1] ?? '';
  const server: Server = createServer((req, res) => {
    if (req.url?.split('?')[0] === '/sw.js') {
      let body = readFileSync(resolve(DIST_DIR, 'sw.js'), 'utf8') + swSuffix;
      if (versionSwap) body = body.replaceAll(`"${versionSwap.from}"`, `"${versionSwap.to}"`);
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
    bumpServiceWorker: (options = {}) => {
      swSuffix += `\n// deployment ${Date.now()}\n`;
      const from = builtVersion();
      if (options.newerVersion && from) {
        const [core] = from.split('+');
        versionSwap = { from, to: `${core}+${Number(from.split('+')[1]) + 1}` };
      }
      return versionSwap?.to ?? from;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
