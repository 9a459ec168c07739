import type { Page } from 'playwright-core';
import type { ReviewCard } from '../../src/domain/review-card';
import type { ReviewLogEntry } from '../../src/domain/review-log';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { putRows } from '../../tests/support/e2e-rows';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

/**
 * Issue 15's Review budgets with 5,000 cards (5,000 learning words, half of them due now, each
 * with a grade in the log): "review first card" ≤ 100 ms, from the in-app navigation to /review to
 * the frame showing the first card (the reconcile, the queue's range read, the card's sentence);
 * "grade → next card" ≤ 30 ms, from the key press to the frame showing the next card (the log
 * entry, the replay and the write in one transaction, then the next card's sentence).
 */
const CARDS = 5000;
const LOADS = 5;
const GRADES = 10;
const DAY = 86_400_000;

function seedRows(now: number) {
  const segments = SAMPLE_N5.content.length;
  const words = [];
  const cards: ReviewCard[] = [];
  const logs: ReviewLogEntry[] = [];
  for (let i = 0; i < CARDS; i++) {
    const key = `語${i}|ご${i}`;
    const at = now - 30 * DAY + i;
    words.push({ key, base: `語${i}`, reading: `ご${i}`, state: 'learning', firstSeen: { storyId: SAMPLE_N5.id, segment: i % segments, at }, updatedAt: at });
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const reviewed = now - 6 * DAY;
    logs.push({ id, cardKey: key, kind: 'review', rating: 3, reviewedAt: reviewed });
    const due = i % 2 === 0 ? now - DAY + i : now + DAY + i;
    cards.push({
      key, due, addedAt: at, reps: 1, firstReviewAt: reviewed, lastReviewAt: reviewed, lastEntryId: id, easyStreak: 0,
      fsrs: { stability: 5, difficulty: 5, scheduled_days: 5, learning_steps: 0, lapses: 0, state: 2, last_review: reviewed },
    });
  }
  return { words, cards, logs };
}

export async function seed(page: Page): Promise<void> {
  const { words, cards, logs } = seedRows(Date.now());
  for (const [store, rows] of [['words', words], ['cards', cards], ['reviewLogs', logs]] as const) {
    for (let i = 0; i < rows.length; i += 1000) await putRows(page, store, rows.slice(i, i + 1000));
  }
}

/** Arms a rAF scan that records, from `start` (or the next keydown), when a card other than `previous` is on screen. */
function armCardClock(page: Page, previous: string | null, fromKeydown: boolean): Promise<void> {
  return page.evaluate(
    ({ previous, fromKeydown }) => {
      const w = window as unknown as { cardMs?: number };
      delete w.cardMs;
      const watch = (start: number) => {
        const scan = () => {
          const review = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-review-page')?.shadowRoot;
          const card = review?.querySelector('article.review-card');
          const key = card?.getAttribute('data-key');
          if (card?.querySelector('mark') && key && key !== previous) w.cardMs = performance.now() - start;
          else requestAnimationFrame(scan);
        };
        requestAnimationFrame(scan);
      };
      if (fromKeydown) addEventListener('keydown', (e) => watch(e.timeStamp), { capture: true, once: true });
      else {
        const start = performance.now();
        history.pushState(null, '', '/review');
        dispatchEvent(new Event('nm-route-changed'));
        watch(start);
      }
    },
    { previous, fromKeydown },
  );
}

const cardMs = async (page: Page) => (await (await page.waitForFunction(() => (window as unknown as { cardMs?: number }).cardMs)).jsonValue()) as number;
const currentKey = (page: Page) => page.locator('nm-review-page article.review-card').getAttribute('data-key');

export async function benchReview(ctx: BenchContext): Promise<BenchResult[]> {
  const context = await newBenchContext(ctx.browser);
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await seed(page);
    const firsts: number[] = [];
    const grades: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      await page.goto(`${ctx.server.url}/`);
      await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
      // Home's own reads (coverage, the header's count) finish first: the figure is the route's alone.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise<void>((ok) => requestIdleCallback(() => requestIdleCallback(() => ok()), { timeout: 5_000 })));
      // The first load also fetches the page's chunk; a learner's later visits have it cached.
      await armCardClock(page, null, false);
      firsts.push(await cardMs(page));
      if (load > 1) continue;
      for (let i = 0; i < GRADES; i++) {
        await page.keyboard.press('Space');
        await page.getByRole('group', { name: 'How well did you remember it?' }).waitFor();
        await armCardClock(page, await currentKey(page), true);
        await page.keyboard.press(String((i % 4) + 1));
        grades.push(await cardMs(page));
      }
    }
    return [
      { name: 'review-first-card-5000-cards', value: round(median(firsts)), unit: 'ms', budget: 100, better: 'lower' },
      { name: 'review-first-card-cold-chunk', value: round(firsts[0] ?? 0), unit: 'ms', budget: null, better: 'lower' },
      { name: 'review-grade-to-next-card', value: round(median(grades)), unit: 'ms', budget: 30, better: 'lower' },
    ];
  } finally {
    await context.close();
  }
}
