import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readJobs, requestStory } from '../support/e2e-jobs';
import { makeStory, putStories } from '../support/e2e-rows';
import { STORY_N5 } from '../support/fake-gemini/story-n5';

const VIEWPORT = { width: 360, height: 740 };
const app = useE2eApp({ viewport: VIEWPORT, gemini: true });

/** A word of sentence `index` by its accessible name (the word as written). */
const word = (page: Page, index: number, name: string) =>
  page.locator(`ol.segments > li[data-index="${index}"]`).getByRole('button', { name, exact: true });

const popover = (page: Page, name: string) => page.getByRole('dialog', { name });

// biome-ignore lint/performance/useDomNodeTextContent: what the learner sees, laid out.
const popoverText = async (page: Page, name: string) => (await popover(page, name).innerText()).replace(/\s+/g, ' ').trim();

/** Waits until every job of `type` has completed (and at least one exists). */
async function jobsDone(page: Page, type: string): Promise<void> {
  await expect
    .poll(async () => {
      const jobs = (await readJobs(page)).filter((j) => j.type === type);
      return jobs.length > 0 && jobs.every((j) => j.status === 'completed');
    })
    .toBe(true);
}

/** Calls that asked for a grammar note (answered as plain text, the explain job's shape). */
const explainCalls = () => app.gemini.calls.filter((c) => c.body?.generationConfig?.responseMimeType === 'text/plain').length;

async function closePopover(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await popover(page, name).waitFor({ state: 'detached' });
}

describe('word details and grammar notes through the jobs', () => {
  it('a freshly generated story gets its words from the annotate job: a particle shows what it does', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/queue`);
    await waitForServiceWorker(page);
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await requestStory(page, 'Daily life');
    await jobsDone(page, 'annotate');
    await page.getByRole('link', { name: `Read Story: ${STORY_N5.titleJP}` }).click();
    await word(page, 0, 'は').click();
    const text = await popoverText(page, 'は');
    // "topic marker" is the annotate job's gloss; the on-device split has no meaning for は.
    expect(text).toContain('Meaning topic marker');
    expect(text).toContain('Part of speech particle');
  });

  it('an imported story without words: "Add word details" annotates it, "Explain this sentence" stores a note, both open again offline', async () => {
    const page = app.page;
    const story = makeStory('取り込んだ話', { source: 'imported' });
    await page.goto(`${app.server.url}/`);
    await waitForServiceWorker(page);
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await putStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);

    await word(page, 0, 'は').click();
    expect(await popoverText(page, 'は')).toContain('Meanings for every word come after “Add word details”');
    await popover(page, 'は').getByRole('button', { name: 'Add word details' }).click();
    // The button gave way to "Adding word details…": focus moved to Close, not to the document.
    expect(await popover(page, 'は').getByRole('button', { name: 'Close' }).evaluate((el) => el.matches(':focus'))).toBe(true);
    // The popover follows the job: the meaning arrives live while it stays open.
    await popover(page, 'は').getByText('topic marker').waitFor();
    expect(await popoverText(page, 'は')).not.toContain('Add word details');

    await popover(page, 'は').getByRole('button', { name: 'Explain this sentence' }).click();
    await popover(page, 'は').getByText('is a plain statement in the polite style').waitFor();
    await closePopover(page, 'は');
    await jobsDone(page, 'explain');
    const explainRequests = explainCalls();

    await app.context.setOffline(true);
    await page.reload();
    await word(page, 0, '日曜日').click();
    const offline = await popoverText(page, '日曜日');
    expect(offline).toContain('Grammar note');
    expect(offline).toContain('is a plain statement in the polite style');
    expect(offline).not.toContain('Explain this sentence');
    await closePopover(page, '日曜日');
    await word(page, 0, 'は').click();
    expect(await popoverText(page, 'は')).toContain('Meaning topic marker');
    // Opening it again asked Gemini for nothing: the note is paid for once.
    expect(explainCalls()).toBe(explainRequests);
  });
});
