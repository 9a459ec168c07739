import { getDb } from '../db/database';
import { deleteOrphanDrafts } from '../db/drafts-repo';
import { pruneSyncLeftovers } from '../db/retention-repo';
import { JOB_STATUSES } from '../domain/job-row';
import { COMPLETED_RETENTION_MS, MAX_COMPLETED_KEPT } from './constants';

export interface PruneOptions {
  /** Completed jobs finished longer ago than this are deleted. Default 7 days. */
  completedRetentionMs?: number;
  /** At most this many completed jobs are kept (the most recently finished). Default 200. */
  keep?: number;
}

/**
 * Deletes old completed jobs (their stories and media stay: those live in their own tables). Never
 * deletes a job that another, not completed job depends on, including failed and cancelled ones,
 * because those can be retried and would then find their dependency gone. Failed and cancelled jobs
 * themselves stay until the learner dismisses them. Returns how many rows were deleted.
 */
export async function prune(now: number, options: PruneOptions = {}): Promise<number> {
  const retention = options.completedRetentionMs ?? COMPLETED_RETENTION_MS;
  const keep = options.keep ?? MAX_COMPLETED_KEPT;
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const protectedIds = new Set<string>();
    await db.jobs
      .where('status')
      .noneOf([JOB_STATUSES.completed])
      .each((job) => {
        for (const id of job.dependsOn) protectedIds.add(id);
      });
    const completed = await db.jobs.where('status').equals(JOB_STATUSES.completed).toArray();
    const finished = (job: (typeof completed)[number]) => job.finishedAt ?? job.updatedAt;
    completed.sort((a, b) => finished(b) - finished(a));
    const doomed = completed
      .filter((job, rank) => rank >= keep || finished(job) < now - retention)
      .filter((job) => !protectedIds.has(job.id))
      .map((job) => job.id);
    await db.jobs.bulkDelete(doomed);
    return doomed.length;
  });
}

/**
 * What every runner does after a drain, wherever it runs: the service worker (src/sw/drain.ts) and
 * the page runner of browsers without Background Sync (src/app/page-runner.ts). One function, so a
 * Firefox or Safari device is kept as tidy as a Chromium one (before, only the worker pruned):
 * old completed jobs (above), then old tombstones and rejected outbox rows (db/retention-repo.ts:
 * 90 and 30 days, never a tombstone whose deletion is still to be pushed), then drafts whose job no
 * longer runs.
 *
 * Each part runs on its own and never throws: tidying up is not worth failing a drain (or a sync
 * event, which the browser would then retry) over; the next drain tries again.
 */
export async function pruneAfterDrain(now: number = Date.now()): Promise<void> {
  await prune(now).catch((error: unknown) => console.warn('Pruning old jobs failed', error));
  await pruneSyncLeftovers(now).catch((error: unknown) => console.warn('Pruning old sync records failed', error));
  await deleteOrphanDrafts().catch((error: unknown) => console.warn('Pruning left-over drafts failed', error));
}
