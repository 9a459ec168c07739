import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobRow } from '../../src/domain/job';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readJobs } from '../support/e2e-jobs';
import { failedStoryJob, makeStory, progressRow, putRows, putStories, setGeminiEndpoint } from '../support/e2e-rows';
import { STORY_N5 } from '../support/fake-gemini';

const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 740 } });
let page: Page;

beforeEach(async () => {
  page = app.page;
  await page.goto(`${app.server.url}/`);
  await page.getByRole('button', { name: 'Write a story' }).waitFor();
});

const main = () => page.locator('nm-home-page');

describe('first visit', () => {
  it('with no key, "Write a story" explains the key, refuses a wrong one, and opens the generator once a good one is saved', async () => {
    await setGeminiEndpoint(page, app.gemini.url);
    await expect(main().getByText(/you will need a free Gemini API key/).isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    await page.getByRole('button', { name: 'Write a story' }).click();
    const step = page.getByRole('dialog', { name: 'First, your Gemini API key' });
    await step.waitFor();
    await expect(step.getByRole('link', { name: 'Open Google AI Studio' }).getAttribute('href')).resolves.toBe('https://aistudio.google.com/apikey');
    await expect(step.getByText(/only on this device.*sent only to Gemini/s).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await step.getByLabel('Gemini API key').fill(`${app.gemini.apiKey}-wrong`);
    await step.getByRole('button', { name: 'Save and continue' }).click();
    await step.getByRole('alert').filter({ hasText: 'Gemini did not accept this key' }).waitFor();
    await expect(step.getByLabel('Gemini API key').inputValue()).resolves.toBe('');

    await step.getByLabel('Gemini API key').fill(app.gemini.apiKey);
    await step.getByRole('button', { name: 'Save and continue' }).click();
    const generator = page.getByRole('dialog', { name: 'New story' });
    await generator.waitFor();
    await expect(step.isVisible()).resolves.toBe(false);
    await expect.poll(() => generator.getByLabel('Topic', { exact: true }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await generator.getByLabel('Topic', { exact: true }).fill('a picnic by the river');
    await generator.getByRole('button', { name: 'Create story' }).click();
    await expect.poll(async () => (await readJobs(page)).map((j) => (j.params as JobRow<'story'>['params']).topic)).toContain('a picnic by the river');
    // Home now says the key is there; the next "Write a story" goes straight to the generator.
    await main().getByText(/Pick a topic and a level/).waitFor();
  });

  it('with a key saved, "Write a story" opens the generator at once', async () => {
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await page.reload();
    await main().getByText(/Pick a topic and a level/).waitFor();
    await page.getByRole('button', { name: 'Write a story' }).click();
    await page.getByRole('dialog', { name: 'New story' }).waitFor();
    await expect(page.getByRole('dialog', { name: 'First, your Gemini API key' }).count()).resolves.toBe(0);
  });
});

describe('Home with a library', () => {
  it('shows continue reading with its progress, the totals, a failed job with Retry, and the newest stories', async () => {
    const reading = makeStory('読みかけの話', { createdAt: Date.now() - 60_000 });
    const finished = makeStory('読み終えた話', { source: 'generated', createdAt: Date.now() - 30_000 });
    const newest = makeStory('一番新しい話', { source: 'generated' });
    await putStories(page, [reading, finished, newest]);
    await putRows(page, 'progress', [progressRow(reading.id, 44.6), progressRow(finished.id, 100, true)]);
    const failed = failedStoryJob('a trip to the moon', 'Your Gemini API key was rejected — check it in Settings.');
    await putRows(page, 'jobs', [failed]);
    // Written behind Dexie's back: a reload makes the page read them.
    await page.reload();

    const continueSection = main().getByRole('region', { name: 'Continue reading' });
    const bar = continueSection.getByRole('progressbar', { name: `Reading progress of ${reading.titleJP}` });
    await bar.waitFor();
    await expect(bar.evaluate((el) => (el as HTMLProgressElement).value)).resolves.toBe(45);
    await expect(continueSection.getByRole('link', { name: `Continue ${reading.titleJP}` }).count()).resolves.toBe(1);

    const totals = main().getByRole('region', { name: 'Your reading' });
    await expect.poll(() => totals.locator('dd').allTextContents()).toEqual(['1', '2', '6']);

    const failedSection = main().getByRole('region', { name: 'A job failed' });
    await expect(failedSection.getByText('Story: a trip to the moon (N5, short)').count()).resolves.toBe(1);
    await expect(failedSection.getByText('Your Gemini API key was rejected').count()).resolves.toBe(1);
    await expect(failedSection.getByRole('link', { name: 'Open Settings to fix Story: a trip to the moon (N5, short)' }).count()).resolves.toBe(1);
    await expect(failedSection.getByRole('link', { name: 'Open the Queue' }).count()).resolves.toBe(1);

    const recent = main().getByRole('region', { name: 'Recent stories' });
    await expect(recent.locator('li.story .jp').first().textContent()).resolves.toBe(newest.titleJP);
    await expect(recent.getByRole('link', { name: `Read again ${finished.titleJP}` }).count()).resolves.toBe(1);
    await expect(recent.locator(`li[data-story-id="${finished.id}"]`).getByText('✓ Read').count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    // Offline, the retried job waits for the network instead of failing again at once (this page
    // has no key), so the section's going away is what Retry did, not a race with a new failure.
    // Retry loads the Queue code: offline, only the worker can serve it.
    await waitForServiceWorker(page);
    await app.context.setOffline(true);
    await failedSection.getByRole('button', { name: /^Retry Story: a trip to the moon/ }).click();
    await expect.poll(async () => (await readJobs(page)).find((j) => j.id === failed.id)?.status).not.toBe('failed');
    await expect.poll(() => main().getByRole('region', { name: 'A job failed' }).count()).toBe(0);
  });
});

describe('header theme toggle', () => {
  it('switches from "system" to the opposite of what shows, and stays after a reload', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');

    await page.reload();
    await page.getByRole('button', { name: 'Write a story' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.themeSetting)).resolves.toBe('light');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');

    // Settings shows the choice the header made and still offers "system".
    await page.goto(`${app.server.url}/settings`);
    await expect.poll(() => page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /^System/ }).check();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('a story finishing while the learner is elsewhere', () => {
  it('shows a toast with Read, which opens the story', async () => {
    await waitForServiceWorker(page);
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await page.reload();
    await page.getByRole('button', { name: 'Write a story' }).click();
    const generator = page.getByRole('dialog', { name: 'New story' });
    await generator.getByLabel('Topic', { exact: true }).fill('a walk in the park');
    await generator.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Kana' }).click();
    const toast = page.locator('nm-toast').getByRole('status');
    await toast.getByText(`Your story “${STORY_N5.titleJP}” is ready.`).waitFor({ timeout: 20_000 });
    await toast.getByRole('button', { name: 'Read' }).click();
    await page.getByRole('heading', { name: new RegExp(STORY_N5.titleJP) }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/story\//);
  });
});
