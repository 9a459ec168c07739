import { describe, expect, it } from 'vitest';
import { claim } from '../../../src/jobs/claim';
import { enqueue } from '../../../src/jobs/enqueue';
import type { TaskOutcome } from '../../../src/jobs/registry';
import { completeOrKeep, STORAGE_RETRY_MS } from '../../../src/jobs/storage-wait';
import { jobStatusText } from '../../../src/ui/queue/describe-job';
import { useTestDb } from '../../support/test-db';
import { commitMarker, getJob, marker, storyParams, T0 } from './helpers';

const db = useTestDb();

async function claimed(now = T0) {
  await enqueue('story', storyParams(), { now });
  const held = await claim('r', now);
  if (!held) throw new Error('expected to claim the job');
  return held;
}

/** A commit that fails the way IndexedDB does on a full disk, as Dexie wraps it. */
function fullDisk(keep?: unknown): TaskOutcome {
  return {
    keep,
    tables: ['syncState'],
    commit: async () => {
      const quota = new DOMException('The disk is full.', 'QuotaExceededError');
      throw Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    },
  };
}

describe('completeOrKeep', () => {
  it('keeps the paid result as checkpoint and waits for space, the attempt given back', async () => {
    const job = await claimed();
    const written = await completeOrKeep(job, 'r', fullDisk({ story: 'paid for' }), T0 + 5, null);
    expect(written).toMatchObject({
      status: 'pending',
      waitingFor: 'storage',
      lease: null,
      attempts: 0,
      checkpoint: { story: 'paid for' },
      runAfter: T0 + 5 + STORAGE_RETRY_MS,
      error: { code: 'storage-full', retryable: true },
    });
    expect(await getJob(job.id)).toEqual(written);
    expect(jobStatusText(await getJob(job.id), T0 + 5)).toBe(
      'The story is ready, but this device is out of storage space to save it. It is kept and saved by itself as soon as ' +
        'there is room: free some space (Settings → Storage lists what each story takes). Checking for space again in 1 min.',
    );
  });

  it('drops the kept copy once the result is written', async () => {
    const job = await claimed();
    await completeOrKeep(job, 'r', fullDisk({ story: 'paid for' }), T0 + 5, null);
    const again = await claim('r2', T0 + 5 + STORAGE_RETRY_MS);
    expect(again?.checkpoint).toEqual({ story: 'paid for' });
    const done = await completeOrKeep(job, 'r2', { ...commitMarker(job.id), keep: { story: 'paid for' } }, T0 + 6 + STORAGE_RETRY_MS, null);
    expect(done).toMatchObject({ status: 'completed', checkpoint: null, waitingFor: null, error: null });
    expect(await marker(job.id)).toBe('done');
  });

  it('without anything to keep, the error goes on to the usual failure (run-job fails the job)', async () => {
    const job = await claimed();
    await expect(completeOrKeep(job, 'r', fullDisk(), T0 + 5, null)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await getJob(job.id)).toMatchObject({ status: 'processing' });
  });

  it('writes nothing for a job that is no longer ours', async () => {
    const job = await claimed();
    await db().jobs.update(job.id, { status: 'cancelled', lease: null });
    expect(await completeOrKeep(job, 'r', fullDisk({ story: 'paid for' }), T0 + 5, null)).toBeNull();
    expect(await getJob(job.id)).toMatchObject({ status: 'cancelled', checkpoint: null });
  });
});
