import { getDb } from '../db/database';
import { JOB_STATUSES, type JobRow } from '../domain/job-row';
import { dependencyState } from './dependencies';
import { ENGINE_CODES } from './messages';

/** Fresh counters and a clean slate; the checkpoint is kept so finished steps are not paid twice. */
async function requeued(job: JobRow, now: number): Promise<JobRow> {
  const waiting = (await dependencyState(job)).kind === 'waiting';
  return {
    ...job,
    status: JOB_STATUSES.pending,
    attempts: 0,
    invalidOutputs: 0,
    leaseLosses: 0,
    error: null,
    lease: null,
    runAfter: now,
    finishedAt: null,
    waitingFor: waiting ? 'dependency' : null,
    updatedAt: now,
  };
}

/** True when `job` failed or was cancelled only because `parentId` did. */
function settledBecauseOf(job: JobRow, parentId: string): boolean {
  const code = job.error?.code;
  const cause = job.error?.details?.dependencyId;
  if (cause !== parentId) return false;
  return (
    (job.status === JOB_STATUSES.failed && code === ENGINE_CODES.dependencyFailed) ||
    (job.status === JOB_STATUSES.cancelled && code === ENGINE_CODES.dependencyCancelled)
  );
}

/**
 * Re-queues a failed or cancelled job: pending, attempts reset, error cleared, runnable now. The
 * jobs that failed or were cancelled only because of it (its narration, its illustration) are
 * re-queued with it, in the same transaction, and wait for it again. Returns false when the job is
 * missing or not failed/cancelled.
 */
export async function retry(jobId: string, now: number = Date.now()): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (job === undefined || (job.status !== JOB_STATUSES.failed && job.status !== JOB_STATUSES.cancelled)) return false;
    await db.jobs.put(await requeued(job, now));
    const parents = [jobId];
    for (let parentId = parents.shift(); parentId !== undefined; parentId = parents.shift()) {
      for (const dependant of await db.jobs.where('dependsOn').equals(parentId).toArray()) {
        if (!settledBecauseOf(dependant, parentId)) continue;
        await db.jobs.put(await requeued(dependant, now));
        parents.push(dependant.id);
      }
    }
    return true;
  });
}
