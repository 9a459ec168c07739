import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { CSP_HEADER, SECURITY_HEADERS } from '../../src/domain/csp';

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

export interface AppServer {
  url: string;
  /**
   * Serve a byte-different /sw.js from now on, as a new deployment would (update-prompt tests).
   * With `newerVersion`, the worker also reports a later build stamp, as a real new build would;
   * returns the version the worker now carries.
   */
  bumpServiceWorker(options?: { newerVersion?: boolean }): string;
  /**
   * CSP violation reports the browser sent here, the worker's included (a live array, in arrival
   * order): the only way to see a violation inside the service worker from outside it.
   */
  readonly cspReports: CspReport[];
  close(): Promise<void>;
}

/** The fields of a `report-uri` body (`{"csp-report": {…}}`) the tests look at. */
export interface CspReport {
  'document-uri'?: string;
  'effective-directive'?: string;
  'blocked-uri'?: string;
  'source-file'?: string;
}

const REPORT_PATH = '/__csp-report';

/**
 * The app's policy plus `report-uri`, which only this test server adds: the app ships no report
 * endpoint, but a test needs to hear about violations in the worker, where no page listener reaches.
 */
const TEST_HEADERS: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Security-Policy': `${CSP_HEADER}; report-uri ${REPORT_PATH}` };

function collectReport(req: IncomingMessage, res: ServerResponse, into: CspReport[]): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { 'csp-report'?: CspReport };
      if (body['csp-report']) into.push(body['csp-report']);
    } catch {
      // Not a report: nothing to keep; the browser ignores our answer either way.
    }
    res.statusCode = 204;
    res.end();
  });
}

/**
 * Serves the production build like a static host: files from dist/, app.html for app URLs,
 * and the worker script uncached so the browser sees a new version when there is one. Every response
 * carries the app's security headers (the CSP header is the only one that governs /sw.js).
 */
export async function startAppServer(): Promise<AppServer> {
  // As a host is told to (README, Hosting): `/` is index.html, every other app URL app.html.
  const files = sirv(DIST_DIR, { single: 'app.html', dev: false, etag: true });
  let swSuffix = '';
  let versionSwap: { from: string; to: string } | undefined;
  const cspReports: CspReport[] = [];
  const builtVersion = () => /"(\d+\.\d+\.\d+\+\d{14})"/.exec(readFileSync(resolve(DIST_DIR, 'sw.js'), 'utf8'))?.[1] ?? '';
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === REPORT_PATH) return collectReport(req, res, cspReports);
    for (const [name, value] of Object.entries(TEST_HEADERS)) res.setHeader(name, value);
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
    cspReports,
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
