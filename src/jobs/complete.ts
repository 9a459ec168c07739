import type { TableProp, TXWithTables } from 'dexie';
import { getDb, type NihongoDb } from '../db/database';
import { deleteDrafts } from '../db/drafts-repo';
import { JOB_STATUSES, type JobProgress, type JobRow } from '../domain/job-row';
import { dependencyState } from './dependencies';
import { isHeldBy } from './state';

/** Names of the database's tables, as `db.transaction` takes them. */
export type DbTableName = TableProp<NihongoDb>;
/** The transaction a handler's commit runs in: `tx.stories`, `tx.media`, … are typed. */
export type JobTransaction = TXWithTables<NihongoDb>;

/**
 * What a successful handler returns. The engine writes it together with the job's `completed`
 * status in ONE transaction over `jobs` + `tables`, and only if the job is still processing under
 * this runner's lease. So a result is written exactly once, and never over a cancelled job.
 */
export interface TaskOutcome {
  /** Small, structured-cloneable summary kept on the job row (e.g. `{ storyId }`). */
  result?: unknown;
  /** Tables `commit` writes to; `jobs` is always included. */
  tables?: readonly DbTableName[];
  /**
   * Writes the results (story row, summary, media). IndexedDB operations only: awaiting anything
   * else (fetch, timers) lets the transaction auto-commit and the write fails. Throwing aborts the
   * whole transaction: nothing is written and the error is handled like a failed run.
   */
  commit?: (tx: JobTransaction) => Promise<void>;
  /**
   * Paid work the handler can rebuild this outcome from without paying again (a story job: the
   * parsed story). If `commit` hits a full disk, the engine keeps it as the job's checkpoint and
   * tries again later (storage-wait.ts), so the handler must look for it in `ctx.job.checkpoint`.
   * Structured-cloneable; dropped from the row once the outcome is written.
   */
  keep?: unknown;
}

/**
 * Completes a job held by `owner`. Returns the completed row, or null when the job is no longer
 * ours (cancelled meanwhile, or its lease was taken over by another runner): then NOTHING is
 * written, not even the handler's results.
 */
export async function complete(
  jobId: string,
  owner: string,
  outcome: TaskOutcome,
  now: number,
  progress?: JobProgress | null,
): Promise<JobRow | null> {
  const db = getDb();
  // `drafts`: a story's partial text goes in the step that writes the story (drafts-repo.ts).
  const tables = [...new Set<DbTableName>(['jobs', 'drafts', ...(outcome.tables ?? [])])];
  return db.transaction('rw', tables, async (tx) => {
    const job = await tx.jobs.get(jobId);
    if (!isHeldBy(job, owner)) return null;
    if (outcome.commit) await outcome.commit(tx);
    const completed: JobRow = {
      ...job,
      status: JOB_STATUSES.completed,
      lease: null,
      waitingFor: null,
      error: null,
      result: outcome.result ?? null,
      // A kept result is written now: holding a second copy for the 7 days a completed row stays
      // would only take space.
      checkpoint: outcome.keep === undefined ? job.checkpoint : null,
      progress: progress ?? job.progress,
      updatedAt: now,
      finishedAt: now,
    };
    await tx.jobs.put(completed);
    await deleteDrafts([jobId]);
    // Dependants that were waiting only for this job are no longer waiting for anything.
    const dependants = job.hasDependants === false ? [] : await tx.jobs.where('dependsOn').equals(jobId).toArray();
    for (const dependant of dependants) {
      if (dependant.status !== JOB_STATUSES.pending || dependant.waitingFor !== 'dependency') continue;
      if ((await dependencyState(dependant)).kind !== 'waiting') await tx.jobs.put({ ...dependant, waitingFor: null, updatedAt: now });
    }
    return completed;
  });
}
