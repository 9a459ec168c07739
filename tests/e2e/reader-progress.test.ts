import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/db/names';
import type { ReadingProgress } from '../../src/domain/progress';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, storyDrawn } from '../support/e2e-helpers';
import { readAll } from '../support/e2e-jobs';
import { seedStories, storyOf } from '../support/e2e-media';
import { putRows } from '../support/e2e-rows';
import { waitUntil } from '../support/wait-until';

/** The Reader's progress bar, "Finish story", opening without moving the saved place, pictures on/off. */
const app = useE2eApp({ viewport: { width: 360, height: 640 } });
const T = Date.UTC(2024, 4, 20, 10, 0, 0);
let page: Page;
let story: Story;

beforeEach(async () => {
  page = app.page;
  // A fake clock that runs normally, so the test can fire the Reader's save timer at will.
  await page.clock.install();
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  story = storyOf(30, '長い本');
  await seedStories(page, [story]);
});

async function progressRow(): Promise<ReadingProgress | undefined> {
  return (await readAll<ReadingProgress>(page, 'progress')).find((p) => p.storyId === story.id);
}

async function openStory(): Promise<void> {
  await page.goto(`${app.server.url}/story/${story.id}`);
  await page.getByRole('heading', { name: /長い本/ }).waitFor();
  await storyDrawn(page);
}

const barText = () => page.getByTestId('read-progress').textContent();

/** Fires every timer due in the next seconds (the Reader saves 400 ms after the last scroll). */
async function letTimersRun(): Promise<void> {
  await page.clock.runFor(3_000);
}

describe('reading progress in the Reader at 360 px', () => {
  it('opens an imported story at 45 % where it was, and opening it (and reloading) changes nothing', async () => {
    // What an older-app import writes: no furthest point yet, the place estimated from the percent.
    const imported = { storyId: story.id, percent: 45, segmentIndex: 13, segmentOffset: 0.5, completed: false, quizAnswers: {}, lastReadAt: T, updatedAt: T };
    await putRows(page, 'progress', [imported]);
    for (const visit of ['open', 'reload']) {
      if (visit === 'open') await openStory();
      else await page.reload();
      await page.waitForFunction(() => window.scrollY > 300);
      await letTimersRun();
      await expect.poll(barText).toContain('45 % read');
      expect({ visit, row: await progressRow() }).toEqual({ visit, row: imported });
    }
  });

  it('opens a finished story at the top without re-saving it, and shows it finished', async () => {
    const finished = { storyId: story.id, percent: 53, segmentIndex: 15, segmentOffset: 0, completed: true, quizAnswers: {}, lastReadAt: T, updatedAt: T };
    await putRows(page, 'progress', [finished]);
    await openStory();
    await letTimersRun();
    await expect.poll(barText).toContain('Finished');
    await page.getByText('You finished this story.').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await progressRow()).toEqual(finished);
  });

  it('the bar follows the furthest point read; "Finish story" marks the story completed, after a reload too', async () => {
    await openStory();
    await expect.poll(barText).toContain('0 % read');
    await page.locator('ol.segments > li').nth(20).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await letTimersRun();
    await waitUntil(async () => ((await progressRow())?.segmentIndex ?? 0) >= 19, { what: 'the place to be saved' });
    const far = (await progressRow())!;
    expect(far.furthestPercent).toBeGreaterThan(40);
    await page.evaluate(() => window.scrollTo({ top: 200, behavior: 'instant' }));
    await letTimersRun();
    await waitUntil(async () => ((await progressRow())?.segmentIndex ?? 99) < 5, { what: 'the place to follow the learner back up' });
    expect((await progressRow())?.furthestPercent).toBe(far.furthestPercent);
    await expect.poll(barText).toContain(`${Math.round(far.furthestPercent!)} % read`);
    if (process.env.NM_SHOTS) await page.screenshot({ path: `${process.env.NM_SHOTS}/reader-progress.png` });

    await page.getByRole('button', { name: 'Finish story' }).click();
    await page.getByText('You finished this story.').waitFor();
    await expect.poll(barText).toContain('Finished');
    await expect.poll(async () => (await progressRow())?.completed).toBe(true);
    await page.reload();
    await page.getByText('You finished this story.').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect({ violations: await seriousA11yViolations(page), fits: await hasNoHorizontalOverflow(page) }).toEqual({ violations: [], fits: true });
  });

  it('the narrate and illustrate offer does not push the text down when it appears', async () => {
    // Where the first sentence is drawn, every frame from the first one that has it.
    await page.addInitScript(() => {
      const tops: number[] = [];
      (window as unknown as { sentenceTops: number[] }).sentenceTops = tops;
      const frame = () => {
        const reader = document.querySelector('nm-app')?.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot;
        const first = reader?.querySelector('ol.segments > li');
        if (first) tops.push(Math.round(first.getBoundingClientRect().top + window.scrollY));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await openStory();
    await page.getByRole('button', { name: /^Narrate this story/ }).waitFor();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const tops = await page.evaluate(() => (window as unknown as { sentenceTops: number[] }).sentenceTops);
    expect(tops.length).toBeGreaterThan(0);
    // A few pixels may come from the Japanese font arriving; the offer's ~250 px may not.
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(30);
  });

  it('turns pictures off and on from the Reader and remembers it', async () => {
    await page.evaluate(
      ({ name, storyId }) =>
        new Promise<void>((ok, fail) => {
          // A 1×1 PNG as the cover (index −1).
          const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
          const blob = new Blob([png], { type: 'image/png' });
          const open = indexedDB.open(name);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('media', 'readwrite');
            tx.objectStore('media').put({ storyId, kind: 'image', index: -1, blob, mime: 'image/png', bytes: blob.size, createdAt: Date.now() });
            tx.oncomplete = () => {
              open.result.close();
              ok();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { name: DB_NAME, storyId: story.id },
    );
    await openStory();
    const cover = page.getByRole('img', { name: /^Cover picture/ });
    await cover.waitFor();
    const pictures = page.getByRole('button', { name: 'Pictures' });
    await expect(pictures.getAttribute('aria-pressed')).resolves.toBe('true');
    await pictures.click();
    await expect.poll(() => cover.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: /長い本/ }).waitFor();
    await expect.poll(() => pictures.getAttribute('aria-pressed')).toBe('false');
    expect(await cover.count()).toBe(0);
    await pictures.click();
    await cover.waitFor();
  });
});
