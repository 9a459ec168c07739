import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readJobs, readStoryJobs } from '../support/e2e-jobs';
import { putRows } from '../support/e2e-rows';
import { promptText } from '../support/fake-gemini/stories';

/**
 * Issue 14 at phone width: a story written to fit the learner. With two learning words stored,
 * "Use my learning words (2)" sends them to Gemini (the fake writes them into its story), and once
 * the story's word list is in, its Queue row says how many it used and how much is known.
 */
const app = useE2eApp({ viewport: { width: 360, height: 740 }, gemini: true });

const at = Date.now();
const learningWord = (base: string, reading: string, age: number) => ({
  key: `${base}|${reading}`, base, reading, state: 'learning',
  firstSeen: { storyId: crypto.randomUUID(), segment: 0, at: at - age }, updatedAt: at - age,
});

describe('generator: use my learning words', () => {
  it('sends the learning words, and the Queue row says "Used 2 of your 2 learning words · NN % known for you"', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/queue`);
    await waitForServiceWorker(page);
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    // Neither word is in the fake's own story: only a prompt that carries them gets them used.
    await putRows(page, 'words', [learningWord('猫', 'ねこ', 2_000), learningWord('雨', 'あめ', 1_000)]);

    await page.getByRole('button', { name: 'New story' }).click();
    const dialog = page.getByRole('dialog', { name: 'New story' });
    await dialog.getByLabel('Use my learning words (2)').check();
    await dialog.getByLabel('Known words').selectOption({ label: 'About 95 %' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    await dialog.getByLabel('Topic', { exact: true }).fill('A cat on a rainy day');
    await dialog.getByRole('button', { name: 'Create story' }).click();

    // The annotate job that follows the story writes its words; the row counts from them.
    await expect
      .poll(async () => {
        const annotate = (await readJobs(page)).filter((j) => j.type === 'annotate');
        return annotate.length > 0 && annotate.every((j) => j.status === 'completed');
      })
      .toBe(true);
    const [story] = await readStoryJobs(page);
    expect(story?.params).toMatchObject({ learningWords: [{ base: '雨', reading: 'あめ' }, { base: '猫', reading: 'ねこ' }], knownTarget: 0.95 });
    const row = page.locator(`li.job[data-job-id="${story!.id}"]`);
    await row.getByText(/^Used 2 of your 2 learning words · \d+ % known for you$/).waitFor();

    const storyCall = app.gemini.calls.find((c) => promptText(c.body).includes('<learning-words>'));
    expect(promptText(storyCall?.body ?? null)).toContain('Aim for about 95 %');
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });

  it('"Edit and try again" on a refused story opens with its learning-words and known-words choices', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/queue`);
    await waitForServiceWorker(page);
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await putRows(page, 'words', [learningWord('猫', 'ねこ', 1_000)]);
    app.gemini.script('prompt-blocked');
    const dialog = page.getByRole('dialog', { name: 'New story' });
    const use = dialog.getByLabel('Use my learning words (1)');
    const target = dialog.getByLabel('Known words');
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });

    await page.getByRole('button', { name: 'New story' }).click();
    await use.check();
    await target.selectOption({ label: 'About 98 %' });
    await dialog.getByLabel('Topic', { exact: true }).fill('a forbidden cat');
    await dialog.getByRole('button', { name: 'Create story' }).click();
    const edit = page.getByRole('button', { name: /^Edit and try again Story: a forbidden cat/ });
    await edit.waitFor({ timeout: 15_000 });
    // The learner changes their mind for the next story…
    await page.getByRole('button', { name: 'New story' }).click();
    await use.uncheck();
    await target.selectOption({ label: 'Any' });
    await cancel.click();

    // …but the edit is of the refused request, so it opens with that request's choices.
    await edit.click();
    await expect.poll(() => dialog.getByLabel('Topic', { exact: true }).inputValue()).toBe('a forbidden cat');
    expect([await use.isChecked(), await target.inputValue()]).toEqual([true, '0.98']);
    // Cancelling the edit gives "New story" back what it had.
    await cancel.click();
    await page.getByRole('button', { name: 'New story' }).click();
    expect([await use.isChecked(), await target.inputValue()]).toEqual([false, '']);
  }, 40_000);
});
