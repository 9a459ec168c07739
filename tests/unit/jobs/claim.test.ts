import { describe, expect, it } from 'vitest';
import { claim } from '../../../src/jobs/claim';
import { LEASE_MS, MAX_LEASE_LOSSES } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { useTestDb } from '../../support/test-db';
import { getJob, storyParams, T0 } from './helpers';

const db = useTestDb();

describe('claim', () => {
  it('takes the highest priority first, then the oldest', async () => {
    const low = await enqueue('story', storyParams('low'), { now: T0, priority: 0 });
    const highNew = await enqueue('story', storyParams('high new'), { now: T0 + 2, priority: 5 });
    const highOld = await enqueue('story', storyParams('high old'), { now: T0 + 1, priority: 5 });
    const order = [];
    for (let job = await claim('r', T0 + 10); job; job = await claim('r', T0 + 10)) order.push(job.id);
    expect(order).toEqual([highOld.id, highNew.id, low.id]);
  });

  it('sets processing, a lease, attempts + 1, and clears waitingFor', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    await db().jobs.update(job.id, { waitingFor: 'network' });
    const claimed = await claim('runner-a', T0 + 1);
    expect(claimed).toMatchObject({ id: job.id, status: 'processing', lease: { owner: 'runner-a', expiresAt: T0 + 1 + LEASE_MS }, attempts: 1, waitingFor: null });
    expect(await getJob(job.id)).toEqual(claimed);
    expect(await claim('runner-b', T0 + 2)).toBeNull();
  });

  it('waits for runAfter', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    await db().jobs.update(job.id, { runAfter: T0 + 1000 });
    expect(await claim('r', T0 + 999)).toBeNull();
    expect(await claim('r', T0 + 1000)).toMatchObject({ id: job.id });
  });

  it('takes over an expired lease without spending an attempt, but counts the loss', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    await claim('dead', T0);
    expect(await claim('alive', T0 + LEASE_MS - 1)).toBeNull();
    const resumed = await claim('alive', T0 + LEASE_MS);
    expect(resumed).toMatchObject({ id: job.id, lease: { owner: 'alive' }, attempts: 1, leaseLosses: 1 });
  });

  it('fails a job whose runner keeps dying, so it terminates', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    let t = T0;
    await claim('r0', t);
    for (let i = 1; i < MAX_LEASE_LOSSES; i++) {
      t += LEASE_MS;
      expect(await claim(`r${i}`, t)).toMatchObject({ id: job.id, leaseLosses: i });
    }
    t += LEASE_MS;
    expect(await claim('last', t)).toBeNull();
    expect(await getJob(job.id)).toMatchObject({
      status: 'failed',
      lease: null,
      error: { code: 'worker-lost', message: expect.stringContaining(`stopped ${MAX_LEASE_LOSSES} times`) },
    });
  });

  it('re-validates params: a stored row that no longer validates fails permanently, and the next job runs', async () => {
    const broken = await enqueue('story', storyParams('broken'), { now: T0 });
    const fine = await enqueue('story', storyParams('fine'), { now: T0 + 1 });
    // As if written by another app version: the level is one this version does not know.
    await db().jobs.update(broken.id, { params: { topic: 'x', level: 'N6', length: 'short', instructions: '' } as never });
    expect(await claim('r', T0 + 5)).toMatchObject({ id: fine.id });
    expect(await getJob(broken.id)).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-params', retryable: false, message: expect.stringContaining('can no longer run: level') },
    });
  });

  it('claims only the given types and leaves unknown types alone', async () => {
    const story = await enqueue('story', storyParams(), { now: T0 });
    const future = { ...(await getJob(story.id)), id: crypto.randomUUID(), type: 'quiz' as never, createdAt: T0 - 1 };
    await db().jobs.add(future);
    expect(await claim('r', T0 + 1, { types: ['audio'] })).toBeNull();
    expect(await claim('r', T0 + 1, { types: ['story'] })).toMatchObject({ id: story.id });
    expect(await getJob(future.id)).toMatchObject({ status: 'pending' });
  });
});
