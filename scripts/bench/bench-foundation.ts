import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DIST_DIR } from '../../tests/support/app-server';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { makeLibrary } from './library-data';
import { seedLibrary } from '../../tests/support/e2e-seed';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** The built files of every script (but the worker) a fresh profile loads until `heading` shows (or the network is quiet). */
async function scriptsLoadedBy({ browser, server }: BenchContext, route: string, heading: string, options: { untilQuiet?: boolean } = {}): Promise<string[]> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js') && path !== '/sw.js') scripts.add(path);
  });
  await page.goto(`${server.url}${route}`);
  await page.getByRole('heading', { name: heading }).waitFor();
  if (options.untilQuiet) await page.waitForLoadState('networkidle');
  await context.close();
  return [...scripts].map((path) => resolve(DIST_DIR, `.${path}`));
}

/**
 * The built files of the scripts a fresh profile had fully received when `heading` first showed,
 * read from the page's own Resource Timing against a frame-by-frame look for the heading. Counting
 * responses until Playwright saw the heading would also count what the page fetches right after
 * its paint (Home opens Dexie then), by how fast the round trip happened to be.
 */
async function scriptsBeforeHeading({ browser, server }: BenchContext, route: string, heading: string): Promise<string[]> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.addInitScript((text) => {
    const shows = (root: Document | ShadowRoot): boolean =>
      [...root.querySelectorAll('*')].some((el) => (/^H[1-6]$/.test(el.tagName) && el.textContent?.trim() === text) || (el.shadowRoot !== null && shows(el.shadowRoot)));
    const look = () => {
      if (shows(document)) (window as { headingAt?: number }).headingAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, heading);
  await page.goto(`${server.url}${route}`);
  await page.waitForFunction(() => (window as { headingAt?: number }).headingAt !== undefined);
  const paths = await page.evaluate(() => {
    const at = (window as { headingAt?: number }).headingAt ?? 0;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.responseEnd <= at)
      .map((e) => new URL(e.name).pathname)
      .filter((path) => path.endsWith('.js') && path !== '/sw.js');
  });
  await context.close();
  return [...new Set(paths)].map((path) => resolve(DIST_DIR, `.${path}`));
}

/**
 * Initial JavaScript of the first route: every script received before Home is on screen. Also
 * printed without a budget: everything Home loads until the network is quiet (Dexie and the queue
 * included, fetched after that paint).
 */
async function firstRouteJs(ctx: BenchContext): Promise<BenchResult[]> {
  const sum = (files: string[]) => round(files.reduce((total, file) => total + gzipKb(file), 0));
  const before = sum(await scriptsBeforeHeading(ctx, '/', 'Recent stories'));
  const all = sum(await scriptsLoadedBy(ctx, '/', 'Recent stories', { untilQuiet: true }));
  return [
    { name: 'first-route-js-gzip', value: before, unit: 'KB', budget: 60, better: 'lower' },
    { name: 'home-js-gzip-until-network-quiet', value: all, unit: 'KB', budget: null, better: 'lower' },
  ];
}

/**
 * The Settings route opened directly with sync not configured: all the JavaScript it downloads, and
 * how many of those scripts hold Supabase code (GoTrue's client class is the marker). Settings
 * reaches sync through a lazy app/ module, so the answer must be none.
 */
async function settingsRouteJs(ctx: BenchContext): Promise<BenchResult[]> {
  const files = await scriptsLoadedBy(ctx, '/settings', 'Sync with Supabase');
  const kb = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const supabase = files.filter((file) => readFileSync(file, 'utf8').includes('GoTrueClient')).length;
  return [
    { name: 'settings-route-js-gzip-sync-off', value: round(kb), unit: 'KB', budget: null, better: 'lower' },
    { name: 'settings-route-supabase-scripts-sync-off', value: supabase, unit: 'scripts', budget: 0, better: 'lower' },
  ];
}

function serviceWorkerSize(): BenchResult {
  return { name: 'service-worker-gzip', value: round(gzipKb(resolve(DIST_DIR, 'sw.js'))), unit: 'KB', budget: 130, better: 'lower' };
}

const marks = (page: Page) =>
  page.evaluate(() => {
    const get = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
    return { start: get('library:start'), rendered: get('library:rendered') };
  });

async function waitRendered(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('library:rendered').length > 0);
}

/** Library with 2,000 stories: first render, a search keystroke, and an offline reload. */
async function library({ browser, server }: BenchContext): Promise<BenchResult[]> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  await waitForServiceWorker(page);
  const { stories, summaries } = makeLibrary(2000);
  await seedLibrary(page, stories, summaries);

  const renders: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(`${server.url}/library`);
    await waitRendered(page);
    const m = await marks(page);
    renders.push(m.rendered - m.start);
    loads.push(m.rendered);
  }

  await page.waitForFunction(() => performance.getEntriesByName('library:all-loaded').length > 0);
  const keystrokes: number[] = await page.evaluate(async () => {
    const lib = document.querySelector('nm-app')!.shadowRoot!.querySelector('nm-library-page') as HTMLElement & { updateComplete: Promise<boolean> };
    const input = lib.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
    const times: number[] = [];
    const queries = ['雨', '雨の', 'u', 'um', 'umb', 'umbr', 's', 'so', 'その1', 'その12', '', 'letter'];
    for (const q of queries) {
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await lib.updateComplete;
      void lib.shadowRoot!.firstElementChild?.getBoundingClientRect();
      times.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 20));
    }
    return times;
  });

  await context.setOffline(true);
  const offline: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await waitRendered(page);
    offline.push((await marks(page)).rendered);
  }
  await context.close();
  return [
    { name: 'library-2000-first-render', value: round(median(renders)), unit: 'ms', budget: 150, better: 'lower' },
    { name: 'library-2000-navigation-to-rendered', value: round(median(loads)), unit: 'ms', budget: null, better: 'lower' },
    { name: 'library-2000-search-keystroke', value: round(median(keystrokes)), unit: 'ms', budget: 30, better: 'lower' },
    { name: 'offline-reload-to-library-visible', value: round(median(offline)), unit: 'ms', budget: 500, better: 'lower' },
  ];
}

export async function benchFoundation(ctx: BenchContext): Promise<BenchResult[]> {
  return [...(await firstRouteJs(ctx)), ...(await settingsRouteJs(ctx)), serviceWorkerSize(), ...(await library(ctx))];
}
