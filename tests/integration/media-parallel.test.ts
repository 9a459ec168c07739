import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/database';
import { saveSettings } from '../../src/db/settings-repo';
import { putStories } from '../../src/db/stories-repo';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { type RunQueueOptions, type RunResult, runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { makeMedia, makeStory } from '../support/fixtures/library';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/** Narration and pictures a few requests at a time: the real engine and handlers against the fake Gemini. */
const db = useTestDb('media-parallel');
const gemini = useGeminiForJobs();

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

async function seedStory(n: number): Promise<Story> {
  const content = Array.from({ length: n }, (_, i) => ({
    jp: `これは${i + 1}番目の文です。`,
    readings: [],
    en: `Sentence ${i + 1}.`,
    imagePrompt: `A quiet street, scene ${i + 1}`,
    vocab: [],
  }));
  const story = makeStory(9, { id: crypto.randomUUID(), content });
  await putStories([story]);
  return story;
}

const stored = async (storyId: string, kind: 'audio' | 'image') =>
  (await db().media.where('storyId').equals(storyId).toArray()).filter((r) => r.kind === kind).sort((a, b) => a.index - b.index);

/** Which sentence each TTS request asked for (0-based), in arrival order. */
const asked = (story: Story): number[] =>
  gemini()
    .calls.filter((c) => c.kind === 'generate')
    .map((c) => story.content.findIndex((s) => JSON.stringify(c.body?.contents).includes(s.jp)));
const timesAsked = (story: Story, i: number) => asked(story).filter((x) => x === i).length;

describe('media jobs run their steps in parallel', () => {
  it('four sentences in flight at once, finishing out of order, each stored once with the set of finished steps', async () => {
    const story = await seedStory(8);
    gemini().script({ kind: 'latency', ms: 250 });
    gemini().setLatency(20);
    const { id } = await enqueue('audio', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({
      status: 'completed',
      attempts: 1,
      progress: { done: 8, total: 8, label: '8 / 8 sentences' },
      checkpoint: { voice: 'Kore', finished: [0, 1, 2, 3, 4, 5, 6, 7], done: 8, total: 8 },
    });
    const rows = await stored(story.id, 'audio');
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The slow first sentence was stored after the ones started with it.
    expect(rows[0]!.createdAt).toBeGreaterThan(rows[1]!.createdAt);
    expect(gemini().peakConcurrency()).toBe(4);
    for (let i = 0; i < 8; i++) expect(timesAsked(story, i)).toBe(1);
  });

  it('never has more requests open than the learner set', async () => {
    await saveSettings({ parallelRequests: 2 });
    const story = await seedStory(6);
    gemini().setLatency(30);
    await enqueue('image', { storyId: story.id, scope: 'paragraphs' });
    await run();
    expect((await stored(story.id, 'image')).map((r) => r.index)).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    expect(gemini().peakConcurrency()).toBe(2);
  });

  it('a runner killed mid-batch: the rescuer asks only for what is not stored, and nothing is lost', async () => {
    const N = 10;
    const story = await seedStory(N);
    const { id } = await enqueue('audio', { storyId: story.id });
    let skew = 0;
    const now = () => Date.now() + skew;
    // Three quick answers, then four slow ones still in flight when the runner "dies" (no heartbeat).
    gemini().script('ok', 'ok', 'ok', ...Array.from({ length: 4 }, () => ({ kind: 'latency' as const, ms: 1_500 })));
    const first = run({ owner: 'doomed', now, leaseMs: 5_000, heartbeatMs: 3_600_000 });
    await waitUntil(async () => (await stored(story.id, 'audio')).length >= 3, { what: 'three stored sentences' });
    await gemini().waitForCalls(7, 'generate');
    const before = (await stored(story.id, 'audio')).map((r) => r.index);
    skew = 10_000;
    const second = run({ owner: 'rescuer', now, lock: inProcessLockProvider() });
    await Promise.all([first, second]);

    expect(await job(id)).toMatchObject({ status: 'completed', leaseLosses: 1 });
    expect((await job(id)).checkpoint).toMatchObject({ finished: [...Array(N).keys()], done: N });
    expect((await stored(story.id, 'audio')).map((r) => r.index)).toEqual([...Array(N).keys()]);
    for (const i of before) expect(timesAsked(story, i)).toBe(1);
    for (let i = 0; i < N; i++) expect(timesAsked(story, i)).toBeLessThanOrEqual(2);
    expect(asked(story).length).toBeLessThanOrEqual(N + 4);
  });

  it('cancel aborts every request in flight', async () => {
    const story = await seedStory(8);
    gemini().setLatency(60_000);
    const { id } = await enqueue('audio', { storyId: story.id });
    const running = run();
    await gemini().waitForCalls(4, 'generate');
    expect(await cancel(id)).toBe(true);
    await running;
    await expect.poll(() => gemini().calls.filter((c) => c.kind === 'generate' && c.aborted).length).toBe(4);
    expect(gemini().count('generate')).toBe(4);
    expect(await job(id)).toMatchObject({ status: 'cancelled' });
    expect(await stored(story.id, 'audio')).toHaveLength(0);
  });
});

describe('429s inside a media job', () => {
  it('are waited out as the server asked without spending an attempt; the refused sentence is asked once more', async () => {
    const story = await seedStory(8);
    gemini().script('ok', 'ok', 'ok', { kind: 'rate-limit', retryDelay: '0.2s' });
    const { id } = await enqueue('audio', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed', attempts: 1, error: null });
    expect((await stored(story.id, 'audio')).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const calls = gemini().calls.filter((c) => c.kind === 'generate');
    const refused = calls.findIndex((c) => c.status === 429);
    const refusedSentence = asked(story)[refused]!;
    expect(timesAsked(story, refusedSentence)).toBe(2);
    const again = calls.findIndex((_c, i) => i > refused && asked(story)[i] === refusedSentence);
    expect(calls[again]!.at - calls[refused]!.at).toBeGreaterThanOrEqual(200);
    expect(calls).toHaveLength(9);
  });

  it('a sentence refused twice hands the job to the engine’s backoff, which spends an attempt', async () => {
    await saveSettings({ parallelRequests: 1 });
    const story = await seedStory(2);
    const rl = { kind: 'rate-limit', retryDelay: '0.01s' } as const;
    gemini().script(rl, rl);
    const { id } = await enqueue('audio', { storyId: story.id });
    await run();
    if ((await job(id)).status === 'pending') await run({ now: () => Date.now() + 60_000 });
    expect(await job(id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(asked(story)).toEqual([0, 0, 0, 1]);
  });

  it('a job holding an older "done up to N" checkpoint resumes from it in its voice and records the set', async () => {
    const story = await seedStory(6);
    const queued = await enqueue('audio', { storyId: story.id });
    await db().media.bulkPut([0, 1, 2].map((i) => makeMedia(story.id, 'audio', i, 10)));
    const past = Date.now() - 1000;
    await db().jobs.put({
      ...(await job(queued.id)),
      status: 'processing',
      attempts: 1,
      lease: { owner: 'old-worker', expiresAt: past },
      checkpoint: { voice: 'Puck', done: 3, total: 6 },
    });
    await run();
    expect(asked(story)).toEqual([3, 4, 5]);
    const voices = gemini().calls.map((c) => JSON.stringify(c.body?.generationConfig));
    expect(voices.every((v) => v.includes('Puck'))).toBe(true);
    expect(await job(queued.id)).toMatchObject({ status: 'completed', checkpoint: { voice: 'Puck', finished: [0, 1, 2, 3, 4, 5], done: 6 } });
  });
});
