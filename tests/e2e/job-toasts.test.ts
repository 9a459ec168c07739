import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { openQueueWithGemini, requestStory } from '../support/e2e-jobs';
import { seedStories, storyOf } from '../support/e2e-media';

/** Toasts for jobs that end while the learner is on another page, at 360 px. */
const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 740 } });

const toast = () => app.page.locator('nm-toast').getByRole('status');

describe('a job ending while the learner is elsewhere', () => {
  it('a failure shows "Job failed" with its reason and "Open the Queue", which shows the failed jobs', async () => {
    const page = app.page;
    await openQueueWithGemini(app);
    // Slow enough to be on another page when Gemini refuses the key.
    app.gemini.setLatency(2000);
    app.gemini.script('api-key-invalid');
    await requestStory(page, 'a rainy day');
    await page.getByRole('link', { name: 'Kana' }).click();
    await toast().getByText(/^Job failed — Story: a rainy day \(N5, short\): Your Gemini API key was rejected/).waitFor({ timeout: 20_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await toast().getByRole('button', { name: 'Open the Queue' }).click();
    await page.waitForURL(`${app.server.url}/queue?show=failed`);
    await page.getByRole('button', { name: 'Retry Story: a rainy day (N5, short)' }).waitFor();
  }, 40_000);

  it('narration that finishes shows "Narration ready" with "Open the story"', async () => {
    const page = app.page;
    await openQueueWithGemini(app);
    const story = storyOf(2, '朝の公園');
    await seedStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);
    app.gemini.setLatency(1500);
    await page.getByRole('button', { name: /^Narrate this story/ }).click();
    await page.getByRole('link', { name: 'Kana' }).click();
    await toast().getByText('Narration ready for “朝の公園”.').waitFor({ timeout: 20_000 });
    await toast().getByRole('button', { name: 'Open the story' }).click();
    await page.waitForURL(`${app.server.url}/story/${story.id}`);
    await page.getByRole('heading', { name: /朝の公園/ }).waitFor();
  }, 40_000);
});
