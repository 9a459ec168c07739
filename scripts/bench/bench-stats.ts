import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

/**
 * Issue 15's budget: the Stats page with a year of data renders in ≤ 150 ms — 365 days × 2
 * devices of day rows. Then, for context (no budget of its own), the same year with a heavy
 * reviewer's log (20 reviews a day) and 1,000 words learned, which Stats reads and counts too.
 * Measured from the page's element starting (its code loaded) to its first render with the figures
 * (`stats:start` → `stats:rendered`), which includes reading and counting every row.
 */
const DAYS = 365;
const DEVICES = ['bench-phone', 'bench-laptop'];
const REVIEWS_A_DAY = 20;
const WORDS = 1000;
const DAY_MS = 86_400_000;

function yearOfData(now: number): Record<'readingDays' | 'reviewLogs' | 'words', unknown[]> {
  const readingDays: unknown[] = [];
  const reviewLogs: unknown[] = [];
  const words: unknown[] = [];
  for (let d = 0; d < DAYS; d++) {
    const at = now - d * DAY_MS;
    const day = new Date(at).toISOString().slice(0, 10);
    for (const [i, deviceId] of DEVICES.entries()) {
      readingDays.push({ key: `${day}|${deviceId}`, day, deviceId, activeMs: ((d * 7 + i * 13) % 45) * 60_000, chars: 300 + ((d * 31) % 900), storiesFinished: d % 3 === 0 ? 1 : 0, updatedAt: at });
    }
    for (let r = 0; r < REVIEWS_A_DAY; r++) {
      reviewLogs.push({ id: crypto.randomUUID(), cardKey: `語${r}|ご${r}`, kind: 'review', rating: 3, reviewedAt: at + r * 1000 });
    }
  }
  for (let w = 0; w < WORDS; w++) {
    const at = now - (w % DAYS) * DAY_MS;
    words.push({ key: `単語${w}|たんご${w}`, base: `単語${w}`, reading: `たんご${w}`, state: w % 2 ? 'known' : 'learning', firstSeen: { storyId: crypto.randomUUID(), segment: 0, at }, updatedAt: at });
  }
  return { readingDays, reviewLogs, words };
}

async function seed(page: Page, data: Record<string, unknown[]>): Promise<void> {
  for (const [store, rows] of Object.entries(data)) {
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
      { name: DB_NAME, store, rows },
    );
  }
}

const marks = (page: Page) =>
  page.evaluate(() => {
    const get = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
    return { start: get('stats:start'), rendered: get('stats:rendered') };
  });

/** Seven openings of /stats: the median first render and navigation-to-rendered. */
async function measure(page: Page, url: string): Promise<{ render: number; load: number }> {
  const renders: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(`${url}/stats`);
    await page.waitForFunction(() => performance.getEntriesByName('stats:rendered').length > 0);
    const m = await marks(page);
    renders.push(m.rendered - m.start);
    loads.push(m.rendered);
  }
  const cells = await page.evaluate(() => {
    const paths = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-stats-page')?.shadowRoot?.querySelectorAll('.heatmap path:not(.l0)') ?? [];
    return [...paths].reduce((n, path) => n + (path.getAttribute('d') ?? '').split('M').length - 1, 0);
  });
  if (cells < DAYS) throw new Error(`the heatmap shows ${cells} days read, not ${DAYS}`);
  return { render: round(median(renders)), load: round(median(loads)) };
}

export async function benchStats({ browser, server }: BenchContext): Promise<BenchResult[]> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await waitForServiceWorker(page);
    const { readingDays, reviewLogs, words } = yearOfData(Date.now());
    await seed(page, { readingDays });
    const days = await measure(page, server.url);
    await seed(page, { reviewLogs, words });
    const heavy = await measure(page, server.url);
    return [
      { name: 'stats-year-2-devices-first-render', value: days.render, unit: 'ms', budget: 150, better: 'lower' },
      { name: 'stats-year-navigation-to-rendered', value: days.load, unit: 'ms', budget: null, better: 'lower' },
      { name: 'stats-year-with-7300-reviews-1000-words-first-render', value: heavy.render, unit: 'ms', budget: null, better: 'lower' },
    ];
  } finally {
    await context.close();
  }
}
