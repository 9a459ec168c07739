import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageRunnerSettled } from '../../src/app/queue-client';
import { requestAnnotation } from '../../src/app/word-jobs';
import { getAnnotation } from '../../src/db/annotations-repo';
import { getDb } from '../../src/db/database';
import { putStories } from '../../src/db/stories-repo';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import { tokensText } from '../../src/domain/tokens';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { enqueueGroup } from '../../src/jobs/enqueue-group';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { type RunQueueOptions, type RunResult, runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { type FakeCall, fixtureSentences, STORY_N5, sentencesInPrompt } from '../support/fake-gemini';
import { makeStory } from '../support/fixtures/library';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/** The real engine and the annotate handler against the fake Gemini server, on fake-indexeddb. */
useTestDb('annotate-jobs');
const gemini = useGeminiForJobs({ streamChunkDelayMs: 5 });

beforeEach(() => {
  // The page runner requestAnnotation wakes reads navigator.onLine (Node has none).
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(async () => {
  // A woken page runner stops while it still sees the stubbed online navigator (see explain-jobs).
  await pageRunnerSettled();
  vi.unstubAllGlobals();
});

const run = (extra: Partial<RunQueueOptions> = {}): Promise<RunResult> =>
  runQueue({
    owner: 'test',
    handlers: taskHandlers(),
    isOnline: () => true,
    lock: inProcessLockProvider(),
    retry: { baseMs: 20, maxMs: 40 },
    progressThrottleMs: 0,
    ...extra,
  });

async function job(id: string): Promise<JobRow> {
  const row = await getDb().jobs.get(id);
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

async function seedStory(sentences: number): Promise<Story> {
  const story = makeStory(3, { id: crypto.randomUUID(), content: fixtureSentences(sentences) });
  await putStories([story]);
  return story;
}

const annotateCalls = (): FakeCall[] => gemini().calls.filter((c) => c.kind === 'generate' && JSON.stringify(c.body?.generationConfig ?? {}).includes('"sentences"'));
const userText = (call: FakeCall | undefined) => (call?.body?.contents?.[0]?.parts ?? []).map((p) => p.text ?? '').join('');
const askedIds = (call: FakeCall | undefined) => sentencesInPrompt(userText(call)).map((s) => s.id);

/** Every sentence has tokens that spell it out, so the Reader can open each word. */
async function expectWordsFor(story: Pick<Story, 'id' | 'content'>): Promise<void> {
  const annotation = await getAnnotation(story.id);
  expect(annotation?.segments).toHaveLength(story.content.length);
  annotation?.segments.forEach((tokens, i) => {
    expect(tokens, `sentence ${i}`).not.toBeNull();
    expect(tokensText(tokens ?? [])).toBe(story.content[i]?.jp);
  });
}

describe('annotate jobs end to end (engine + handler + fake Gemini)', () => {
  it('a generated story queues its words after it; they land with readings, and the story call is as before', async () => {
    const group = await enqueueGroup({ story: { topic: 'a day at the park', level: 'N5', length: 'short' } });
    expect(group.annotate).toMatchObject({ dependsOn: [group.story.id], waitingFor: 'dependency' });
    await run();
    expect(await job(group.story.id)).toMatchObject({ status: 'completed' });
    expect(await job(group.annotate?.id ?? '')).toMatchObject({ status: 'completed', progress: { label: '6 / 6 sentences' } });
    const story = await getDb().stories.get(group.story.id);
    await expectWordsFor(story!);
    const first = (await getAnnotation(group.story.id))?.segments[0];
    expect(first?.[0]).toMatchObject({ surface: '日曜日', reading: 'にちようび', gloss: 'Sunday' });
    expect(first?.find((t) => t.surface === 'は')).toMatchObject({ pos: 'particle' });

    // One streamed story call, unchanged (no word list in it), then one request for all six sentences.
    const [storyCall, ...rest] = gemini().calls;
    expect(storyCall?.kind).toBe('stream');
    expect(JSON.stringify(storyCall?.body)).not.toContain('baseReading');
    expect(rest).toHaveLength(1);
    expect(askedIds(rest[0])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(JSON.stringify(rest[0]?.body?.contents)).toContain(STORY_N5.content[0]?.jp);
  });

  it('a runner killed after the first chunk: the job resumes and asks only for the sentences not done', async () => {
    const story = await seedStory(20);
    const { id } = await enqueue('annotate', { storyId: story.id });
    let skew = 0;
    const now = () => Date.now() + skew;
    // The second chunk's answer is slow; the first runner's heartbeat is "dead", as a killed worker's.
    gemini().script('ok', { kind: 'latency', ms: 400 });
    const first = run({ owner: 'doomed', now, leaseMs: 5_000, heartbeatMs: 3_600_000 });
    await waitUntil(async () => ((await job(id)).checkpoint as { done?: number } | null)?.done === 12, { what: 'the first chunk in the checkpoint' });
    await gemini().waitForCalls(2, 'generate');
    skew = 10_000;
    const second = run({ owner: 'rescuer', now, lock: inProcessLockProvider() });
    await Promise.all([first, second]);
    expect(await job(id)).toMatchObject({ status: 'completed', leaseLosses: 1, progress: { label: '20 / 20 sentences' } });
    await expectWordsFor(story);
    const calls = annotateCalls();
    expect(calls).toHaveLength(3);
    expect(askedIds(calls[0])).toEqual([...Array(12).keys()]);
    // The dying runner's request in flight, and the rescuer's: never the first chunk again.
    expect(askedIds(calls[2])).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('an answer that is not a word list is asked again, and the second one lands', async () => {
    const story = await seedStory(4);
    gemini().script('malformed-json');
    const { id } = await enqueue('annotate', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed', invalidOutputs: 1 });
    expect(annotateCalls()).toHaveLength(2);
    await expectWordsFor(story);
  });

  it('gives up with a learner-readable message after repeated unreadable answers', async () => {
    const story = await seedStory(2);
    gemini().script('malformed-json', 'malformed-json', 'malformed-json', 'malformed-json', 'malformed-json');
    const { id } = await enqueue('annotate', { storyId: story.id });
    await run();
    const failed = await job(id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/could not be read as the story's words after \d tries: .*not a readable word list/);
    expect(await getAnnotation(story.id)).toBeUndefined();
  });

  it('a 429 waits and retries; a 500 too', async () => {
    const story = await seedStory(3);
    gemini().script({ kind: 'rate-limit', retryDelay: '0.05s' }, 'internal');
    const { id } = await enqueue('annotate', { storyId: story.id });
    await waitUntil(async () => {
      await run();
      return (await job(id)).status === 'completed';
    }, { what: 'the annotate job to complete after its retries' });
    expect(annotateCalls()).toHaveLength(3);
    await expectWordsFor(story);
  });

  it('requestAnnotation queues one job per story, however often it is asked, and wakes the runner', async () => {
    const story = await seedStory(3);
    const [a, b] = await Promise.all([requestAnnotation(story.id), requestAnnotation(story.id)]);
    expect(b.id).toBe(a.id);
    expect(await getDb().jobs.where('type').equals('annotate').count()).toBe(1);
    await waitUntil(async () => (await job(a.id)).status === 'completed', { what: 'the woken runner to annotate the story' });
    await expectWordsFor(story);
    expect(annotateCalls()).toHaveLength(1);
  });

  it('cancel aborts the request in flight and writes nothing', async () => {
    const story = await seedStory(3);
    gemini().script('hang');
    const { id } = await enqueue('annotate', { storyId: story.id });
    const running = run();
    await gemini().waitForCalls(1, 'generate');
    await cancel(id);
    await running;
    expect(await job(id)).toMatchObject({ status: 'cancelled' });
    await waitUntil(() => gemini().calls[0]?.aborted === true, { what: 'the request to be aborted' });
    expect(await getAnnotation(story.id)).toBeUndefined();
  });
});
