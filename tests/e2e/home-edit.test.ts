import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../src/domain/job';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { configureGemini, readJobs, readStoryJobs } from '../support/e2e-jobs';
import { failedStoryJob, putRows } from '../support/e2e-rows';

/** Home's "Edit and try again" at 360 px: the same prefilled generator as the Queue's, replacing the refused request. */
const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 740 } });

describe('a refused topic on Home', () => {
  it('"Edit and try again" opens the generator with its words, and the new request replaces it', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/`);
    await page.getByRole('button', { name: 'Write a story' }).waitFor();
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    const refused = failedStoryJob('a forbidden topic', 'Gemini refused this topic.');
    const row = { ...refused, params: { ...(refused.params as object), level: 'N4', length: 'medium', instructions: 'a cat named Tama' },
      error: { code: 'prompt-blocked', message: 'Gemini refused this topic.', retryable: false } };
    await putRows(page, 'jobs', [row]);
    await page.reload();

    const failed = page.locator('nm-home-page').getByRole('region', { name: 'A job failed' });
    await failed.getByRole('button', { name: /^Edit and try again Story: a forbidden topic/ }).click();
    const generator = page.getByRole('dialog', { name: 'New story' });
    await generator.waitFor();
    const topic = generator.getByLabel('Topic', { exact: true });
    await expect.poll(() => topic.inputValue()).toBe('a forbidden topic');
    expect(await generator.getByLabel('Level').inputValue()).toBe('N4');
    expect(await generator.getByRole('radio', { name: /^Medium/ }).isChecked()).toBe(true);
    expect(await generator.getByLabel(/^Instructions/).inputValue()).toBe('a cat named Tama');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await topic.fill('a friendly topic');
    await generator.getByRole('button', { name: 'Create story' }).click();
    // The refused job is gone and the edited request is the only one left (queued or already written).
    // (With its word list, queued after it.)
    await expect.poll(async () => (await readJobs(page)).map((j) => [j.type, (j.params as JobRow<'story'>['params']).topic]).sort()).toEqual([
      ['annotate', undefined],
      ['story', 'a friendly topic'],
    ]);
    expect((await readStoryJobs(page))[0]!.params).toMatchObject({ level: 'N4', length: 'medium', instructions: 'a cat named Tama' });
    await expect.poll(() => page.locator('nm-home-page').getByRole('region', { name: 'A job failed' }).count()).toBe(0);
  });
});
