import { getDb } from '../db/database';
import { deleteDrafts } from '../db/drafts-repo';
import { JOB_STATUSES, type JobRow } from '../domain/job-row';
import { abortRunning } from './abort-registry';
import { cascadeCancel } from './dependencies';

/**
 * Cancels a pending or processing job and, with it, every unfinished job that depends on it (the
 * narration of a story that will not be written). Returns false when the job is missing or already
 * finished. The rows change in one transaction; then the runner working on any of them is told to
 * abort: at once in this context and in other contexts reached by BroadcastChannel, and in any case
 * within a heartbeat, because its next lease renewal finds the job no longer processing-by-it. Even a
 * runner that never hears of it cannot write a late result: `complete` re-checks the status.
 */
export async function cancel(jobId: string, now: number = Date.now()): Promise<boolean> {
  const db = getDb();
  const cancelled = await db.transaction('rw', db.jobs, db.drafts, async () => {
    const job = await db.jobs.get(jobId);
    if (job === undefined || (job.status !== JOB_STATUSES.pending && job.status !== JOB_STATUSES.processing)) return [];
    // error cleared: a leftover "retrying in 20 s" would read as if the job had failed.
    const row: JobRow = { ...job, status: JOB_STATUSES.cancelled, lease: null, waitingFor: null, error: null, updatedAt: now, finishedAt: now };
    await db.jobs.put(row);
    const rows = [row, ...(await cascadeCancel(row, now))];
    await deleteDrafts(rows.map((r) => r.id));
    return rows;
  });
  if (cancelled.length === 0) return false;
  abortRunning(cancelled.map((job) => job.id));
  return true;
}
