import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../tests/support/browser';
import { benchWarmLoads } from './bench-warm-load';
import { AUDITED_ROUTES, type AuditedRoute, SHARED_BUDGETS } from './lighthouse-routes';
import { startPreviewServer } from './preview-server';
import { type BenchContext, type BenchResult, median, round } from './types';

/**
 * Lighthouse 12 (pinned dev dependency) against the production build, with its default mobile
 * config: simulated throttling (slow 4G, 4× CPU). Each route is audited three times in a fresh
 * Chromium profile and the median of each figure is printed with the budget issue 12 gives it.
 */
const RUNS = 3;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

interface RunFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
}

async function auditOnce(url: string, port: number): Promise<RunFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbt: numeric('total-blocking-time'),
  };
}

function figures(route: AuditedRoute, runs: RunFigures[]): BenchResult[] {
  const m = (pick: (r: RunFigures) => number) => median(runs.map(pick));
  const name = (what: string) => `lighthouse-${route.key}-${what}`;
  return [
    { name: name('performance'), value: m((r) => r.performance), unit: 'score', budget: SHARED_BUDGETS.performance, better: 'higher' },
    { name: name('fcp'), value: round(m((r) => r.fcp)), unit: 'ms', budget: SHARED_BUDGETS.fcpMs, better: 'lower' },
    { name: name('lcp'), value: round(m((r) => r.lcp)), unit: 'ms', budget: route.lcpMs, better: 'lower' },
    { name: name('cls'), value: round(m((r) => r.cls), 3), unit: 'score', budget: SHARED_BUDGETS.cls, better: 'lower' },
    { name: name('tbt'), value: round(m((r) => r.tbt)), unit: 'ms', budget: route.tbtMs, better: 'lower' },
    { name: name('accessibility'), value: m((r) => r.accessibility), unit: 'score', budget: SHARED_BUDGETS.accessibility, better: 'higher' },
    { name: name('best-practices'), value: m((r) => r.bestPractices), unit: 'score', budget: SHARED_BUDGETS.bestPractices, better: 'higher' },
    { name: name('seo'), value: m((r) => r.seo), unit: 'score', budget: SHARED_BUDGETS.seo, better: 'higher' },
  ];
}

/** Cold loads through Lighthouse, then warm loads (worker in control) under 4× CPU. */
export async function benchLighthouse(ctx: BenchContext): Promise<BenchResult[]> {
  const preview = await startPreviewServer();
  const results: BenchResult[] = [];
  try {
    for (const route of AUDITED_ROUTES) results.push(...figures(route, await auditRoute(preview.url, route)));
  } finally {
    await preview.close();
  }
  return [...results, ...(await benchWarmLoads(ctx))];
}

async function auditRoute(origin: string, route: AuditedRoute): Promise<RunFigures[]> {
  const runs: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A new browser per run: nothing cached, no worker, no IndexedDB left from the previous one.
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    try {
      runs.push(await auditOnce(`${origin}${route.path}`, chrome.port));
    } finally {
      chrome.kill();
    }
  }
  return runs;
}
