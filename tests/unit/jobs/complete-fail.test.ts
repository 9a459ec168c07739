import { describe, expect, it } from 'vitest';
import { toSummary } from '../../../src/domain/summary';
import { claim } from '../../../src/jobs/claim';
import { complete } from '../../../src/jobs/complete';
import { LEASE_MS } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { JobFailure } from '../../../src/jobs/errors';
import { fail } from '../../../src/jobs/fail';
import { makeStory } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { commitMarker, getJob, marker, storyParams, T0 } from './helpers';

const db = useTestDb();
const exact = { baseMs: 1000, maxMs: 60_000, random: () => 0.5 };

async function claimed(now = T0) {
  const job = await enqueue('story', storyParams(), { now });
  const held = await claim('r', now);
  if (held?.id !== job.id) throw new Error('expected to claim the job');
  return held;
}

describe('complete', () => {
  it("writes the handler's results and the completed status in one transaction", async () => {
    const job = await claimed();
    const story = makeStory(1, { id: job.id });
    const done = await complete(
      job.id,
      'r',
      {
        result: { storyId: job.id },
        tables: ['stories', 'storySummaries'],
        commit: async (tx) => {
          await tx.stories.put(story);
          await tx.storySummaries.put(toSummary(story));
        },
      },
      T0 + 5,
      { done: 3, total: 3, label: 'Writing' },
    );
    expect(done).toMatchObject({ status: 'completed', lease: null, result: { storyId: job.id }, finishedAt: T0 + 5, progress: { done: 3 } });
    expect(await db().stories.get(job.id)).toEqual(story);
    expect(await db().storySummaries.get(job.id)).toBeDefined();
  });

  it('writes nothing when the commit throws: no result, job still held', async () => {
    const job = await claimed();
    const outcome = {
      tables: ['syncState' as const],
      commit: async () => {
        await db().syncState.put({ key: `result:${job.id}`, value: 'partial' });
        throw new Error('disk trouble');
      },
    };
    await expect(complete(job.id, 'r', outcome, T0 + 5)).rejects.toThrow('disk trouble');
    expect(await marker(job.id)).toBeUndefined();
    expect(await getJob(job.id)).toMatchObject({ status: 'processing' });
  });

  it('writes nothing for a job that is no longer ours (lease taken over, or cancelled)', async () => {
    const job = await claimed();
    await claim('other', T0 + LEASE_MS); // our lease expired and another runner took the job
    let commits = 0;
    const late = { ...commitMarker(job.id), commit: async () => void commits++ };
    expect(await complete(job.id, 'r', late, T0 + LEASE_MS + 1)).toBeNull();
    expect(commits).toBe(0);
    expect(await complete(job.id, 'other', commitMarker(job.id), T0 + LEASE_MS + 2)).toMatchObject({ status: 'completed' });
    expect(await marker(job.id)).toBe('done');
  });
});

describe('fail', () => {
  it('transient: back to pending with the exact backoff window, error kept for the Queue', async () => {
    const job = await claimed();
    const failure = new JobFailure('transient', 'unavailable', 'The model is overloaded.');
    const row = await fail(job.id, 'r', failure, T0 + 100, exact);
    expect(row).toMatchObject({ status: 'pending', waitingFor: 'backoff', runAfter: T0 + 100 + 750, attempts: 1, lease: null });
    expect(row?.error).toEqual({ code: 'unavailable', message: 'The model is overloaded.', retryable: true });
    expect(await claim('r', T0 + 100 + 749)).toBeNull();
    expect(await claim('r', T0 + 100 + 750)).toMatchObject({ id: job.id, attempts: 2 });
  });

  it('transient: honours the server retry delay (RetryInfo)', async () => {
    const job = await claimed();
    const failure = new JobFailure('transient', 'rate-limited', 'Too many requests.', { retryAfterMs: 26_000 });
    expect(await fail(job.id, 'r', failure, T0, exact)).toMatchObject({ runAfter: T0 + 26_000 });
  });

  it('transient: fails after maxAttempts with the last reason', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, maxAttempts: 2 });
    const failure = new JobFailure('transient', 'unavailable', 'The model is overloaded.');
    let t = T0;
    await claim('r', t);
    t = (await fail(job.id, 'r', failure, t, exact))?.runAfter ?? t;
    await claim('r', t);
    expect(await fail(job.id, 'r', failure, t, exact)).toMatchObject({
      status: 'failed',
      attempts: 2,
      finishedAt: t,
      error: { message: 'Stopped after 2 tries: The model is overloaded. Retry when you like.', retryable: true },
    });
  });

  it('offline: does not spend an attempt and waits for the network', async () => {
    const job = await claimed();
    const offline = new JobFailure('offline', 'offline', 'You are offline.');
    for (let i = 0; i < 10; i++) {
      expect(await fail(job.id, 'r', offline, T0)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
      await claim('r', T0);
    }
    expect(await getJob(job.id)).toMatchObject({ status: 'processing', attempts: 1 });
  });

  it('permanent: fails at once with its message', async () => {
    const job = await claimed();
    const failure = new JobFailure('permanent', 'api-key-invalid', 'The API key is not valid. Check it in Settings.');
    expect(await fail(job.id, 'r', failure, T0 + 1)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'api-key-invalid', message: 'The API key is not valid. Check it in Settings.', retryable: false },
    });
  });

  it('invalid output: tried again a bounded number of times, then failed saying why', async () => {
    const job = await claimed();
    const failure = new JobFailure('invalid-output', 'invalid-output', 'The answer was cut off (MAX_TOKENS).');
    expect(await fail(job.id, 'r', failure, T0)).toMatchObject({ status: 'pending', invalidOutputs: 1, runAfter: T0 });
    await claim('r', T0);
    expect(await fail(job.id, 'r', failure, T0)).toMatchObject({ status: 'pending', invalidOutputs: 2 });
    await claim('r', T0);
    expect(await fail(job.id, 'r', failure, T0)).toMatchObject({
      status: 'failed',
      error: { message: "The model's answer could not be read as a story after 3 tries: The answer was cut off (MAX_TOKENS)." },
    });
  });

  it('writes nothing for a job that is not ours', async () => {
    const job = await claimed();
    expect(await fail(job.id, 'someone-else', new JobFailure('permanent', 'x', 'y'), T0)).toBeNull();
    expect(await getJob(job.id)).toMatchObject({ status: 'processing', error: null });
  });
});
