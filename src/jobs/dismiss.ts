import { getDb } from '../db/database';
import { ACTIVE_STATUSES, isFinished } from './state';

/**
 * Removes a finished job (completed, failed or cancelled) from the queue. Refuses (returns false)
 * when the job is missing, still active, or an unfinished job depends on it: removing it would
 * leave that job waiting for something that no longer exists. The results a completed job wrote
 * (the story, its media) live in their own tables and are untouched.
 */
export async function dismiss(jobId: string): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (job === undefined || !isFinished(job.status)) return false;
    const dependants = await db.jobs.where('dependsOn').equals(jobId).toArray();
    if (dependants.some((d) => ACTIVE_STATUSES.includes(d.status))) return false;
    await db.jobs.delete(jobId);
    return true;
  });
}
