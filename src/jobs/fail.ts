import { getDb } from '../db/database';
import { deleteDrafts } from '../db/drafts-repo';
import { JOB_STATUSES, type JobRow } from '../domain/job-row';
import type { BackoffOptions } from '../domain/retry-timing';
import { cascadeFailure } from './dependencies';
import type { JobFailure } from './errors';
import { DEFAULT_RETRY, decideAfterFailure } from './failure-policy';
import { isHeldBy } from './state';

/**
 * Records a failed run of a job held by `owner`, in one rw transaction. What happens next is
 * `decideAfterFailure` (failure-policy.ts): back to pending (backoff, waiting for the network, or an
 * immediate new try after unreadable output) or failed, which also fails the jobs that depend on it.
 * Returns the written row, or null when the job is no longer ours (cancelled meanwhile, or taken
 * over after our lease expired): then nothing is written, so a late failure cannot undo a cancel.
 */
export async function fail(
  jobId: string,
  owner: string,
  failure: JobFailure,
  now: number,
  retry: BackoffOptions = DEFAULT_RETRY,
): Promise<JobRow | null> {
  const db = getDb();
  return db.transaction('rw', db.jobs, db.drafts, async () => {
    const job = await db.jobs.get(jobId);
    if (!isHeldBy(job, owner)) return null;
    // A new try writes its story from the start; the old try's sentences would be shown as its.
    await deleteDrafts([jobId]);
    const decision = decideAfterFailure(job, failure, now, retry);
    const base = { ...job, lease: null, updatedAt: now, attempts: decision.attempts, invalidOutputs: decision.invalidOutputs, error: decision.error };
    if (decision.status === 'failed') {
      const failed: JobRow = { ...base, status: JOB_STATUSES.failed, waitingFor: null, finishedAt: now };
      await db.jobs.put(failed);
      await cascadeFailure(failed, now);
      return failed;
    }
    // The error stays on the pending row so the Queue can say why it is waiting ("The model is
    // overloaded — trying again in 20 s"); claiming keeps it, completing clears it.
    const pending: JobRow = { ...base, status: JOB_STATUSES.pending, runAfter: decision.runAfter, waitingFor: decision.waitingFor };
    await db.jobs.put(pending);
    return pending;
  });
}
