import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageRunnerSettled } from '../../src/app/queue-client';
import { requestExplanation } from '../../src/app/word-jobs';
import { getAnnotation, saveAnnotation } from '../../src/db/annotations-repo';
import { getDb } from '../../src/db/database';
import { putStories } from '../../src/db/stories-repo';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { type RunResult, runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { jobTitle } from '../../src/ui/queue/describe-job';
import { type FakeCall, fixtureSentences } from '../support/fake-gemini';
import { makeStory } from '../support/fixtures/library';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/** The real engine and the explain handler against the fake Gemini server, on fake-indexeddb. */
useTestDb('explain-jobs');
const gemini = useGeminiForJobs();

beforeEach(() => {
  // The page runner requestExplanation wakes reads navigator.onLine (Node has none).
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(async () => {
  // A runner woken by requestExplanation must stop while it still sees the stubbed (online)
  // navigator: once unstubbed, Node's navigator has no onLine and it would wait for the network,
  // leaving the next test's wake-up to a runner that never comes back.
  await pageRunnerSettled();
  vi.unstubAllGlobals();
});

const run = (): Promise<RunResult> =>
  runQueue({ owner: 'test', handlers: taskHandlers(), isOnline: () => true, lock: inProcessLockProvider(), retry: { baseMs: 20, maxMs: 40 }, progressThrottleMs: 0 });

async function job(id: string): Promise<JobRow> {
  const row = await getDb().jobs.get(id);
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

async function seedStory(): Promise<Story> {
  const story = makeStory(5, { id: crypto.randomUUID(), content: fixtureSentences(4) });
  await putStories([story]);
  return story;
}

const explainCalls = (): FakeCall[] => gemini().calls.filter((c) => c.kind === 'generate' && c.body?.generationConfig?.responseMimeType === 'text/plain');

describe('explain jobs end to end (engine + handler + fake Gemini)', () => {
  it("stores a grammar note on the sentence with the story's words, and never asks for it twice", async () => {
    const story = await seedStory();
    const asked = await requestExplanation(story.id, 0);
    expect(asked).not.toBeNull();
    expect(jobTitle(asked!, story.titleJP)).toBe(`Grammar note on sentence 1: ${story.titleJP}`);
    await waitUntil(async () => (await job(asked!.id)).status === 'completed', { what: 'the woken runner to explain the sentence' });
    const note = (await getAnnotation(story.id))?.explanations?.['0'];
    expect(note?.text).toContain(`「${story.content[0]?.jp}」`);
    expect(note?.text).toContain('は: topic marker');
    expect(note?.text).toContain('polite past');
    expect(note).toMatchObject({ model: 'gemini-2.5-flash' });
    // The note sits beside the sentence's words: the annotation has a row for every sentence.
    expect((await getAnnotation(story.id))?.segments).toHaveLength(story.content.length);
    expect(JSON.stringify(explainCalls()[0]?.body?.contents)).toContain(story.content[0]?.en);

    expect(await requestExplanation(story.id, 0)).toBeNull();
    expect(await getDb().jobs.where('type').equals('explain').count()).toBe(1);
    expect(explainCalls()).toHaveLength(1);
  });

  it('queues one job per sentence while it runs; another sentence gets its own', async () => {
    const story = await seedStory();
    const [a, b, other] = await Promise.all([requestExplanation(story.id, 2), requestExplanation(story.id, 2), requestExplanation(story.id, 3)]);
    expect(b?.id).toBe(a?.id);
    expect(other?.id).not.toBe(a?.id);
    await waitUntil(async () => Object.keys((await getAnnotation(story.id))?.explanations ?? {}).length === 2, { what: 'both notes' });
    expect(explainCalls()).toHaveLength(2);
  });

  it('a note that arrived meanwhile (synced from another device) is not paid for again', async () => {
    const story = await seedStory();
    const { id } = await enqueue('explain', { storyId: story.id, segment: 1 });
    await saveAnnotation({ storyId: story.id, segments: story.content.map(() => null), explanations: { 1: { text: 'From the other device.', updatedAt: 5 } }, updatedAt: 5 });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed' });
    expect(explainCalls()).toHaveLength(0);
    expect((await getAnnotation(story.id))?.explanations?.['1']?.text).toBe('From the other device.');
  });

  it('cancel aborts the request in flight and stores nothing', async () => {
    const story = await seedStory();
    gemini().script('hang');
    const { id } = await enqueue('explain', { storyId: story.id, segment: 0 });
    const running = run();
    await gemini().waitForCalls(1, 'generate');
    await cancel(id);
    await running;
    expect(await job(id)).toMatchObject({ status: 'cancelled' });
    await waitUntil(() => gemini().calls[0]?.aborted === true, { what: 'the request to be aborted' });
    expect(await getAnnotation(story.id)).toBeUndefined();
  });

  it('a blocked answer fails with the learner-readable message', async () => {
    const story = await seedStory();
    gemini().script('safety');
    const { id } = await enqueue('explain', { storyId: story.id, segment: 0 });
    await run();
    expect((await job(id)).error?.message).toBe('Gemini stopped explaining this sentence because of its safety filters.');
  });
});
