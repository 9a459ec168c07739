import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { seedStories, storyOf } from '../support/e2e-media';

/**
 * Issue 15's reading habit at phone width, on a fake clock: eleven minutes of reading (a scroll
 * every 30 s) meet the default goal of 10 minutes, Home shows it and a streak of one day; reading
 * again the next day makes it two; Stats lists the day in its table. Noon UTC keeps both days the
 * same calendar days in any time zone the browser may run in.
 */
const app = useE2eApp({ viewport: { width: 360, height: 640 } });
const DAY1 = Date.UTC(2026, 5, 10, 12, 0);
const DAY2 = Date.UTC(2026, 5, 11, 12, 0);
const story = storyOf(30, '長い本');

async function readFor(page: Page, minutes: number): Promise<void> {
  await page.goto(`${app.server.url}/story/${story.id}`);
  await page.getByRole('heading', { name: /長い本/ }).waitFor();
  for (let i = 0; i < minutes * 2; i++) {
    await page.mouse.move(180, 320);
    await page.mouse.wheel(0, 120);
    await page.clock.runFor(30_000);
  }
}

async function openHome(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  await page.locator('[data-testid="habit-today"][aria-busy="false"]').waitFor();
}

const todayText = (page: Page) => page.getByTestId('habit-today').textContent();
const streakText = (page: Page) => page.getByTestId('habit-streak').textContent();

describe('the reading habit at 360 px', () => {
  it('counts minutes read toward the goal, keeps a streak across days, and lists the days in Stats', async () => {
    const page = app.page;
    await page.clock.install({ time: DAY1 });
    await openHome(page);
    expect(await todayText(page)).toContain('Minutes read today: 0 of 10');
    expect(await streakText(page)).toBe('0 days');
    await seedStories(page, [story]);

    await readFor(page, 11);
    await openHome(page);
    expect(await todayText(page)).toMatch(/Minutes read today: 1[01] of 10 · goal met/);
    expect(await streakText(page)).toBe('1 day');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    // The next morning, before reading: yesterday's streak still stands.
    await page.clock.setSystemTime(DAY2);
    await openHome(page);
    expect(await todayText(page)).toContain('Minutes read today: 0 of 10');
    expect(await streakText(page)).toBe('1 day');
    await readFor(page, 11);
    await openHome(page);
    expect(await streakText(page)).toBe('2 days');

    await page.getByRole('link', { name: 'See your reading stats' }).click();
    await page.getByRole('heading', { name: 'Reading stats' }).waitFor();
    await page.getByRole('heading', { name: 'Weekly trend' }).waitFor();
    expect(await page.getByTestId('stats-streak').textContent()).toBe('2 days');
    await page.getByRole('button', { name: 'Show the days as a table' }).click();
    const table = page.getByRole('table', { name: 'Every day you read or reviewed this year' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const newest = rows.first();
    expect(await newest.locator('time').getAttribute('datetime')).toBe('2026-06-11');
    expect(Number(await newest.locator('td').first().textContent())).toBeGreaterThanOrEqual(10);
    expect(Number((await newest.locator('td').nth(1).textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });
});
