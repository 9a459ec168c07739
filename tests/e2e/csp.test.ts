import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/domain/csp';
import type { CspReport } from '../support/app-server';
import { useE2eApp } from '../support/e2e-app';
import { renderSettled, waitForServiceWorker } from '../support/e2e-helpers';
import { waitUntil } from '../support/wait-until';

/**
 * The shipped Content-Security-Policy (src/domain/csp.ts) against the production build: every route
 * renders without a single violation (zod's eval probe included), in the page and in the service
 * worker, and the policy really bites — an injected inline script and a forbidden fetch are refused
 * and reported (zod's eval probe is caught by the first test: it would be a violation too).
 */

const app = useE2eApp();

const SAMPLE_ID = 'c2f1e8a4-3b7d-4e29-8f15-6a0d9b3e5c71';
const ROUTES = ['/', '/library', `/story/${SAMPLE_ID}`, '/queue', '/kana', '/settings', '/diagnostics', '/no/such/page'];

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records every `securitypolicyviolation` of each document from its very first script on. */
async function listenForViolations(): Promise<void> {
  await app.context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
}

/** Runs in the page or the worker: a fetch connect-src forbids; the policy refuses it before any network. */
async function blockedFetch(): Promise<string> {
  try {
    await fetch('http://192.0.2.1/csp-probe');
    return 'sent';
  } catch {
    return 'refused';
  }
}

const violations = () => app.page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);

describe('Content-Security-Policy', () => {
  it('renders every route with no violation, in the page or the worker', async () => {
    await listenForViolations();
    const html = await (await fetch(`${app.server.url}/`)).text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);

    for (const [i, route] of ROUTES.entries()) {
      await app.page.goto(`${app.server.url}${route}`);
      if (i === 0) await waitForServiceWorker(app.page);
      await renderSettled(app.page);
      expect({ route, violations: await violations() }).toEqual({ route, violations: [] });
    }
    await app.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await app.page.goto(`${app.server.url}/story/${SAMPLE_ID}`);
    await app.page.getByText('A Sunday on the Mountain').first().waitFor();
    expect(await violations()).toEqual([]);
    // Reports reach the server asynchronously; the positive control below is the barrier that
    // proves none were merely late. Here: nothing has arrived from the page or the worker.
    expect(app.server.cspReports).toEqual([]);
  });

  it('blocks and reports an injected inline script, and a forbidden fetch in the page and the worker', async () => {
    await listenForViolations();
    await app.page.goto(`${app.server.url}/library`);
    await waitForServiceWorker(app.page);
    await renderSettled(app.page);

    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true;';
      document.head.append(script);
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
    });
    expect(ran).toBe(false);
    await waitUntil(async () => (await violations()).length > 0, { what: 'the inline script to be reported' });
    expect((await violations())[0]).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    // Code evaluated over CDP is exempt from the eval check, so the second probe is a load the
    // policy forbids: plain http to a host that is not loopback (TEST-NET-1, never reachable anyway).
    expect(await app.page.evaluate(blockedFetch)).toBe('refused');
    await waitUntil(async () => (await violations()).some((v) => v.directive === 'connect-src'), { what: 'the fetch to be reported' });

    // The worker: its policy comes only from the /sw.js response header.
    const swResponse = await fetch(`${app.server.url}/sw.js`);
    expect(swResponse.headers.get('content-security-policy')).toContain(CSP_HEADER);
    const worker = app.context.serviceWorkers()[0] ?? (await app.context.waitForEvent('serviceworker'));
    expect(await worker.evaluate(blockedFetch)).toBe('refused');
    // A worker reports in order, so once its fetch is in, anything its start-up broke would be too.
    const inWorker = (r: CspReport) => r['document-uri']?.endsWith('/sw.js') === true;
    await waitUntil(() => app.server.cspReports.some(inWorker), { what: "the worker's fetch to be reported" });
    expect(app.server.cspReports.filter(inWorker).map((r) => r['effective-directive'])).toEqual(['connect-src']);
  });
});
