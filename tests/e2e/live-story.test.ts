import { beforeEach, describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { kanaToRomaji } from '../../src/domain/romaji';
import { hasNoHorizontalOverflow, hoverFirstKana, seriousA11yViolations, storyDrawn } from '../support/e2e-helpers';
import { openQueueWithGemini, readAll, readStoryJobs, requestStory } from '../support/e2e-jobs';
import { STORY_N5 } from '../support/fake-gemini';

/**
 * Issue 12, watching a story being written, at phone width: the fake Gemini sends one sentence every
 * 700 ms (slow enough to look at each step before the story is done), the worker runs the job.
 */
const app = useE2eApp({ gemini: true, geminiOptions: { streamSegmentEveryMs: 700 }, viewport: { width: 360, height: 780 } });

beforeEach(() => openQueueWithGemini(app));

const first = STORY_N5.content[0]!;
const firstKanji = first.readings[0]!;

describe('a story being written', () => {
  it('shows its title and first sentences with furigana in the Queue row and in the Reader, then the real story', async () => {
    const page = app.page;
    await requestStory(page, 'the park');
    const draft = page.locator('li.job nm-story-draft');
    // The first sentence, with its furigana, while the job is still running and no story exists.
    await draft.locator('li', { hasText: first.jp.slice(0, 3) }).first().waitFor({ timeout: 15_000 });
    expect(await draft.locator('ruby', { hasText: firstKanji.text }).first().locator('rt').textContent()).toBe(firstKanji.reading);
    expect(await draft.locator('.draft-title').textContent()).toBe(STORY_N5.titleJP);
    // The older app's hint works on the draft too: the romaji of the kana under the mouse.
    const hint = await hoverFirstKana(page, draft.locator('ol').first());
    await expect.poll(() => hint.hinted.getAttribute('title')).toBe(kanaToRomaji(hint.run));
    const [job] = await readStoryJobs(page);
    expect(job?.status).toBe('processing');
    expect((await readAll<{ id: string }>(page, 'stories')).map((s) => s.id)).not.toContain(job?.id);
    // Not read out sentence by sentence: nothing in a row is a live region.
    expect(await page.locator('li.job [role="status"], li.job [aria-live]').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    await page.getByRole('link', { name: /^Read along as Story: the park/ }).click();
    const reader = page.locator('nm-reader-page nm-story-draft article');
    await reader.getByRole('heading', { name: new RegExp(STORY_N5.titleJP) }).waitFor();
    await reader.locator('li', { hasText: first.jp.slice(0, 3) }).first().waitFor();
    expect(await reader.locator('ruby rt', { hasText: firstKanji.reading }).count()).toBeGreaterThan(0);
    // One polite status for the count, not the text itself.
    expect(await reader.locator('[role="status"]').textContent()).toMatch(/^Writing: \d+ sentences? so far$/);
    expect(await reader.locator('ol [aria-live], ol[aria-live]').count()).toBe(0);
    expect((await readStoryJobs(page))[0]?.status).toBe('processing');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    // Done: the same page becomes the story, with every sentence, and the draft is gone.
    await page.getByRole('group', { name: 'Reading options' }).waitFor({ timeout: 20_000 });
    await storyDrawn(page);
    expect(await page.locator('nm-reader-page ol.segments > li').count()).toBe(STORY_N5.content.length);
    expect(await page.locator('nm-story-draft').count()).toBe(0);
    await expect.poll(() => readAll(page, 'drafts')).toEqual([]);
  }, 60_000);
});
