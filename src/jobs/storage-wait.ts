import { getDb } from '../db/database';
import { isQuotaError } from '../domain/error-kinds';
import { JOB_STATUSES, type JobProgress, type JobRow } from '../domain/job-row';
import { complete, type TaskOutcome } from './complete';
import { JobFailure } from './errors';
import { fail } from './fail';
import { ENGINE_CODES, MESSAGES } from './messages';
import { isHeldBy } from './state';

/**
 * Paid work is never thrown away because the disk is full. A story costs a Gemini call; when its
 * completing transaction hits a QuotaExceededError, failing the job (what any other write error
 * does) would discard the story, and Retry would pay for a new one. Instead:
 *
 * 1. the outcome's `keep` (the parsed story) is written as the job's checkpoint, and the job goes
 *    back to pending, `waitingFor: 'storage'`, the attempt given back (a full disk is not the job's
 *    fault), to be tried again every STORAGE_RETRY_MS. The handler finds the story in its
 *    checkpoint and makes no new call, so every retry is a few local writes, free of charge; it
 *    succeeds as soon as the learner (or the browser) frees space. No bound: it costs nothing to
 *    wait, and giving up would throw the story away; Cancel is there if the learner wants that.
 * 2. If even that write fails (the story row and the checkpoint are about the same size, so a disk
 *    that refused one may refuse the other), the job fails at once, retryable, saying so: a job
 *    left pending would call Gemini again on every retry and pay each time for a story it cannot
 *    keep. Failing writes only the small error, in place of the same row.
 * 3. If that fails too, nothing could be written at all: the error goes to the runner, which leaves
 *    the job leased; the lease runs out and the loss is counted (a bounded number of tries).
 */

/** How often a kept result is tried again: a full disk is freed by a person, not in seconds. */
export const STORAGE_RETRY_MS = 60_000;

/** `complete`, except that a full disk keeps `outcome.keep` instead of losing it (see above). */
export async function completeOrKeep(
  job: JobRow,
  owner: string,
  outcome: TaskOutcome,
  now: number,
  progress: JobProgress | null,
): Promise<JobRow | null> {
  try {
    return await complete(job.id, owner, outcome, now, progress);
  } catch (error) {
    if (!isQuotaError(error) || outcome.keep === undefined) throw error;
    try {
      return await keepUntilSpace(job.id, owner, outcome.keep, now);
    } catch (keepError) {
      if (!isQuotaError(keepError)) throw keepError;
      const failure = new JobFailure('permanent', ENGINE_CODES.storageFull, MESSAGES.notKept(job.type), {
        details: { kept: false },
      });
      return fail(job.id, owner, failure, now);
    }
  }
}

/** Step 1: pending again with the result as checkpoint. Null when the job is no longer ours. */
async function keepUntilSpace(jobId: string, owner: string, keep: unknown, now: number): Promise<JobRow | null> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!isHeldBy(job, owner)) return null;
    const waiting: JobRow = {
      ...job,
      status: JOB_STATUSES.pending,
      lease: null,
      checkpoint: keep,
      attempts: Math.max(0, job.attempts - 1),
      runAfter: now + STORAGE_RETRY_MS,
      waitingFor: 'storage',
      error: { code: ENGINE_CODES.storageFull, message: MESSAGES.keptUntilSpace(job.type), retryable: true, details: { kept: true } },
      updatedAt: now,
    };
    await db.jobs.put(waiting);
    return waiting;
  });
}
