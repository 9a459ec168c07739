import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageRunnerSettled, requestDrain } from '../../src/app/queue-client';
import { getDb } from '../../src/db/database';
import { putStories } from '../../src/db/stories-repo';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { fixtureSentences } from '../support/fake-gemini';
import { makeStory } from '../support/fixtures/library';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';

/**
 * Where there is no Background Sync (Firefox, Safari) the page drains the queue itself. Wake-ups
 * come in bursts (two words requested at once, `online` as a job finishes), and an update's reload
 * waits for "this page's runner has stopped" before it reloads: that answer must be true.
 */
useTestDb('page-runner-wakeups');
const gemini = useGeminiForJobs({ streamChunkDelayMs: 5 });

beforeEach(() => {
  // A browser without Background Sync (no service worker, no SyncManager), online.
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(async () => {
  await pageRunnerSettled();
  vi.unstubAllGlobals();
});

describe('the page runner under a burst of wake-ups', () => {
  it('two wake-ups at once: the page says its runner stopped only once the job it runs has ended', async () => {
    const story = makeStory(3, { id: crypto.randomUUID(), content: fixtureSentences(3) });
    await putStories([story]);
    gemini().script('hang');
    const { id } = await enqueue('annotate', { storyId: story.id });

    await Promise.all([requestDrain(), requestDrain()]);
    await gemini().waitForCalls(1, 'generate');
    let settled = false;
    void pageRunnerSettled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled, 'the runner is still waiting on Gemini').toBe(false);

    await cancel(id);
    await pageRunnerSettled();
    expect(settled).toBe(true);
    expect(await getDb().jobs.get(id)).toMatchObject({ status: 'cancelled' });
    expect(gemini().calls.filter((c) => c.kind === 'generate')).toHaveLength(1);
  });
});
