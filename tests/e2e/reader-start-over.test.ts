import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReadingProgress } from '../../src/domain/progress';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { readAll } from '../support/e2e-jobs';
import { seedStories, storyOf } from '../support/e2e-media';
import { putRows } from '../support/e2e-rows';
import { waitUntil } from '../support/wait-until';

/** "Start from the top" next to the Reader's progress bar, at 360 px. */
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

const row = (extra: Partial<ReadingProgress>) => ({
  storyId: story.id, percent: 45, furthestPercent: 45, segmentIndex: 13, segmentOffset: 0.5, completed: false, quizAnswers: {}, lastReadAt: T, updatedAt: T, ...extra,
});
const progressRow = async () => (await readAll<ReadingProgress>(page, 'progress')).find((p) => p.storyId === story.id);
const startOver = () => page.getByRole('button', { name: 'Start from the top' });

async function openStory(): Promise<void> {
  await page.goto(`${app.server.url}/story/${story.id}`);
  await page.getByRole('heading', { name: /長い本/ }).waitFor();
}

describe('"Start from the top" in the Reader', () => {
  it('is offered when the story opens at a saved place; it scrolls to the top and the place to resume follows', async () => {
    await putRows(page, 'progress', [row({})]);
    await openStory();
    await startOver().waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect({ violations: await seriousA11yViolations(page), fits: await hasNoHorizontalOverflow(page) }).toEqual({ violations: [], fits: true });

    if (process.env.NM_SHOTS) await page.screenshot({ path: `${process.env.NM_SHOTS}/reader-start-over.png` });
    await startOver().press('Enter');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => startOver().count()).toBe(0);
    // Focus stays at the top of the story (on the bar), not lost with the button.
    expect(await page.getByRole('progressbar', { name: 'Reading progress' }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.clock.runFor(3_000);
    await waitUntil(async () => (await progressRow())?.segmentIndex === 0, { what: 'the place to resume to follow the scroll to the top' });
    // The furthest point read is kept: the bar still says how far the story was read.
    expect((await progressRow())?.furthestPercent).toBe(45);
    await expect.poll(() => page.getByTestId('read-progress').textContent()).toContain('45 % read');
  });

  it('is not offered for a story opened at its top, nor for a finished one', async () => {
    await openStory();
    await page.getByTestId('read-progress').getByText('0 % read').waitFor();
    await page.clock.runFor(3_000);
    expect(await startOver().count()).toBe(0);

    await putRows(page, 'progress', [row({ completed: true })]);
    await openStory();
    await page.getByText('You finished this story.').waitFor();
    await page.clock.runFor(3_000);
    expect(await startOver().count()).toBe(0);
  });
});
