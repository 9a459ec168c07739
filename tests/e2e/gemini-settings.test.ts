import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { type FakeGemini, MODELS, startFakeGemini } from '../support/fake-gemini';

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
  context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
  await page.goto(`${server.url}/settings`);
  await page.getByRole('heading', { name: 'Gemini connection and models' }).waitFor();
});
afterEach(async () => {
  await context.close();
});

async function connect(key: string): Promise<void> {
  await page.getByLabel(/^Endpoint/).fill(gemini.url);
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  await page.getByText(`Saved: requests go to ${gemini.url}.`).waitFor();
  await page.getByRole('textbox', { name: 'Gemini API key' }).fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByTestId('masked-key').waitFor();
  await page.getByRole('button', { name: 'Test key and load models' }).click();
}

describe('Gemini connection settings', () => {
  it('tests the key against the endpoint and offers the API’s own models by kind', async () => {
    await connect(gemini.apiKey);
    await page.getByText(/Your key works: \d+ models/).waitFor();
    const story = await page.getByLabel('Story model').locator('option').allTextContents();
    const speech = await page.getByLabel('Narration (speech) model').locator('option').allTextContents();
    const picture = await page.getByLabel('Picture model').locator('option').allTextContents();
    expect(story).toContain('gemini-2.5-flash-lite');
    expect(story.some((m) => m.includes('tts') || m.includes('embedding'))).toBe(false);
    expect(speech.every((m) => m.includes('tts'))).toBe(true);
    expect(picture.every((m) => m.includes('image'))).toBe(true);
    expect(MODELS.length).toBeGreaterThan(story.length);
    await page.getByLabel('Story model').selectOption('gemini-2.5-pro');
    await page.reload();
    await expect(page.getByLabel('Story model').inputValue()).resolves.toBe('gemini-2.5-pro');
  });

  it('says plainly when the key is rejected, without showing the key', async () => {
    await connect('AIzaWRONG-key-0000000000000000000000');
    const result = page.getByTestId('connection-result');
    await page.getByText(/Your Gemini API key was rejected/).waitFor();
    await expect(result.textContent()).resolves.not.toContain('AIzaWRONG');
  });

  it('refuses an endpoint that is not a URL and keeps the old one', async () => {
    await page.getByLabel(/^Endpoint/).fill('not a url');
    await page.getByRole('button', { name: 'Save endpoint' }).click();
    await page.getByText(/Enter a full address starting with https/).waitFor();
    await page.reload();
    await expect(page.getByLabel(/^Endpoint/).inputValue()).resolves.toBe('https://generativelanguage.googleapis.com');
  });
});
