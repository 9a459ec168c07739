import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { build } from 'vite';
import { DB_NAME } from '../../src/db/names';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { seedLibrary } from '../../tests/support/e2e-seed';
import { makeLibrary } from './library-data';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';
import type { WordsBenchResult } from './words/entry';
import { wordLibrary } from './words-data';

/**
 * Issue 14's budgets: coverage for 2,000 stories against 5,000 known words ≤ 300 ms (stored keys
 * and the known set read from IndexedDB, then the lookup: the Library's own path), what marking a
 * word known costs to write, and the Library's first render (≤ 150 ms) with coverage on its cards.
 */
const STORIES = 2000;
const KNOWN = 5000;

/** Builds the words-only page (the real repos on Chromium's IndexedDB) and runs it. */
async function wordsStore({ browser }: BenchContext): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'nm-bench-words-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: resolve(import.meta.dirname, 'words'),
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir, emptyOutDir: true },
  });
  const files = sirv(outDir, { dev: false });
  const server = createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const r = await page.evaluate(
      ([n, k]) => (window as unknown as { benchWords: (n: number, k: number) => Promise<WordsBenchResult> }).benchWords(n, k),
      [STORIES, KNOWN] as const,
    );
    if (r.storiesWithCoverage !== STORIES) throw new Error(`coverage for ${r.storiesWithCoverage} of ${STORIES} stories`);
    return [
      { name: 'words-coverage-2000-stories-5000-known', value: round(median(r.readAndLookupMs)), unit: 'ms', budget: 300, better: 'lower' },
      { name: 'words-coverage-lookup-only', value: round(median(r.lookupMs)), unit: 'ms', budget: null, better: 'lower' },
      // The ≤ 50 ms "open story updates" figure comes with the popover; this is its write.
      { name: 'words-mark-known-write', value: round(median(r.markWordMs)), unit: 'ms', budget: null, better: 'lower' },
      { name: 'words-mark-story-known-write', value: round(r.markStoryMs), unit: 'ms', budget: null, better: 'lower' },
    ];
  } finally {
    await context.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Writes the stories' word keys and the known words into the app's database, in chunks. */
async function seedWords(page: Page): Promise<void> {
  const data = wordLibrary(STORIES, KNOWN);
  const chunks: Array<{ store: 'storyWords' | 'words'; rows: unknown[] }> = [];
  for (let i = 0; i < data.storyWords.length; i += 250) chunks.push({ store: 'storyWords', rows: data.storyWords.slice(i, i + 250) });
  chunks.push({ store: 'words', rows: data.known });
  for (const chunk of chunks) {
    await page.evaluate(
      ({ name, store, rows }) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open(name);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              db.close();
              ok();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { name: DB_NAME, ...chunk },
    );
  }
}

/** The Library of 2,000 stories with coverage shown: its first render, as bench-foundation measures it. */
async function libraryWithCoverage({ browser, server }: BenchContext): Promise<BenchResult> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await waitForServiceWorker(page);
    const { stories, summaries } = makeLibrary(STORIES);
    await seedLibrary(page, stories, summaries);
    await seedWords(page);
    const renders: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.goto(`${server.url}/library`);
      await page.waitForFunction(() => performance.getEntriesByName('library:rendered').length > 0);
      renders.push(
        await page.evaluate(() => {
          const get = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
          return get('library:rendered') - get('library:start');
        }),
      );
    }
    // The figure counts only if the cards really show coverage.
    await page.getByText(/\d+ new words · \d+ % known/).first().waitFor();
    return { name: 'library-2000-first-render-with-coverage', value: round(median(renders)), unit: 'ms', budget: 150, better: 'lower' };
  } finally {
    await context.close();
  }
}

export async function benchWords(ctx: BenchContext): Promise<BenchResult[]> {
  return [...(await wordsStore(ctx)), await libraryWithCoverage(ctx)];
}
