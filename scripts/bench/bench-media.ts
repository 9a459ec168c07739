import type { Page } from 'playwright-core';
import { PLAY_MARK, PLAYING_MARK } from '../../src/ui/reader/player';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { configureGemini, readJobs } from '../../tests/support/e2e-jobs';
import { readMedia, seedStories, storyOf } from '../../tests/support/e2e-media';
import { startFakeGemini } from '../../tests/support/fake-gemini';
import { benchParallelMedia } from './bench-media-parallel';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

const SENTENCES = 12;
const PLAY_RUNS = 7;

async function waitForJobs(page: Page, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const jobs = await readJobs(page);
    if (jobs.length > 0 && jobs.every((j) => j.status === 'completed')) return;
    if (jobs.some((j) => j.status === 'failed' || j.status === 'cancelled')) throw new Error('a narration job did not complete');
    await page.waitForTimeout(100);
  }
  throw new Error('narration did not finish in time');
}

/** From the Play press to the <audio> element's `playing` event, read from the player's marks. */
async function playToPlaying(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PLAYING_MARK, { timeout: 10_000 });
  return page.evaluate(
    ([play, playing]) => performance.getEntriesByName(playing)[0]!.startTime - performance.getEntriesByName(play)[0]!.startTime,
    [PLAY_MARK, PLAYING_MARK] as const,
  );
}

/**
 * Narration on the production build, against the fake Gemini server (its TTS answers are 0.3 s of
 * 24 kHz mono 16-bit PCM, wrapped into WAV by the app like a real answer):
 * - storage per minute of narration: the bytes really stored in IndexedDB over the total duration
 *   read from the stored WAV headers (the format alone gives 24,000 × 2 × 60 = 2,880 kB/min; the
 *   44-byte header per sentence adds a little);
 * - time to first audible sentence after opening a narrated story offline: Play pressed → `playing`;
 * - 20 sentences and 20 pictures, one request at a time and four at a time (bench-media-parallel.ts).
 */
export async function benchMedia({ browser, server }: BenchContext): Promise<BenchResult[]> {
  const gemini = await startFakeGemini();
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await waitForServiceWorker(page);
    await configureGemini(page, gemini.url, gemini.apiKey);
    const story = storyOf(SENTENCES);
    await seedStories(page, [story]);
    await page.goto(`${server.url}/story/${story.id}`);
    await page.getByRole('button', { name: new RegExp(`^Narrate this story \\(${SENTENCES} requests;`) }).click();
    await waitForJobs(page, 60_000);

    const audio = (await readMedia(page, story.id)).filter((m) => m.kind === 'audio');
    if (audio.length !== SENTENCES) throw new Error(`stored ${audio.length} of ${SENTENCES} sentences`);
    const bytes = audio.reduce((n, m) => n + m.bytes, 0);
    const minutes = audio.reduce((n, m) => n + m.durationMs, 0) / 60_000;
    const parallel = await benchParallelMedia(page, server.url, gemini);

    await context.setOffline(true);
    const firstAudible: number[] = [];
    for (let i = 0; i < PLAY_RUNS; i++) {
      await page.goto(`${server.url}/story/${story.id}`);
      firstAudible.push(await playToPlaying(page));
    }
    return [
      { name: 'narration-storage-per-minute', value: round(bytes / 1000 / minutes), unit: 'kB/min', budget: null, better: 'lower' },
      { name: 'narration-first-audible-offline', value: round(median(firstAudible)), unit: 'ms', budget: 200, better: 'lower' },
      ...parallel,
    ];
  } finally {
    await context.close();
    await gemini.close();
  }
}
