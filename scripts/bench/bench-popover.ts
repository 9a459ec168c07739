import type { Page } from 'playwright-core';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { seedStories, storyOf } from '../../tests/support/e2e-media';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

/**
 * Issue 13, "popover open ≤ 50 ms after the tap": a 20-sentence story in the Reader, a word clicked
 * with a real pointer (CDP input), timed in the page from the pointerdown's timestamp to the frame
 * in which the popover's dialog is open with the word's heading in it. The first open includes the
 * popover's lazy import (started on pointerdown); later opens are the popover alone. The story has
 * no stored tokens, so the words are the device's segmentation, the slower path. The service worker
 * is in control (a returning learner), so the lazy chunk comes from its precache, not the network.
 */
const SENTENCES = 20;
/** Page loads (each one first open, then REPEATS more), medians over all of them: the machine is shared. */
const LOADS = 5;
const REPEATS = 4;

/** Arms the in-page clock: pointerdown's timestamp, then a rAF scan for the open popover. */
function armClock(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { popoverOpenMs?: number };
    delete w.popoverOpenMs;
    addEventListener(
      'pointerdown',
      (down) => {
        const scan = () => {
          const reader = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot;
          const heading = reader?.querySelector('nm-word-popover')?.shadowRoot?.querySelector('dialog[open] h2');
          if (heading?.textContent) w.popoverOpenMs = performance.now() - down.timeStamp;
          else requestAnimationFrame(scan);
        };
        requestAnimationFrame(scan);
      },
      { capture: true, once: true },
    );
  });
}

async function timeOpen(page: Page, segment: number): Promise<number> {
  const word = page.locator(`nm-reader-page .word[data-segment="${segment}"][data-word="1"]`);
  await word.scrollIntoViewIfNeeded();
  await armClock(page);
  const box = await word.boundingBox();
  if (!box) throw new Error(`word 1 of sentence ${segment} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await (await page.waitForFunction(() => (window as unknown as { popoverOpenMs?: number }).popoverOpenMs)).jsonValue();
  await page.keyboard.press('Escape');
  await page.locator('nm-word-popover').waitFor({ state: 'detached' });
  return ms as number;
}

export async function benchPopover(ctx: BenchContext): Promise<BenchResult[]> {
  const context = await newBenchContext(ctx.browser);
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    // A returning learner: the service worker answers from its precache, the popover's chunk too.
    await waitForServiceWorker(page);
    const story = storyOf(SENTENCES, '長い一日');
    await seedStories(page, [story]);
    const firsts: number[] = [];
    const repeats: number[] = [];
    // Each load starts without the popover's module: its first open pays for the import.
    for (let load = 0; load < LOADS; load++) {
      await page.goto(`${ctx.server.url}/story/${story.id}`);
      await page.getByRole('heading', { name: new RegExp(story.titleJP) }).waitFor();
      firsts.push(await timeOpen(page, 0));
      for (let i = 1; i <= REPEATS; i++) repeats.push(await timeOpen(page, i % SENTENCES));
    }
    return [
      { name: 'popover-open-first-20-sentences', value: round(median(firsts)), unit: 'ms', budget: 50, better: 'lower' },
      { name: 'popover-open-repeat-20-sentences', value: round(median(repeats)), unit: 'ms', budget: 50, better: 'lower' },
    ];
  } finally {
    await context.close();
  }
}
