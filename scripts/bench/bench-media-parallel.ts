import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { Story } from '../../src/domain/story';
import { readJobs } from '../../tests/support/e2e-jobs';
import { seedStories, storyOf } from '../../tests/support/e2e-media';
import type { Fault, FakeGemini } from '../../tests/support/fake-gemini';
import type { BenchResult } from './types';

/**
 * Narration and "a picture for every paragraph" of 20 steps against the fake Gemini answering every
 * request in 1,000 ms, on the production build: wall time from the button press to the job's
 * completion one request at a time (Settings → Parallel requests 1) and at the default 4; then at 4
 * with a 429 on every fourth request, where the job must still complete with no step asked more
 * than twice (max asks per step, and the total requests made, are printed).
 */

const STEPS = 20;
const CALL_MS = 1_000;

async function setParallel(page: Page, parallelRequests: number): Promise<void> {
  await page.evaluate(
    ({ name, parallelRequests }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          const get = tx.objectStore('settings').get('app');
          get.onsuccess = () => {
            const current = (get.result as { value?: object } | undefined)?.value ?? {};
            tx.objectStore('settings').put({ key: 'app', value: { ...current, parallelRequests } });
          };
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, parallelRequests },
  );
}

/** 20 steps of either kind: 20 sentences, or a cover and 19 paragraphs with a picture prompt each. */
function storyFor(kind: 'narration' | 'pictures'): Story {
  const story = storyOf(STEPS);
  if (kind === 'pictures') {
    story.content = story.content.map((s, i) => ({ ...s, imagePrompt: i === 0 ? undefined : `A quiet street, scene ${i + 1}` }));
  }
  return story;
}

async function waitForJob(page: Page, storyId: string): Promise<void> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    const job = (await readJobs(page)).find((j) => (j.params as { storyId?: string }).storyId === storyId);
    if (job?.status === 'completed') return;
    if (job && (job.status === 'failed' || job.status === 'cancelled')) throw new Error(`the job ${job.status}: ${job.error?.message}`);
    await page.waitForTimeout(25);
  }
  throw new Error('the media job did not finish in two minutes');
}

interface Run {
  wallMs: number;
  requests: number;
  maxAsks: number;
}

async function runOnce(page: Page, url: string, gemini: FakeGemini, kind: 'narration' | 'pictures', parallel: number, faults: Fault[] = []): Promise<Run> {
  gemini.reset();
  gemini.setLatency(CALL_MS);
  gemini.script(...faults);
  await setParallel(page, parallel);
  const story = storyFor(kind);
  await seedStories(page, [story]);
  await page.goto(`${url}/story/${story.id}`);
  const button = kind === 'narration' ? /^Narrate this story \(20 requests;/ : /^Picture for every paragraph \(20 requests;/;
  const press = page.getByRole('button', { name: button });
  await press.waitFor();
  const start = Date.now();
  await press.click();
  await waitForJob(page, story.id);
  const wallMs = Date.now() - start;
  const calls = gemini.calls.filter((c) => c.kind === 'generate');
  const asks = new Map<string, number>();
  for (const call of calls) {
    const key = JSON.stringify(call.body?.contents);
    asks.set(key, (asks.get(key) ?? 0) + 1);
  }
  if (asks.size !== STEPS) throw new Error(`${asks.size} distinct requests for ${STEPS} steps`);
  return { wallMs, requests: calls.length, maxAsks: Math.max(...asks.values()) };
}

/** A 429 (asking for a one-second pause) on every fourth request, for longer than any run needs. */
const EVERY_FOURTH_429: Fault[] = Array.from({ length: 4 * STEPS }, (_, i) => ((i + 1) % 4 === 0 ? { kind: 'rate-limit', retryDelay: '1s' } : 'ok'));

export async function benchParallelMedia(page: Page, url: string, gemini: FakeGemini): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const kind of ['narration', 'pictures'] as const) {
    const sequential = await runOnce(page, url, gemini, kind, 1);
    const parallel = await runOnce(page, url, gemini, kind, 4);
    const limited = await runOnce(page, url, gemini, kind, 4, EVERY_FOURTH_429);
    results.push(
      { name: `${kind}-20-steps-sequential-wall`, value: sequential.wallMs, unit: 'ms', budget: null, better: 'lower' },
      { name: `${kind}-20-steps-parallel-4-wall`, value: parallel.wallMs, unit: 'ms', budget: 6_000, better: 'lower' },
      { name: `${kind}-20-steps-429-every-4th-wall`, value: limited.wallMs, unit: 'ms', budget: null, better: 'lower' },
      { name: `${kind}-20-steps-429-every-4th-max-asks-per-step`, value: limited.maxAsks, unit: 'requests', budget: 2, better: 'lower' },
      { name: `${kind}-20-steps-429-every-4th-total-requests`, value: limited.requests, unit: 'requests', budget: null, better: 'lower' },
    );
  }
  await setParallel(page, 4);
  return results;
}
