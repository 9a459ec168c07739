import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/story';
import { type AppServer, startAppServer } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readAll, readJobs, requestStory, stopAllServiceWorkers } from '../support/e2e-jobs';
import { type FakeGemini, STORY_N5, startFakeGemini } from '../support/fake-gemini';

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
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${server.url}/queue`);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  await waitForServiceWorker(page);
  await configureGemini(page, gemini.url, gemini.apiKey);
});
afterEach(async () => {
  await context.close();
});

const generatedStories = async (p: Page) => (await readAll<Story>(p, 'stories')).filter((s) => s.source === 'generated');

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const answered = () => gemini.calls.filter((c) => c.kind === 'stream' && c.status !== 0).length;

describe('durable background jobs in Chromium', () => {
  it('finishes a story after the only tab is closed; the server served one generation', async () => {
    gemini.setLatency(2500);
    await requestStory(page, 'a walk in the park');
    await page.close();
    await gemini.waitForCalls(1, 'stream', 10_000);
    await waitUntil(async () => answered() === 1, 15_000, 'the generation to be answered');
    await new Promise((ok) => setTimeout(ok, 500));

    const reopened = await context.newPage();
    await reopened.goto(`${server.url}/library`);
    await reopened.getByRole('link', { name: new RegExp(STORY_N5.titleJP) }).waitFor({ timeout: 10_000 });
    expect(await generatedStories(reopened)).toHaveLength(1);
    expect(gemini.count('stream')).toBe(1);
  });

  it('offline: waits for the network without spending an attempt, then completes', async () => {
    await context.setOffline(true);
    await requestStory(page, 'rain at night');
    await page.getByText(/Waiting for network/).waitFor({ timeout: 10_000 });
    expect(gemini.count()).toBe(0);
    await context.setOffline(false);
    await page.getByRole('link', { name: /^Read/ }).waitFor({ timeout: 20_000 });
    const [job] = await readJobs(page);
    expect(job).toMatchObject({ status: 'completed', attempts: 1 });
    expect(gemini.count('stream')).toBe(1);
  });

  it('resumes a job whose worker was killed mid-call; one story', async () => {
    gemini.setLatency(4000);
    await requestStory(page, 'a lost cat');
    await gemini.waitForCalls(1, 'stream', 10_000);
    await stopAllServiceWorkers(context, page);
    await page.reload();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    // The killed worker's lease (30 s) must run out before anyone may take the job over.
    await page.getByRole('link', { name: /^Read/ }).waitFor({ timeout: 60_000 });
    expect(await generatedStories(page)).toHaveLength(1);
    const [job] = await readJobs(page);
    expect(job?.status).toBe('completed');
  }, 90_000);

  it('two tabs, five jobs: each generated once, five stories', async () => {
    gemini.setLatency(300);
    const second = await context.newPage();
    await second.goto(`${server.url}/queue`);
    await second.getByRole('heading', { name: 'Queue' }).waitFor();
    for (let i = 0; i < 5; i++) await requestStory(i % 2 ? second : page, `topic number ${i}`);
    await waitUntil(async () => (await readJobs(page)).every((j) => j.status === 'completed'), 40_000, 'five completed jobs');
    expect(await generatedStories(page)).toHaveLength(5);
    expect(gemini.count('stream')).toBe(5);
  }, 60_000);

  it('cancel during a slow call: cancelled, and no story even when the server answers later', async () => {
    gemini.setLatency(3000);
    await requestStory(page, 'a slow story');
    await gemini.waitForCalls(1, 'stream', 10_000);
    await page.getByRole('button', { name: /^Cancel Story/ }).click();
    await page.getByText('Cancelled', { exact: true }).waitFor();
    await new Promise((ok) => setTimeout(ok, 3500));
    expect(await generatedStories(page)).toHaveLength(0);
    const [job] = await readJobs(page);
    expect(job?.status).toBe('cancelled');
  });

  it('a rejected API key fails the job with a message that points to Settings', async () => {
    gemini.script('api-key-invalid');
    await requestStory(page, 'mountains');
    await page.getByText('Your Gemini API key was rejected — check it in Settings.').waitFor({ timeout: 15_000 });
    expect(gemini.count('stream')).toBe(1);
    expect(await generatedStories(page)).toHaveLength(0);
  });

  it('a rate limit shows the wait, honours the server delay, then completes', async () => {
    gemini.script({ kind: 'rate-limit', retryDelay: '3s' });
    await requestStory(page, 'the sea');
    await page.getByText(/Retrying in \d+ s/).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: /^Read/ }).waitFor({ timeout: 30_000 });
    expect(gemini.count('stream')).toBe(2);
    const calls = gemini.calls.filter((c) => c.kind === 'stream');
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(3000);
  }, 60_000);
});
