import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildJobRow } from '../../src/jobs/enqueue';
import { runLockName } from '../../src/jobs/lock';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { openQueueWithGemini, readJobs, readStoryJobs, requestStory, stopAllServiceWorkers } from '../support/e2e-jobs';
import { announcements, everyStateRows, putJobs, recordAnnouncements, statusOf } from '../support/e2e-queue';
import { STORY_N5 } from '../support/fake-gemini';

/** The Queue at phone width against the fake Gemini: what each row says, and what it offers. */
const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 780 } });

beforeEach(() => openQueueWithGemini(app));

const seconds = (text: string | null) => Number(/Retrying in (\d+) s/.exec(text ?? '')?.[1]);

describe('the Queue', () => {
  it('a rate limit reads as one phrase with one countdown that ticks without being announced', async () => {
    const page = app.page;
    app.gemini.script({ kind: 'rate-limit', retryDelay: '9s' });
    await requestStory(page, 'the sea');
    const status = statusOf(page, 'the sea');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Gemini's rate limit was reached\. Retrying in \d+ s\.$/);
    await recordAnnouncements(page);
    const first = seconds(await status.textContent());
    await expect.poll(async () => seconds(await status.textContent()), { timeout: 5_000 }).toBeLessThan(first);
    // The row ticked; the live region did not say so, and no row is a live region of its own.
    expect(await announcements(page)).toEqual([]);
    expect(await page.locator('li.job [role="status"], li.job [aria-live]').count()).toBe(0);
    await page.getByRole('link', { name: `Read Story: ${STORY_N5.titleJP}` }).waitFor({ timeout: 20_000 });
    await expect.poll(() => statusOf(page, STORY_N5.titleJP).textContent()).toMatch(/^Done in \d+ s$/);
    expect((await announcements(page)).join(' ')).toContain(`Story: ${STORY_N5.titleJP}: done.`);
    expect(await page.getByText('Topic: the sea · N5 · short').count()).toBe(1);
  }, 40_000);

  it('a job out of tries says it stopped, with Retry', async () => {
    const page = app.page;
    app.gemini.script('overloaded', 'overloaded');
    const row = buildJobRow('story', { topic: 'a busy day', level: 'N5', length: 'short' }, { maxAttempts: 2 });
    await putJobs(page, [row]);
    await page.reload();
    await expect.poll(() => statusOf(page, 'a busy day').textContent(), { timeout: 20_000 }).toBe(
      'Stopped after 2 tries: Gemini is overloaded. Retry when you like.',
    );
    await page.getByRole('button', { name: 'Retry Story: a busy day (N5, short)' }).waitFor();
    expect(app.gemini.count('stream')).toBe(2);
  }, 40_000);

  it('a refused topic offers "Edit and try again": the generator opens with its words, and the new request replaces it', async () => {
    const page = app.page;
    app.gemini.script('prompt-blocked');
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Topic', { exact: true }).fill('a forbidden topic');
    await page.getByLabel('Level').selectOption('N4');
    await page.getByLabel('Also narrate it (audio)').check();
    await page.getByRole('button', { name: 'Create story' }).click();
    const edit = page.getByRole('button', { name: /^Edit and try again Story: a forbidden topic/ });
    await edit.waitFor({ timeout: 15_000 });
    expect(await statusOf(page, 'a forbidden topic').textContent()).toMatch(/^Gemini refused this topic/);
    expect(await page.getByRole('button', { name: /^Retry Story: a forbidden topic/ }).count()).toBe(0);
    await edit.click();
    const topic = page.getByLabel('Topic', { exact: true });
    await expect.poll(() => topic.inputValue()).toBe('a forbidden topic');
    expect(await page.getByLabel('Level').inputValue()).toBe('N4');
    const narrate = page.getByLabel('Also narrate it (audio)');
    expect(await narrate.isChecked()).toBe(true);
    await topic.fill('a friendly topic');
    await narrate.uncheck();
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 15_000 });
    // The refused story and the narration that failed with it are gone; only the new request (and
    // its word list) is left.
    await expect.poll(async () => (await readJobs(page)).map((j) => [j.type, j.status, (j.params as { topic?: string }).topic]).sort()).toEqual([
      ['annotate', 'completed', undefined],
      ['story', 'completed', 'a friendly topic'],
    ]);
  }, 40_000);

  it('an answer that never reads says so in plain words, with the technical reason behind "Details"', async () => {
    const page = app.page;
    app.gemini.script('malformed-json', 'malformed-json', 'malformed-json');
    await requestStory(page, 'a broken answer');
    const status = statusOf(page, 'a broken answer');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/Gemini's answer was not a complete story/);
    expect(await status.textContent()).not.toMatch(/JSON/);
    const details = page.locator('li.job details.why');
    expect(await details.locator('pre').isVisible()).toBe(false);
    await details.getByText('Details').click();
    expect(await details.locator('pre').textContent()).toMatch(/not valid JSON/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 40_000);

  it('a story much shorter than asked is asked for again, then kept with a note the learner sees', async () => {
    const page = app.page;
    app.gemini.script('short-story', 'short-story', 'short-story');
    await requestStory(page, 'a tiny tale');
    await page.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 20_000 });
    expect(app.gemini.count('stream')).toBe(3);
    expect(await page.getByTestId('job-note').textContent()).toMatch(/^Shorter than asked: Gemini wrote 2 sentences instead of 5–7/);
  }, 40_000);

  it('cancelling an edit leaves the next "New story" as it was', async () => {
    const page = app.page;
    app.gemini.script('safety');
    await requestStory(page, 'a scary topic');
    await page.getByRole('button', { name: /^Edit and try again Story: a scary topic/ }).click({ timeout: 15_000 });
    await expect.poll(() => page.getByLabel('Topic', { exact: true }).inputValue()).toBe('a scary topic');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('button', { name: 'New story' }).click();
    expect(await page.getByLabel('Topic', { exact: true }).inputValue()).toBe('');
  }, 30_000);

  it('a job whose worker was killed says it was interrupted, then resumes by itself', async () => {
    const page = app.page;
    app.gemini.setLatency(6000);
    await requestStory(page, 'a lost cat');
    await app.gemini.waitForCalls(1, 'stream', 10_000);
    await expect.poll(() => statusOf(page, 'a lost cat').textContent()).toBe('Asking Gemini…');
    await recordAnnouncements(page);
    await stopAllServiceWorkers(app.context, page);
    const stoppedAt = Date.now();
    await expect.poll(() => announcements(page), { timeout: 10_000 }).toContainEqual(
      'Story: a lost cat (N5, short): interrupted, it will resume by itself.',
    );
    // No reload: the Queue itself wakes a runner, which takes over at once, not at lease expiry (30 s).
    await app.gemini.waitForCalls(2, 'stream', 15_000);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    await page.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('totals and filters by status, kept in the URL; a fix in Settings links there; axe clean', async () => {
    const page = app.page;
    await requestStory(page, 'a good day');
    await page.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 15_000 });
    // Its word list too, so the refusal below is the next story's.
    await expect.poll(async () => (await readJobs(page)).map((j) => j.status)).toEqual(['completed', 'completed']);
    app.gemini.script('permission-denied');
    await requestStory(page, 'a locked door');
    const settings = page.getByRole('link', { name: 'Open Settings to fix Story: a locked door (N5, short)' });
    await settings.waitFor({ timeout: 15_000 });
    const filters = page.getByRole('group', { name: 'Show jobs' });
    // Each story with its word list (the failed story's failing with it).
    expect(await filters.getByRole('button').allTextContents()).toEqual(['All 4', 'Failed 2', 'Done 2'].map((t) => expect.stringMatching(new RegExp(`^\\s*${t.replace(' ', '\\s+')}\\s*$`))));
    await filters.getByRole('button', { name: /^Failed/ }).click();
    await expect.poll(() => page.locator('li.job').count()).toBe(2);
    expect(new URL(page.url()).search).toBe('?show=failed');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: /^Failed/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('li.job').count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    await settings.click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }, 40_000);

  it('every state at once reads as finished at 360 px: axe clean, no sideways scroll', async () => {
    const page = app.page;
    await requestStory(page, 'a morning in the park');
    await page.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 15_000 });
    const [story] = await readStoryJobs(page);
    await putJobs(page, everyStateRows(story!.id, Date.now()));
    // Rows written behind Dexie's back are seen on the next load.
    await page.reload();
    // A live runner for the seeded running job: a held run lock, as a real runner holds one.
    await page.evaluate((name) => void navigator.locks.request(name, () => new Promise(() => {})), runLockName('page:alive'));
    // The seeded rows, the story and its word list.
    await expect.poll(() => page.locator('li.job').count()).toBe(12);
    await expect.poll(() => statusOf(page, /^Illustration of/).textContent()).toBe('Interrupted — it will resume by itself.');
    await expect.poll(() => page.locator('li.job .left').first().textContent()).toMatch(/^\(about (\d+ s|1 min) left\)$/);
    expect(await page.getByRole('link', { name: STORY_N5.titleJP }).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    // For a person to look at: SHOTS_DIR=/tmp/shots keeps the picture.
    const dir = process.env.SHOTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'queue-states-360.png'), fullPage: true });
    }
  }, 40_000);
});
