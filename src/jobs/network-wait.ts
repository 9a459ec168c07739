import { getDb } from '../db/database';
import { JOB_STATUSES, type JobType } from '../domain/job-row';
import { dependencyState } from './dependencies';

/**
 * Called by a runner that is offline and found nothing it can run without the network: marks the
 * jobs that would run now but for the network as `waitingFor: 'network'`, so the Queue says why they
 * are not moving. Returns how many there are (0 means the queue is really empty for now).
 */
export async function markWaitingForNetwork(now: number, types: readonly JobType[]): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const pending = await db.jobs.where('status').equals(JOB_STATUSES.pending).toArray();
    let count = 0;
    for (const job of pending) {
      if (job.runAfter > now || !types.includes(job.type)) continue;
      if ((await dependencyState(job)).kind !== 'ready') continue;
      count += 1;
      if (job.waitingFor !== 'network') await db.jobs.put({ ...job, waitingFor: 'network', updatedAt: now });
    }
    return count;
  });
}
