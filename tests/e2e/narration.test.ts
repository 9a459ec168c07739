import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { mostRequests } from '../../src/domain/media-plan';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../../src/jobs/constants';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readAll, readJobs, stopAllServiceWorkers } from '../support/e2e-jobs';
import { anyAudioPlaying, readMedia, seedStories, storyOf, TRACK_AUDIO } from '../support/e2e-media';
import { STORY_N5 } from '../support/fake-gemini';
import { waitUntil } from '../support/wait-until';

/** Narration and illustration jobs, the player and the cover, on the production build in Chromium. */
const app = useE2eApp({ gemini: true });
let page: Page;

beforeEach(async () => {
  page = app.page;
  await app.context.addInitScript({ content: TRACK_AUDIO });
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  await waitForServiceWorker(page);
  await configureGemini(page, app.gemini.url, app.gemini.apiKey);
});

const ttsCalls = () => app.gemini.calls.filter((c) => c.kind === 'generate' && JSON.stringify(c.body?.generationConfig ?? {}).includes('AUDIO')).length;
const jobOf = async (type: 'audio' | 'image') => (await readJobs(page)).find((j) => j.type === type);
const current = () => page.locator('ol.segments > li[aria-current="true"]');
/** The Reader's "up to N with retries" for `n` requests (the engine's limits, any parallel setting). */
const most = (n: number) => mostRequests(n, { maxAttempts: DEFAULT_MAX_ATTEMPTS, maxLeaseLosses: MAX_LEASE_LOSSES });

/** Opens a seeded story in the Reader, asks for narration, and waits until every sentence is stored. */
async function narrate(n: number) {
  const story = storyOf(n);
  await seedStories(page, [story]);
  await page.goto(`${app.server.url}/story/${story.id}`);
  await page.getByRole('button', { name: `Narrate this story (${n} requests; up to ${most(n)} with retries)` }).click();
  await waitUntil(async () => (await jobOf('audio'))?.status === 'completed', { timeoutMs: 30_000, what: 'the narration' });
  return story;
}

describe('narration and illustration in Chromium', () => {
  it('a 20-sentence narration killed mid-way resumes; the server saw at most 24 TTS calls (20, and the 4 in flight)', async () => {
    const story = storyOf(20);
    await seedStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);
    await page.getByRole('heading', { name: new RegExp(story.titleJP) }).waitFor();
    // Opening a story never narrates it: the Reader offers narration, and no job or call was made.
    const narrateButton = page.getByRole('button', { name: `Narrate this story (20 requests; up to ${most(20)} with retries)` });
    await narrateButton.waitFor();
    expect(await readJobs(page)).toEqual([]);
    expect(app.gemini.count()).toBe(0);

    app.gemini.setLatency(600);
    await narrateButton.click();
    await page.getByText(/^\d+ \/ 20 sentences$/).waitFor({ timeout: 15_000 });
    // Four at a time, and a fifth sentence stored before the ninth call starts.
    await waitUntil(() => ttsCalls() >= 9, { timeoutMs: 20_000, what: 'nine TTS calls' });
    await stopAllServiceWorkers(app.context, page);
    const storedAtKill = (await readMedia(page, story.id)).length;
    expect(storedAtKill).toBeGreaterThanOrEqual(5);
    expect(storedAtKill).toBeLessThan(20);

    await page.reload();
    // The killed worker's lease (30 s) runs out, then the job resumes from the stored sentences.
    await waitUntil(async () => (await jobOf('audio'))?.status === 'completed', { timeoutMs: 80_000, what: 'the resumed narration' });
    const media = await readMedia(page, story.id);
    expect(media.map((m) => m.index)).toEqual([...Array(20).keys()]);
    expect(media.every((m) => m.kind === 'audio' && m.mime === 'audio/wav')).toBe(true);
    expect(ttsCalls()).toBeLessThanOrEqual(24);
    expect(await jobOf('audio')).toMatchObject({ leaseLosses: 1, progress: { done: 20, total: 20, label: '20 / 20 sentences' } });
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  }, 120_000);

  it('plays offline sentence by sentence, highlighting each; shortcuts work; leaving the Reader stops it', async () => {
    // Sentences long enough (1.5 s) that each highlight lasts longer than a browser round trip.
    app.gemini.setTtsSeconds(1.5);
    const story = await narrate(4);
    await app.context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await current().and(page.locator('[data-index="0"]')).waitFor({ timeout: 5_000 });
    await current().and(page.locator('[data-index="1"]')).waitFor({ timeout: 5_000 });
    await expect.poll(() => anyAudioPlaying(page)).toBe(true);
    expect(await page.locator('.player').getAttribute('data-state')).toMatch(/playing|loading/);

    // K pauses (focus on the page body); Space on the Pause button is the button's own.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('k');
    await page.locator('.player[data-state="paused"]').waitFor();
    expect(await anyAudioPlaying(page)).toBe(false);
    await page.keyboard.press('k');
    await page.locator('.player[data-state="playing"]').waitFor();

    // Clicking a sentence plays from it (beside its words: a word opens its popover).
    await page.locator('ol.segments > li[data-index="3"] .seg-en').click();
    await current().and(page.locator('[data-index="3"]')).waitFor();

    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    expect(await anyAudioPlaying(page)).toBe(false);
    expect(app.gemini.count('generate')).toBe(story.content.length);
  });

  it('narrated four sentences at a time, arriving out of order, it plays in reading order', async () => {
    app.gemini.setTtsSeconds(0.8);
    // Every answer takes a while (so the requests really overlap), the first the longest: it is
    // stored after the three asked with it.
    app.gemini.setLatency(300);
    app.gemini.script({ kind: 'latency', ms: 1_500 });
    const story = await narrate(6);
    expect(app.gemini.peakConcurrency()).toBe(4);
    expect(await jobOf('audio')).toMatchObject({ attempts: 1, progress: { done: 6, total: 6, label: '6 / 6 sentences' } });
    const media = await readMedia(page, story.id);
    expect(media.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5]);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    for (const index of [0, 1, 2, 3, 4, 5]) await current().and(page.locator(`[data-index="${index}"]`)).waitFor({ timeout: 5_000 });
    expect(app.gemini.count('generate')).toBe(6);
  });

  it('"Parallel requests to Gemini" in Settings bounds the requests a narration has open', async () => {
    await page.goto(`${app.server.url}/settings`);
    const parallel = page.getByLabel('Parallel requests to Gemini');
    expect(await parallel.inputValue()).toBe('4');
    await parallel.selectOption('1');
    // Saving is asynchronous: reload only once the choice is stored.
    const stored = async () => (await readAll<{ key: string; value: { parallelRequests?: number } }>(page, 'settings')).find((r) => r.key === 'app')?.value.parallelRequests;
    await expect.poll(stored).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByLabel('Parallel requests to Gemini').inputValue()).toBe('1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    app.gemini.setLatency(200);
    await narrate(3);
    expect(app.gemini.peakConcurrency()).toBe(1);
    expect(app.gemini.count('generate')).toBe(3);
  });

  it('illustrates a story and shows its cover offline', async () => {
    const story = storyOf(3, '朝の公園');
    await seedStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);
    await page.getByRole('button', { name: `Illustrate (1 request; up to ${most(1)} with retries)` }).click();
    await page.getByRole('img', { name: 'Cover picture: A Long Day' }).waitFor({ timeout: 20_000 });
    await app.context.setOffline(true);
    await page.reload();
    const cover = page.getByRole('img', { name: 'Cover picture: A Long Day' });
    await cover.waitFor();
    await waitUntil(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeoutMs: 5_000, what: 'the cover to decode' });
    expect(await cover.getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByRole('button', { name: /^Illustrate/ }).count()).toBe(0);
    expect(app.gemini.count('generate')).toBe(1);
  });

  it('a failed story fails its narration and illustration with a message; retrying the story retries them', async () => {
    app.gemini.script('api-key-invalid');
    await page.goto(`${app.server.url}/queue`);
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Topic', { exact: true }).fill('a windy day');
    await page.getByLabel('Also narrate it (audio)').check();
    await page.getByLabel('Also illustrate it (cover picture)').check();
    await page.getByRole('button', { name: 'Create story' }).click();
    const because = page.getByText('The story this depends on failed: Your Gemini API key was rejected — check it in Settings.');
    // Narration, illustration and the story's word list.
    await because.nth(2).waitFor({ timeout: 15_000 });
    expect(await because.count()).toBe(3);
    const jobs = await readJobs(page);
    expect(jobs.map((j) => [j.type, j.status]).sort()).toEqual([['annotate', 'failed'], ['audio', 'failed'], ['image', 'failed'], ['story', 'failed']]);

    await page.getByRole('button', { name: /^Retry Story/ }).click();
    await waitUntil(async () => (await readJobs(page)).every((j) => j.status === 'completed'), { timeoutMs: 30_000, what: 'all four jobs' });
    await page.getByRole('link', { name: /^Open the story of Narration/ }).waitFor();
    expect(ttsCalls()).toBe(STORY_N5.content.length);
  }, 60_000);
});

describe('the Reader while narration is still arriving', () => {
  it('playing along waits for the next sentence ("waiting for narration…") and goes on by itself', async () => {
    app.gemini.setTtsSeconds(0.6);
    const story = storyOf(4);
    // The second sentence is held back until the player has shown that it waits for it.
    app.gemini.holdCallsContaining(story.content[1]!.jp);
    await seedStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);
    await page.getByRole('button', { name: /^Narrate this story/ }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await current().and(page.locator('[data-index="0"]')).waitFor({ timeout: 10_000 });
    await page.locator('.player[data-state="waiting"]').getByText('Sentence 2 of 4: waiting for narration…').waitFor({ timeout: 10_000 });
    app.gemini.release();
    await current().and(page.locator('[data-index="1"]')).waitFor({ timeout: 10_000 });
    await current().and(page.locator('[data-index="3"]')).waitFor({ timeout: 10_000 });
    expect(await page.locator('.player').getAttribute('data-state')).not.toBe('waiting');
  });

  it('the retry countdown ticks in the Reader, and the live region does not repeat every second', async () => {
    // Longer than a job waits out by itself (a minute), so it goes to the engine's backoff and its countdown.
    app.gemini.script({ kind: 'rate-limit', retryDelay: '90s' });
    const story = storyOf(3);
    await seedStories(page, [story]);
    await page.goto(`${app.server.url}/story/${story.id}`);
    await page.getByRole('button', { name: /^Narrate this story/ }).click();
    const visible = page.locator('nm-media-panel [data-kind="audio"] .status > [aria-hidden="true"]');
    const seconds = async () => {
      const m = (await visible.textContent())?.match(/Retrying in (?:(\d+) min ?)?(?:(\d+) s)?\./);
      return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : Number.NaN;
    };
    await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThan(0);
    const first = await seconds();
    const spoken = await page.locator('nm-media-panel [data-kind="audio"] [role="status"]').textContent();
    await expect.poll(seconds, { timeout: 5_000 }).toBeLessThanOrEqual(first - 2);
    expect(await page.locator('nm-media-panel [data-kind="audio"] [role="status"]').textContent()).toBe(spoken);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel narration' }).click();
    // The two sentences asked alongside the refused one were answered and kept: one is left.
    await page.getByRole('button', { name: /^Finish narration \(1 request;/ }).waitFor();
  });
});
