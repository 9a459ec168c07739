import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_N4 } from '../../src/domain/samples/sample-n4';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { type AppServer, startAppServer } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { waitForServiceWorker } from '../support/e2e-helpers';

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
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

async function firstVisit(): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  await waitForServiceWorker(page);
}

describe('installable offline reader', () => {
  it('shows the sample stories, then reloads offline with the library and furigana', async () => {
    await firstVisit();
    await expect(page.getByRole('link', { name: /日曜日の山/ }).count()).resolves.toBe(1);

    await context.setOffline(true);
    await page.goto(`${server.url}/library`);
    await expect(page.getByRole('status').filter({ hasText: 'stories' }).textContent()).resolves.toMatch(/3 of 3 stories/);
    await page.getByRole('link', { name: /日曜日の山/ }).click();
    await page.getByRole('heading', { name: /日曜日の山/ }).waitFor();
    const first = SAMPLE_N5.content[0]!;
    const rubies = page.locator('ol.segments > li').first().locator('ruby');
    const pairs = await rubies.evaluateAll((els) =>
      els.map((el) => {
        const base = el.cloneNode(true) as Element;
        for (const extra of base.querySelectorAll('rt, rp')) extra.remove();
        return { text: base.textContent ?? '', reading: el.querySelector('rt')?.textContent ?? '' };
      }),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(first.readings).toContainEqual(pair);
    await expect(page.locator('ol.segments ruby ruby').count()).resolves.toBe(0);
    await expect(page.locator('ol.segments ruby').count()).resolves.toBeGreaterThan(5);
  });

  it('opens a deep link to a story while offline', async () => {
    await firstVisit();
    await context.setOffline(true);
    const other = await context.newPage();
    await other.goto(`${server.url}/story/${SAMPLE_N4.id}`);
    await other.getByRole('heading', { name: new RegExp(SAMPLE_N4.titleJP) }).waitFor();
    await expect(other.locator('ol.segments > li').count()).resolves.toBe(SAMPLE_N4.content.length);
  });

  it('offers "Reload to update" when a new version waits, and swaps only when asked', async () => {
    await firstVisit();
    server.bumpServiceWorker();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const reload = page.getByRole('button', { name: 'Reload to update' });
    await reload.waitFor();
    const before = await page.evaluate(() => performance.timeOrigin);
    await reload.click();
    await page.waitForFunction((t) => performance.timeOrigin !== t, before);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).resolves.toBeNull();
  });
});
