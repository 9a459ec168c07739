import type { Page } from 'playwright-core';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { AUDITED_ROUTES, type AuditedRoute } from './lighthouse-routes';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

/**
 * A returning learner's load: the service worker is in control and answers from its precache, and
 * the CPU runs 4× slower (Chrome's CDP throttling), as on a mid-range phone. FCP and LCP come from
 * the page's own buffered PerformanceObservers once the route's real heading is on screen.
 */
const RUNS = 5;

async function paintTimes(page: Page): Promise<{ fcp: number; lcp: number }> {
  return page.evaluate(
    () =>
      new Promise<{ fcp: number; lcp: number }>((ok) => {
        let fcp = Number.NaN;
        let lcp = Number.NaN;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime;
        }).observe({ type: 'paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        // Two frames after the heading: the paint that showed it has been reported.
        requestAnimationFrame(() => requestAnimationFrame(() => ok({ fcp, lcp })));
      }),
  );
}

async function warmRoute(ctx: BenchContext, route: AuditedRoute): Promise<BenchResult[]> {
  const context = await newBenchContext(ctx.browser);
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}${route.path}`);
  await page.getByRole('heading', { name: route.heading }).first().waitFor();
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const fcps: number[] = [];
  const lcps: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.getByRole('heading', { name: route.heading }).first().waitFor();
    const t = await paintTimes(page);
    fcps.push(t.fcp);
    lcps.push(t.lcp);
  }
  await context.close();
  return [
    { name: `warm-${route.key}-fcp-cpu4x`, value: round(median(fcps)), unit: 'ms', budget: null, better: 'lower' },
    { name: `warm-${route.key}-lcp-cpu4x`, value: round(median(lcps)), unit: 'ms', budget: null, better: 'lower' },
  ];
}

export async function benchWarmLoads(ctx: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const route of AUDITED_ROUTES) results.push(...(await warmRoute(ctx, route)));
  return results;
}
