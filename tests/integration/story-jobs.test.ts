import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/database';
import type { JobRow } from '../../src/domain/job';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { type RunResult, runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { type Fault, STORY_N3, STORY_N5 } from '../support/fake-gemini';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/** The real engine and story handler against the fake Gemini server, on fake-indexeddb. */
const db = useTestDb('story-jobs');
let online = true;
const lock = inProcessLockProvider();

const gemini = useGeminiForJobs({ streamChunkDelayMs: 15 });
beforeEach(() => {
  online = true;
});

// Progress is written at most every 500 ms in the app; here every update is kept, to see them all.
const run = (): Promise<RunResult> =>
  runQueue({ owner: 'test', handlers: taskHandlers(), isOnline: () => online, lock, retry: { baseMs: 20, maxMs: 40 }, progressThrottleMs: 0 });

async function job(id: string): Promise<JobRow> {
  const row = await getDb().jobs.get(id);
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

/** Runs the queue, waiting out backoffs, until the job is finished (or `rounds` runs pass). */
async function settle(id: string, rounds = 10): Promise<JobRow> {
  for (let i = 0; i < rounds; i++) {
    await run();
    const row = await job(id);
    if (row.status !== 'pending' && row.status !== 'processing') return row;
    await waitUntil(() => Date.now() > row.runAfter, { what: 'the backoff to run out' });
  }
  return job(id);
}

async function storyJob(level: 'N5' | 'N3' | 'Beginner' = 'N5', topic = 'a day at the park'): Promise<string> {
  return (await enqueue('story', { topic, level, length: 'short' })).id;
}

describe('story jobs end to end (engine + handler + fake Gemini)', () => {
  it('writes one story whose id is the job id, with progress along the way', async () => {
    const id = await storyJob('N5');
    const progress = new Set<string>();
    const watch = liveQuery(() => db().jobs.get(id)).subscribe((row) => {
      if (row?.progress) progress.add(row.progress.label);
    });
    const done = await settle(id);
    watch.unsubscribe();
    expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null });
    const story = await db().stories.get(id);
    expect(story).toMatchObject({ id, titleJP: STORY_N5.titleJP, level: 'N5', source: 'generated', topic: 'a day at the park' });
    expect(await db().storySummaries.get(id)).toMatchObject({ titleJP: STORY_N5.titleJP });
    expect(gemini().count('stream')).toBe(1);
    expect(progress.size).toBeGreaterThan(2);
  });

  it('asks for the level the learner picked', async () => {
    const done = await settle(await storyJob('N3'));
    expect(await db().stories.get(done.id)).toMatchObject({ titleJP: STORY_N3.titleJP, level: 'N3' });
  });

  it('honours RetryInfo on 429, then succeeds on the next attempt', async () => {
    gemini().script({ kind: 'rate-limit', retryDelay: '0.3s' });
    const id = await storyJob();
    await run();
    const waiting = await job(id);
    expect(waiting).toMatchObject({ status: 'pending', waitingFor: 'backoff', attempts: 1 });
    expect(waiting.runAfter - waiting.updatedAt).toBeGreaterThanOrEqual(300);
    expect(waiting.error?.message).toMatch(/rate limit/i);
    const done = await settle(id);
    expect(done).toMatchObject({ status: 'completed', attempts: 2 });
    expect(gemini().count('stream')).toBe(2);
  });

  it.each<[Fault, RegExp]>([
    ['api-key-invalid', /Your Gemini API key was rejected — check it in Settings/],
    ['permission-denied', /not allowed|permission/i],
    ['model-not-found', /does not exist|model/i],
    ['prompt-blocked', /refused|blocked/i],
    ['safety', /safety|refused|blocked/i],
  ])('fails at once on %s with a message a learner understands', async (fault, message) => {
    gemini().script(fault);
    const done = await settle(await storyJob());
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(message);
    expect(done.error?.message).not.toContain(gemini().apiKey);
    expect(gemini().count('stream')).toBe(1);
    expect(await db().stories.count()).toBe(0);
  });

  it.each<Fault>(['internal', 'overloaded', 'drop-mid-stream', 'malformed-json'])('retries after %s and completes once', async (fault) => {
    gemini().script(fault);
    const done = await settle(await storyJob());
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(gemini().count('stream')).toBe(2);
    expect(await db().stories.count()).toBe(1);
  });

  it('fails saying why after the model keeps answering with cut-off stories', async () => {
    gemini().script('max-tokens', 'max-tokens', 'max-tokens', 'max-tokens');
    const done = await settle(await storyJob());
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/could not be read as a story after 3 tries/);
    expect(done.error?.details?.detail).toBe('finishReason MAX_TOKENS');
    expect(gemini().count('stream')).toBe(3);
  });

  it('a story much shorter than asked is asked for again, like unreadable output', async () => {
    gemini().script('short-story', 'ok');
    const id = await storyJob();
    const done = await settle(id);
    expect(done).toMatchObject({ status: 'completed', error: null, invalidOutputs: 1 });
    expect(done.result).toEqual({ storyId: id, title: STORY_N5.titleJP });
    expect(gemini().count('stream')).toBe(2);
    expect((await db().stories.get(id))?.content).toHaveLength(STORY_N5.content.length);
  });

  it('a story that stays much shorter than asked is kept after the last try, with a note the learner sees', async () => {
    gemini().script('short-story', 'short-story', 'short-story', 'ok');
    const id = await storyJob();
    const done = await settle(id);
    const note = 'Shorter than asked: Gemini wrote 2 sentences instead of 5–7, even when asked again, so this story was kept as it is.';
    expect(done).toMatchObject({ status: 'completed', error: null, result: { storyId: id, note }, progress: { label: note } });
    expect(gemini().count('stream')).toBe(3);
    expect((await db().stories.get(id))?.content).toHaveLength(2);
  });

  it('a short story from an earlier try is kept when the last try comes back unreadable', async () => {
    gemini().script('short-story', 'malformed-json', 'malformed-json');
    const id = await storyJob();
    const done = await settle(id);
    expect(done).toMatchObject({ status: 'completed', error: null, result: { storyId: id, note: expect.stringMatching(/^Shorter than asked: Gemini wrote 2 sentences/) } });
    expect(gemini().count('stream')).toBe(3);
    expect((await db().stories.get(id))?.content).toHaveLength(2);
  });

  it('unreadable answers fail in the learner’s words, the technical reason kept in error.details.detail', async () => {
    gemini().script('malformed-json', 'malformed-json', 'malformed-json');
    const done = await settle(await storyJob());
    expect(done.status).toBe('failed');
    expect(done.error?.message).toContain("Gemini's answer was not a complete story. Retry usually works.");
    expect(done.error?.message).not.toMatch(/JSON|Unexpected token/);
    expect(done.error?.details?.detail).toMatch(/^not valid JSON: /);
  });

  it('without an API key fails with a pointer to Settings and calls nobody', async () => {
    await db().secrets.clear();
    const done = await settle(await storyJob());
    expect(done).toMatchObject({ status: 'failed', error: { code: 'no-api-key' } });
    expect(gemini().count()).toBe(0);
  });

  it('offline waits for the network without spending an attempt', async () => {
    online = false;
    const id = await storyJob();
    await run();
    expect(await job(id)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
    expect(gemini().count()).toBe(0);
    online = true;
    expect(await settle(id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('cancel during a hanging call aborts it and no story ever appears', async () => {
    gemini().script('hang');
    const id = await storyJob();
    const running = run();
    await gemini().waitForCalls(1, 'stream');
    expect(await cancel(id)).toBe(true);
    await running;
    expect(await job(id)).toMatchObject({ status: 'cancelled' });
    expect(await db().stories.count()).toBe(0);
    expect(gemini().calls[0]?.aborted).toBe(true);
  });

  it('never writes the API key into a job row', async () => {
    gemini().script('api-key-invalid');
    await settle(await storyJob());
    await settle(await storyJob('Beginner'));
    expect(JSON.stringify(await db().jobs.toArray())).not.toContain(gemini().apiKey);
  });
});
