import type { Browser } from 'playwright-core';
import type { AppServer } from '../../tests/support/app-server';

/** One benchmark figure; `npm run bench` prints one of these per line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** null for figures printed for context, without a budget of their own. */
  budget: number | null;
  better: 'lower' | 'higher';
}

export interface BenchContext {
  browser: Browser;
  server: AppServer;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * tsx (esbuild keepNames) wraps functions in `__name(...)`; functions sent to page.evaluate then
 * reference a helper the page does not have. Define it in every page of a bench context.
 */
export async function newBenchContext(browser: import('playwright-core').Browser): Promise<import('playwright-core').BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}
