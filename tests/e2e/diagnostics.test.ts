import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, requestStory } from '../support/e2e-jobs';
import { type FakeGemini, startFakeGemini } from '../support/fake-gemini';

let browser: Browser;
let server: AppServer;
let gemini: FakeGemini;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startAppServer();
  gemini = await startFakeGemini();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await gemini?.close();
});
beforeEach(async () => {
  gemini.reset();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

const field = (name: string) => page.locator(`dd[data-field="${name}"]`).textContent();

describe('Diagnostics', () => {
  it('tells the worker state, sync support, lock holder, queue counts and the last error', async () => {
    await page.goto(`${server.url}/queue`);
    await waitForServiceWorker(page);
    await configureGemini(page, gemini.url, gemini.apiKey);
    gemini.setLatency(2500);
    await requestStory(page, 'a quiet library');
    await gemini.waitForCalls(1, 'stream', 10_000);

    await page.getByRole('link', { name: 'Diagnostics' }).click();
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    await expect(field('sw')).resolves.toBe('active, controlling this page');
    await expect(field('sync')).resolves.toMatch(/^supported/);
    await expect(field('lock')).resolves.toMatch(/^held by sw:/);
    await expect(field('counts')).resolves.toMatch(/0 pending, 1 processing/);

    gemini.script('api-key-invalid');
    await page.goto(`${server.url}/queue`);
    await requestStory(page, 'a second story');
    await page.getByText('Your Gemini API key was rejected — check it in Settings.').waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/diagnostics`);
    await page.getByText(/Your Gemini API key was rejected/).waitFor();
    await expect(field('counts')).resolves.toMatch(/1 completed, 1 failed/);
    // The runner lets go of the lock right after its last job settles.
    for (let i = 0; i < 20 && (await field('lock')) !== 'free (no job running)'; i++) {
      await page.waitForTimeout(250);
      await page.reload();
      await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    }
    await expect(field('lock')).resolves.toBe('free (no job running)');
  });

  it('has no serious accessibility violations on Queue (with the generator open) and Diagnostics at 360 px', async () => {
    await page.goto(`${server.url}/diagnostics`);
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    await page.goto(`${server.url}/queue`);
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByText('Enter a topic').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });
});
