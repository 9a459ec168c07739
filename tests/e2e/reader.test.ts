import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { type AppServer, startAppServer } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';

let browser: Browser;
let server: AppServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startAppServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

/** Index of the first story sentence visible below the header. */
function firstVisibleSegment(p: Page): Promise<number> {
  return p.evaluate(() => {
    const app = document.querySelector('nm-app')?.shadowRoot;
    const header = Math.max(0, app?.querySelector('header')?.getBoundingClientRect().bottom ?? 0);
    const items = [...(app?.querySelector('nm-reader-page')?.shadowRoot?.querySelectorAll('ol.segments > li') ?? [])];
    return items.findIndex((li) => li.getBoundingClientRect().bottom > header + 2);
  });
}

const storyUrl = () => `${server.url}/story/${SAMPLE_N3.id}`;

async function openStory(): Promise<void> {
  await page.goto(storyUrl());
  await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
}

describe('reader', () => {
  it('scores the quiz and shows the answer text and explanation', async () => {
    await openStory();
    const q = SAMPLE_N3.questions[0]!;
    const wrong = (q.answer + 1) % 4;
    await page.getByRole('button', { name: q.options[wrong]!, exact: true }).click();
    await page.getByText('Not quite.').waitFor();
    await expect(page.locator('nm-reader-quiz .result').first().textContent()).resolves.toContain(`Answer: ${q.options[q.answer]}`);
    await expect(page.locator('nm-reader-quiz .score').textContent()).resolves.toMatch(/Score: 0 \/ 3/);
    const q2 = SAMPLE_N3.questions[1]!;
    await page.getByRole('button', { name: q2.options[q2.answer]!, exact: true }).click();
    await expect(page.locator('nm-reader-quiz .score').textContent()).resolves.toMatch(/Score: 1 \/ 3/);
  });

  it('restores the reading position after a reload', async () => {
    await openStory();
    const target = page.locator('ol.segments > li').nth(7);
    await target.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const before = await firstVisibleSegment(page);
    expect(before).toBeGreaterThan(3);
    await page.waitForTimeout(700);
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await page.waitForFunction(() => window.scrollY > 200);
    await expect(firstVisibleSegment(page)).resolves.toBe(before);
  });

  it('toggles furigana and translation and remembers them', async () => {
    await openStory();
    await expect(page.locator('ol.segments rt').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Furigana' }).click();
    await expect(page.locator('ol.segments rt').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Translation' }).click();
    await expect(page.locator('.seg-en').count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await expect(page.getByRole('button', { name: 'Furigana' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.locator('.seg-en').count()).resolves.toBe(0);
  });

  it('has no serious accessibility violations and fits a 360 px screen on Home, Library and Reader', async () => {
    for (const path of ['/', '/library', `/story/${SAMPLE_N3.id}`]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(150);
      expect({ path, violations: await seriousA11yViolations(page) }).toEqual({ path, violations: [] });
      expect({ path, fits: await hasNoHorizontalOverflow(page) }).toEqual({ path, fits: true });
    }
  });
});

describe('library', () => {
  it('searches in Japanese and English and filters by level', async () => {
    await page.goto(`${server.url}/library`);
    const count = page.getByRole('status').filter({ hasText: 'stories' });
    await expect(count.textContent()).resolves.toMatch(/3 of 3/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('手紙');
    await expect(count.textContent()).resolves.toMatch(/1 of 3/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('umbrella');
    await expect(page.getByRole('link', { name: /雨の日のかさ/ }).count()).resolves.toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('combobox', { name: 'Level' }).selectOption('N5');
    await expect(count.textContent()).resolves.toMatch(/1 of 3/);
    await page.getByRole('combobox', { name: 'Level' }).selectOption('N1');
    await page.getByText('No stories match').waitFor();
  });
});
