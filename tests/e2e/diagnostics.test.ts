
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readJobs, requestStory } from '../support/e2e-jobs';
import { waitUntil } from '../support/wait-until';

const app = useE2eApp({ viewport: { width: 360, height: 740 }, gemini: true });

const field = (name: string) => app.page.locator(`dd[data-field="${name}"]`).textContent();

describe('Diagnostics', () => {
  it('tells the worker state, sync support, lock holder, queue counts and the last error', async () => {
    await app.page.goto(`${app.server.url}/queue`);
    await waitForServiceWorker(app.page);
    await configureGemini(app.page, app.gemini.url, app.gemini.apiKey);
    app.gemini.setLatency(2500);
    await requestStory(app.page, 'a quiet library');
    await app.gemini.waitForCalls(1, 'stream', 10_000);

    await app.page.getByRole('link', { name: 'Diagnostics' }).click();
    await app.page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    await expect(field('sw')).resolves.toBe('active, controlling this page');
    await expect(field('sync')).resolves.toMatch(/^supported/);
    await expect(field('lock')).resolves.toMatch(/^held by sw:/);
    // The story runs; its word list waits for it.
    await expect(field('counts')).resolves.toMatch(/1 pending, 1 processing/);

    // The first story and its word list finish first, so the refusal below is the second story's.
    await waitUntil(async () => (await readJobs(app.page)).filter((j) => j.status === 'completed').length === 2, { timeoutMs: 20_000, what: 'the first story and its words' });
    app.gemini.script('api-key-invalid');
    await app.page.goto(`${app.server.url}/queue`);
    await requestStory(app.page, 'a second story');
    await app.page.locator('li.job').filter({ hasText: 'Story: a second story' }).getByText('Your Gemini API key was rejected — check it in Settings.').waitFor({ timeout: 15_000 });
    await app.page.goto(`${app.server.url}/diagnostics`);
    await app.page.getByText(/Your Gemini API key was rejected/).first().waitFor();
    // Each story with its word list: the first both done, the second's failing with it.
    await expect(field('counts')).resolves.toMatch(/2 completed, 2 failed/);
    // The runner lets go of the lock right after its last job settles; the page tells it when reopened.
    // (Read once it said so, not again: a reload's own drain request may take the lock for a moment.)
    await waitUntil(
      async () => {
        if ((await field('lock')) === 'free (no job running)') return true;
        await app.page.reload();
        await app.page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
        return false;
      },
      { what: 'Diagnostics to show the lock free' },
    );
  });

  it('has no serious accessibility violations on Queue (with the generator open) and Diagnostics at 360 px', async () => {
    await app.page.goto(`${app.server.url}/diagnostics`);
    await app.page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    expect(await seriousA11yViolations(app.page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(app.page)).toBe(true);
    await app.page.goto(`${app.server.url}/queue`);
    await app.page.getByRole('button', { name: 'New story' }).click();
    await app.page.getByRole('button', { name: 'Create story' }).click();
    await app.page.getByText('Enter a topic').waitFor();
    expect(await seriousA11yViolations(app.page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(app.page)).toBe(true);
  });
});
