import { describe, expect, it } from 'vitest';
import { cancel } from '../../../src/jobs/cancel';
import { claim } from '../../../src/jobs/claim';
import { complete } from '../../../src/jobs/complete';
import { dismiss } from '../../../src/jobs/dismiss';
import { enqueue } from '../../../src/jobs/enqueue';
import { enqueueGroup } from '../../../src/jobs/enqueue-group';
import { JobFailure } from '../../../src/jobs/errors';
import { fail } from '../../../src/jobs/fail';
import { prune } from '../../../src/jobs/prune';
import { retry } from '../../../src/jobs/retry-job';
import { nextWakeAt } from '../../../src/jobs/wake';
import { useTestDb } from '../../support/test-db';
import { commitMarker, getJob, marker, storyParams, T0 } from './helpers';

const db = useTestDb();
const DAY = 24 * 60 * 60_000;

describe('cancel', () => {
  it('cancels pending and processing jobs, clears the lease, and a late commit writes nothing', async () => {
    const pending = await enqueue('story', storyParams('a'), { now: T0 });
    const running = await enqueue('story', storyParams('b'), { now: T0 + 1, priority: 1 });
    await claim('r', T0 + 2);
    expect(await cancel(pending.id, T0 + 3)).toBe(true);
    expect(await cancel(running.id, T0 + 3)).toBe(true);
    expect(await getJob(running.id)).toMatchObject({ status: 'cancelled', lease: null, finishedAt: T0 + 3 });
    expect(await complete(running.id, 'r', commitMarker(running.id), T0 + 4)).toBeNull();
    expect(await marker(running.id)).toBeUndefined();
    expect(await getJob(running.id)).toMatchObject({ status: 'cancelled' });
    expect(await cancel(running.id)).toBe(false);
  });

  it('cancels the jobs that depend on it', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true, illustrate: true }, { now: T0 });
    await cancel(group.story.id, T0 + 1);
    for (const id of [group.audio?.id, group.image?.id]) {
      expect(await getJob(id ?? '')).toMatchObject({
        status: 'cancelled',
        error: { code: 'dependency-cancelled', message: 'Cancelled because the story this depends on was cancelled.' },
      });
    }
  });
});

describe('retry', () => {
  it('re-queues a failed job with attempts reset', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    await claim('r', T0);
    await fail(job.id, 'r', new JobFailure('permanent', 'api-key-invalid', 'Bad key.'), T0 + 1);
    expect(await retry(job.id, T0 + 10)).toBe(true);
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', attempts: 0, error: null, runAfter: T0 + 10, finishedAt: null });
    expect(await claim('r', T0 + 10)).toMatchObject({ id: job.id, attempts: 1 });
    expect(await retry(job.id)).toBe(false);
  });

  it('re-queues the dependants that failed or were cancelled because of it', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true, illustrate: true }, { now: T0 });
    await claim('r', T0);
    await fail(group.story.id, 'r', new JobFailure('permanent', 'safety', 'The story was blocked.'), T0 + 1);
    expect(await getJob(group.audio?.id ?? '')).toMatchObject({
      status: 'failed',
      error: { code: 'dependency-failed', message: 'The story this depends on failed: The story was blocked.' },
    });
    await retry(group.story.id, T0 + 2);
    for (const id of [group.audio?.id, group.image?.id]) {
      expect(await getJob(id ?? '')).toMatchObject({ status: 'pending', waitingFor: 'dependency', error: null });
    }
    await cancel(group.story.id, T0 + 3);
    await retry(group.story.id, T0 + 4);
    expect(await getJob(group.image?.id ?? '')).toMatchObject({ status: 'pending', waitingFor: 'dependency' });
  });

  it('leaves alone a dependant the learner cancelled themselves', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true }, { now: T0 });
    await cancel(group.audio?.id ?? '', T0 + 1);
    await cancel(group.story.id, T0 + 2);
    await retry(group.story.id, T0 + 3);
    expect(await getJob(group.audio?.id ?? '')).toMatchObject({ status: 'cancelled' });
  });
});

describe('dismiss', () => {
  it('removes only finished jobs that nothing unfinished depends on', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true }, { now: T0 });
    expect(await dismiss(group.story.id)).toBe(false); // still pending
    await claim('r', T0);
    await complete(group.story.id, 'r', {}, T0 + 1);
    expect(await dismiss(group.story.id)).toBe(false); // the narration still needs it
    await cancel(group.audio?.id ?? '', T0 + 2);
    expect(await dismiss(group.audio?.id ?? '')).toBe(true);
    expect(await dismiss(group.story.id)).toBe(false); // and so does its word list
    await cancel(group.annotate?.id ?? '', T0 + 3);
    expect(await dismiss(group.annotate?.id ?? '')).toBe(true);
    expect(await dismiss(group.story.id)).toBe(true);
    expect(await db().jobs.count()).toBe(0);
    expect(await dismiss(group.story.id)).toBe(false);
  });
});

describe('prune', () => {
  async function completedJob(at: number) {
    const job = await enqueue('story', storyParams(), { now: at });
    await claim('r', at);
    await complete(job.id, 'r', {}, at);
    return job;
  }

  it('deletes old completed jobs but never one an unfinished (or retryable) job depends on', async () => {
    const old = await completedJob(T0);
    const oldWithNarration = await completedJob(T0 + 1);
    const narration = await enqueue('audio', { storyId: oldWithNarration.id }, { dependsOn: [oldWithNarration.id], now: T0 + 2 });
    const oldWithFailedNarration = await completedJob(T0 + 3);
    const failedNarration = await enqueue('audio', { storyId: oldWithFailedNarration.id }, { dependsOn: [oldWithFailedNarration.id], now: T0 + 4 });
    await claim('r', T0 + 5);
    await claim('r', T0 + 5);
    await fail(failedNarration.id, 'r', new JobFailure('permanent', 'x', 'No voice.'), T0 + 6);
    const recent = await completedJob(T0 + 8 * DAY);
    expect(await prune(T0 + 8 * DAY)).toBe(1);
    expect(await db().jobs.get(old.id)).toBeUndefined();
    for (const id of [oldWithNarration.id, oldWithFailedNarration.id, failedNarration.id, recent.id, narration.id]) {
      expect(await db().jobs.get(id)).toBeDefined();
    }
  });

  it('keeps at most N completed jobs, newest first', async () => {
    const jobs = [];
    for (let i = 0; i < 4; i++) jobs.push(await completedJob(T0 + i));
    expect(await prune(T0 + 10, { keep: 2 })).toBe(2);
    expect((await db().jobs.toArray()).map((j) => j.id).sort()).toEqual([jobs[2]?.id, jobs[3]?.id].sort());
  });
});

describe('dependencies', () => {
  it('a dependant runs only after its dependency completed', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true }, { now: T0 });
    expect(await claim('r', T0)).toMatchObject({ id: group.story.id });
    expect(await claim('r', T0)).toBeNull();
    expect(await getJob(group.audio?.id ?? '')).toMatchObject({ waitingFor: 'dependency' });
    await complete(group.story.id, 'r', {}, T0 + 1);
    expect(await getJob(group.audio?.id ?? '')).toMatchObject({ waitingFor: null });
    // The story's word list is woken too; this looks at the narration only.
    expect(await claim('r', T0 + 1, { types: ['audio'] })).toMatchObject({ id: group.audio?.id, params: { storyId: group.story.id } });
  });

  it('a dependant of a higher priority still waits', async () => {
    const story = await enqueue('story', storyParams(), { now: T0 });
    const audio = await enqueue('audio', { storyId: story.id }, { dependsOn: [story.id], priority: 9, now: T0 });
    expect(await claim('r', T0)).toMatchObject({ id: story.id });
    await complete(story.id, 'r', {}, T0);
    expect(await claim('r', T0)).toMatchObject({ id: audio.id });
  });

  it('fails at claim a dependant whose dependency failed or vanished (safety net)', async () => {
    const story = await enqueue('story', storyParams(), { now: T0 });
    await db().jobs.update(story.id, { status: 'failed', error: { code: 'x', message: 'It broke.', retryable: true } });
    const audio = await enqueue('audio', { storyId: story.id }, { dependsOn: [story.id], now: T0 });
    expect(await claim('r', T0)).toBeNull();
    expect(await getJob(audio.id)).toMatchObject({ status: 'failed', error: { message: 'The story this depends on failed: It broke.' } });
    await retry(audio.id, T0);
    await db().jobs.delete(story.id);
    expect(await claim('r', T0)).toBeNull();
    expect(await getJob(audio.id)).toMatchObject({ status: 'failed', error: { code: 'dependency-missing' } });
  });
});

describe('nextWakeAt', () => {
  it('is the earliest backoff end or lease expiry, ignoring jobs waiting for an event', async () => {
    expect(await nextWakeAt()).toBeNull();
    const a = await enqueue('story', storyParams(), { now: T0 });
    await db().jobs.update(a.id, { runAfter: T0 + 5000, waitingFor: 'backoff' });
    const b = await enqueue('story', storyParams(), { now: T0 });
    await db().jobs.update(b.id, { waitingFor: 'network' });
    expect(await nextWakeAt()).toBe(T0 + 5000);
    await db().jobs.update(b.id, { status: 'processing', lease: { owner: 'x', expiresAt: T0 + 100 } });
    expect(await nextWakeAt()).toBe(T0 + 100);
  });
});
