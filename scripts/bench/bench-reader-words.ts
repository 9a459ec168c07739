import type { Page } from 'playwright-core';
import type { Annotation } from '../../src/domain/annotations';
import { seedStories, storyOf } from '../../tests/support/e2e-media';
import { putRows } from '../../tests/support/e2e-rows';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

/**
 * Issue 14, "marking a word known updates the open story ≤ 50 ms": a 20-sentence story with stored
 * words in the Reader, furigana on "Words not known", and 文 in every sentence. Timed in the page
 * from the pointerdown on "I know this" (a real pointer, CDP input) to the frame in which none of
 * the 20 occurrences of 文 has furigana any more: the write, the live query and the render.
 */
const SENTENCES = 20;
const KEY = '文|ぶん';
const LOADS = 3;
const REPEATS = 4;

/** Stored words for storyOf's sentences (これは{n}番目の文です。), so 文 is one key everywhere. */
function annotationOf(storyId: string): Annotation {
  return {
    storyId,
    segments: Array.from({ length: SENTENCES }, (_, i) => [
      { surface: 'これ', pos: 'pronoun' },
      { surface: 'は', pos: 'particle' },
      { surface: String(i + 1), pos: 'numeral' },
      { surface: '番目', reading: 'ばんめ', pos: 'suffix' },
      { surface: 'の', pos: 'particle' },
      { surface: '文', reading: 'ぶん', pos: 'noun', gloss: 'sentence' },
      { surface: 'です', pos: 'copula' },
      { surface: '。' },
    ]),
    updatedAt: Date.now(),
  };
}

/** Arms the in-page clock: the pointerdown's timestamp, then a rAF scan until every occurrence shows `furigana`. */
function armClock(page: Page, furigana: boolean): Promise<void> {
  return page.evaluate(
    ({ key, furigana, count }) => {
      const w = window as unknown as { updatedMs?: number };
      delete w.updatedMs;
      addEventListener(
        'pointerdown',
        (down) => {
          const scan = () => {
            const reader = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot;
            const words = [...(reader?.querySelectorAll(`.word[data-key="${key}"]`) ?? [])];
            if (words.length === count && words.every((el) => (el.querySelector('rt') !== null) === furigana)) w.updatedMs = performance.now() - down.timeStamp;
            else requestAnimationFrame(scan);
          };
          requestAnimationFrame(scan);
        },
        { capture: true, once: true },
      );
    },
    { key: KEY, furigana, count: SENTENCES },
  );
}

/** Opens 文 in `segment`, presses `button` with a real pointer, and returns the time until every occurrence shows it. */
async function timeChange(page: Page, segment: number, button: 'I know this' | 'Back to new'): Promise<number> {
  await page.locator(`nm-reader-page .word[data-segment="${segment}"][data-key="${KEY}"]`).click();
  const target = page.getByRole('dialog', { name: '文' }).getByRole('button', { name: button });
  await target.waitFor();
  await armClock(page, button === 'Back to new');
  const box = await target.boundingBox();
  if (!box) throw new Error(`"${button}" is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await (await page.waitForFunction(() => (window as unknown as { updatedMs?: number }).updatedMs)).jsonValue();
  await page.keyboard.press('Escape');
  await page.locator('nm-word-popover').waitFor({ state: 'detached' });
  return ms as number;
}

export async function benchReaderWords(ctx: BenchContext): Promise<BenchResult[]> {
  const context = await newBenchContext(ctx.browser);
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    const story = storyOf(SENTENCES, '長い一日');
    await seedStories(page, [story]);
    await putRows(page, 'annotations', [annotationOf(story.id)]);
    const known: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      await page.goto(`${ctx.server.url}/story/${story.id}`);
      await page.getByRole('heading', { name: new RegExp(story.titleJP) }).waitFor();
      await page.locator('nm-reader-page').getByLabel('Furigana').selectOption('unknown');
      for (let i = 0; i < REPEATS; i++) {
        known.push(await timeChange(page, (i * 5) % SENTENCES, 'I know this'));
        await timeChange(page, (i * 5 + 2) % SENTENCES, 'Back to new');
      }
    }
    return [{ name: 'reader-word-known-20-sentences', value: round(median(known)), unit: 'ms', budget: 50, better: 'lower' }];
  } finally {
    await context.close();
  }
}
