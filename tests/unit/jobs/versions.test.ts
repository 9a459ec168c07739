import { describe, expect, it } from 'vitest';
import type { JobParamsInput } from '../../../src/domain/job';
import { claim } from '../../../src/jobs/claim';
import { LEASE_MS } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { runQueue } from '../../../src/jobs/runner';
import { useTestDb } from '../../support/test-db';
import { getJob, handler, noLock, storyParams, T0 } from './helpers';

/**
 * Rows outlive code: during an update, or after a downgrade, a runner can meet a job that newer code
 * wrote. It must leave that job pending for the newer version, untouched, and never strip fields it
 * does not know from params it does understand.
 */
const db = useTestDb();

const OLD = '0.1.0+20261201000000';
const NEW = '0.2.0+20261215000000';

/** Params as a newer version might write them: a field this version has never heard of. */
const withNewField = (): JobParamsInput['story'] => ({ ...storyParams(), tone: 'gentle' }) as JobParamsInput['story'];

describe('job rows across app versions', () => {
  it('stamps the writing version on enqueue and the claiming version on claim', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, version: OLD });
    expect(job.writtenBy).toBe(OLD);
    expect(await claim('r', T0 + 1, { version: NEW })).toMatchObject({ id: job.id, writtenBy: NEW });
  });

  it('an older runner leaves a newer row pending and unchanged; the newer runner takes it', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, version: NEW });
    expect(await claim('old', T0 + 1, { version: OLD })).toBeNull();
    expect(await getJob(job.id)).toEqual(job);
    expect(await claim('new', T0 + 2, { version: NEW })).toMatchObject({ id: job.id, status: 'processing' });
  });

  it('params an older version cannot validate stay pending for the newer one, not failed for ever', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, version: NEW });
    // A value the newer version accepts and this one does not (a level added later).
    await db().jobs.update(job.id, { params: { ...job.params, level: 'N0' } as unknown as typeof job.params });
    expect(await claim('old', T0 + 1, { version: OLD })).toBeNull();
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', error: null });
  });

  it('keeps fields it does not know through enqueue and claim', async () => {
    const job = await enqueue('story', withNewField(), { now: T0 });
    expect(job.params).toMatchObject({ tone: 'gentle', instructions: '' });
    expect((await claim('r', T0 + 1))?.params).toMatchObject({ tone: 'gentle', topic: 'a rainy day' });
    expect((await getJob(job.id)).params).toMatchObject({ tone: 'gentle' });
  });

  it('does not recover a newer runner’s expired lease: the newer version does', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, version: NEW });
    await claim('new-runner', T0, { version: NEW });
    expect(await claim('old', T0 + LEASE_MS + 1, { version: OLD })).toBeNull();
    expect(await getJob(job.id)).toMatchObject({ status: 'processing', lease: { owner: 'new-runner' }, leaseLosses: 0 });
  });

  it('the run loop of an older version runs nothing written by a newer one', async () => {
    const newer = await enqueue('story', storyParams('newer'), { now: T0, version: NEW });
    const older = await enqueue('story', storyParams('older'), { now: T0 + 1, version: OLD });
    const ran: string[] = [];
    const story = handler('story', async (ctx) => {
      ran.push(ctx.job.id);
      return {};
    });
    const result = await runQueue({ owner: 'test', handlers: [story], isOnline: () => true, lock: noLock, version: OLD });
    expect(result).toEqual({ ran: 1, remaining: 1, stoppedBy: 'empty' });
    expect(ran).toEqual([older.id]);
    expect(await getJob(newer.id)).toEqual(newer);
  });
});
