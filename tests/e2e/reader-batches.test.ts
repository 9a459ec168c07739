import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { useE2eApp } from '../support/e2e-app';

/**
 * The Reader draws its first sentences as word elements and the rest one per frame below them
 * (src/ui/reader/sentence-batches.ts). A learner must not see it: every sentence sits exactly where
 * it will stay from the frame it appears in, the vocabulary and quiz come after the last one, and in
 * the end every sentence's words open. Watched frame by frame in the page, at 4× CPU on a 360 px
 * phone, on a first visit.
 */
const app = useE2eApp();

interface Frame {
  /** Per sentence: top relative to the list, and height. */
  boxes: Array<[number, number]>;
  /** Sentences whose words are elements yet. */
  asWords: number;
  /** Whether the quiz (after the story) is there. */
  quiz: boolean;
}

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('reader sentences drawn in batches', () => {
  it('turns every sentence into words without moving any of them', async () => {
    context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
    // From before any script: each frame, where every sentence is and how many are words, until all are.
    await context.addInitScript(() => {
      const frames: Frame[] = [];
      (window as unknown as { __nmFrames: Frame[] }).__nmFrames = frames;
      const watch = () => {
        const reader = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot;
        const list = reader?.querySelector('ol.segments');
        const items = [...(list?.querySelectorAll(':scope > li') ?? [])];
        if (list && items.length) {
          const top = list.getBoundingClientRect().top;
          const boxes = items.map((li): [number, number] => {
            const r = li.getBoundingClientRect();
            return [Math.round((r.top - top) * 10) / 10, Math.round(r.height * 10) / 10];
          });
          const asWords = items.filter((li) => li.querySelector('.word')).length;
          const quiz = !!reader?.querySelector('nm-reader-quiz');
          frames.push({ boxes, asWords, quiz });
          if (asWords === items.length && quiz) return;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${app.server.url}/story/${SAMPLE_N3.id}`);
    await page.waitForFunction((total) => {
      const frames = (window as unknown as { __nmFrames: Frame[] }).__nmFrames;
      const last = frames[frames.length - 1];
      return !!last && last.boxes.length === total && last.asWords === total && last.quiz;
    }, SAMPLE_N3.content.length);
    const frames = await page.evaluate(() => (window as unknown as { __nmFrames: Frame[] }).__nmFrames);
    const last = frames[frames.length - 1]!;
    expect(last.boxes).toHaveLength(SAMPLE_N3.content.length);
    // The story opened in batches: its first frame had only its first sentences.
    expect(frames[0]!.boxes.length).toBeLessThan(SAMPLE_N3.content.length);
    for (const frame of frames) expect(frame.boxes, `with ${frame.boxes.length} sentences`).toEqual(last.boxes.slice(0, frame.boxes.length));
    // What follows the story never sits where a sentence is about to go.
    expect(frames.filter((f) => f.quiz && f.boxes.length < SAMPLE_N3.content.length)).toEqual([]);
    // And the last sentence's words open like any other.
    const lastSentence = page.locator(`ol.segments > li[data-index="${SAMPLE_N3.content.length - 1}"] .word`).first();
    await lastSentence.click();
    await page.getByRole('dialog').waitFor();
  });
});
