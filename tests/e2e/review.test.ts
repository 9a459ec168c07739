import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { storyWordList } from '../../src/domain/words-coverage';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { putRows } from '../support/e2e-rows';

/**
 * Issue 15's Review at phone width: five words of the N5 sample marked Learning become five new
 * cards; the learner reviews them by keyboard (Space, then 1–4), undoes the last grade, reloads,
 * and finds the schedule kept: only the ungraded card is due, in the queue and in the header.
 * Set REVIEW_SHOTS to a folder to keep screenshots of a card's front and back.
 */
const app = useE2eApp({ viewport: { width: 360, height: 740 } });

const annotation = SAMPLE_ANNOTATIONS.find((a) => a.storyId === SAMPLE_N5.id);
const words = annotation ? storyWordList(annotation) : { keys: [], segments: [] };
const FIVE = words.keys.slice(0, 5).map((key, i) => {
  const [base, reading] = key.split('|');
  const at = Date.now() - 60_000 + i;
  return { key, base, reading, state: 'learning', firstSeen: { storyId: SAMPLE_N5.id, segment: words.segments[i] ?? 0, at }, updatedAt: at };
});

const card = (page: Page) => page.locator('nm-review-page article.review-card');
const progress = (page: Page, text: string) => page.locator('nm-review-page .progress').getByText(text, { exact: true });
/** The header's Review link, named with its due count (the prerendered header's copy stays hidden). */
const reviewLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const shots = process.env.REVIEW_SHOTS;

async function openReview(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/review`);
  await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
}

describe('Review', () => {
  it('reviews five cards by keyboard, undoes one, and keeps the schedule over a reload', async () => {
    expect(FIVE).toHaveLength(5);
    const page = app.page;
    await openReview(page);
    await page.getByText('Mark words as Learning in a story to review them', { exact: false }).waitFor();
    await putRows(page, 'words', FIVE);
    await openReview(page);
    await progress(page, '5 cards due').waitFor();
    await reviewLink(page, 'Review 5 cards due').waitFor();
    expect(await card(page).locator('mark').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'review-front-360.png'), fullPage: true });

    const graded: string[] = [];
    for (const [i, key] of ['3', '4', '3', '4', '2'].entries()) {
      await progress(page, `${5 - i} ${5 - i === 1 ? 'card' : 'cards'} due`).waitFor();
      await page.keyboard.press('Space');
      await page.getByRole('group', { name: 'How well did you remember it?' }).waitFor();
      graded.push((await card(page).locator('.answer .word').textContent()) ?? '');
      if (i === 0) {
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await hasNoHorizontalOverflow(page)).toBe(true);
        expect(await card(page).getByRole('link', { name: /Read this sentence in/ }).getAttribute('href')).toMatch(new RegExp(`^/story/${SAMPLE_N5.id}#s\\d+$`));
        if (shots) await page.screenshot({ path: join(shots, 'review-back-360.png'), fullPage: true });
      }
      await page.keyboard.press(key);
    }
    await page.getByText('Nothing due — next card due', { exact: false }).waitFor();
    await page.getByRole('status').filter({ hasText: `Hard: ${graded[4]} comes back in` }).waitFor();

    await page.keyboard.press('u');
    await page.getByRole('status').filter({ hasText: `Undone: ${graded[4]} is back, ungraded.` }).waitFor();
    await progress(page, '1 card due').waitFor();
    expect(await card(page).locator('mark').textContent()).toBeTruthy();
    await reviewLink(page, 'Review 1 card due').waitFor();

    await page.reload();
    await progress(page, '1 card due').waitFor();
    await page.keyboard.press('Space');
    expect(await card(page).locator('.answer .word').textContent()).toBe(graded[4]);
    await reviewLink(page, 'Review 1 card due').waitFor();
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    // The card's history can be set aside: graded Good, then reset, it is a new card again, due now.
    await page.keyboard.press('3');
    await page.getByText('Nothing due — next card due', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Reset this card' }).click();
    await page.getByRole('status').filter({ hasText: `${graded[4]} was reset: it is a new card again` }).waitFor();
    await page.reload();
    await progress(page, '1 card due').waitFor();
  });
});
