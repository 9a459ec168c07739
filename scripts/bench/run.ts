import { startAppServer } from '../../tests/support/app-server';
import { launchBrowser } from '../../tests/support/browser';
import buildDist from '../../tests/support/e2e-global-setup';
import { benchAnnotate } from './bench-annotate';
import { benchFoundation } from './bench-foundation';
import { benchImport } from './bench-import';
import { benchJobs } from './bench-jobs';
import { benchLighthouse } from './bench-lighthouse';
import { benchLiveStory } from './bench-live-story';
import { benchMedia } from './bench-media';
import { benchPopover } from './bench-popover';
import { benchReaderWords } from './bench-reader-words';
import { benchReview } from './bench-review';
import { benchStats } from './bench-stats';
import { benchSync } from './bench-sync';
import { benchWords } from './bench-words';
import type { BenchContext, BenchResult } from './types';

/**
 * `npm run bench`: builds the production bundle, measures it in headless Chromium and prints one
 * JSON object per line. Budgets come from the issues; a figure over budget is printed, not hidden,
 * and makes the exit code 1.
 */
const SUITES: Record<string, (ctx: BenchContext) => Promise<BenchResult[]>> = {
  annotate: benchAnnotate,
  foundation: benchFoundation,
  import: benchImport,
  jobs: benchJobs,
  'live-story': benchLiveStory,
  lighthouse: benchLighthouse,
  media: benchMedia,
  popover: benchPopover,
  'reader-words': benchReaderWords,
  review: benchReview,
  stats: benchStats,
  sync: benchSync,
  words: benchWords,
};

/** `npm run bench -- foundation jobs` runs only those suites; no names runs them all. */
function chosenSuites(): Array<(ctx: BenchContext) => Promise<BenchResult[]>> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) throw new Error(`Unknown bench suite(s) ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}.`);
  return names.length === 0 ? Object.values(SUITES) : names.map((n) => SUITES[n] as (ctx: BenchContext) => Promise<BenchResult[]>);
}

async function main(): Promise<void> {
  const suites = chosenSuites();
  buildDist();
  const browser = await launchBrowser();
  const server = await startAppServer();
  let over = 0;
  try {
    for (const suite of suites) {
      for (const result of await suite({ browser, server })) {
        console.log(JSON.stringify(result));
        if (result.budget !== null && (result.better === 'lower' ? result.value > result.budget : result.value < result.budget)) over++;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (over > 0) process.exitCode = 1;
}

await main();
