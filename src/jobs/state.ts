import { JOB_STATUSES, type JobRow, type JobStatus, type JobType } from '../domain/job-row';

/**
 * The job state machine. Each transition is one storage operation in its own file, and each runs in
 * one Dexie read-write transaction that re-reads the row first, so two contexts can never both act
 * on the same state.
 *
 *   (new) ──enqueue──► pending ──claim──► processing ──complete──► completed
 *
 * From processing, `fail` decides by the error's kind (failure-policy.ts `decideAfterFailure`):
 * - transient → pending, waitingFor 'backoff', runAfter = now + jittered delay (or the server's
 *   retry-after, whichever is later); once attempts reach maxAttempts → failed;
 * - offline → pending, waitingFor 'network', the attempt refunded; the runner stops claiming
 *   network jobs until it is online again;
 * - invalid-output → pending again at once, at most MAX_INVALID_OUTPUT_TRIES times → failed;
 * - permanent → failed at once.
 * A full disk while completing a job whose outcome has something to `keep` (a paid story) is not a
 * failure: the job goes back to pending, waitingFor 'storage', with the result as its checkpoint
 * (storage-wait.ts), and is saved without a new paid call once there is room.
 * A processing job whose lease expired (its runner died) is turned back into pending by the next
 * `claim`: the interrupted attempt is refunded but a lease loss is counted, and after
 * MAX_LEASE_LOSSES the job fails instead.
 *
 * `cancel`: pending | processing → cancelled (and its dependants with it).
 * `retry`: failed | cancelled → pending with attempts reset (and dependants that failed or were
 * cancelled because of it). `dismiss`: completed | failed | cancelled → row deleted. `prune`:
 * old completed → row deleted.
 *
 * Invariants:
 * - Only the lease holder writes a processing job's outcome (`complete`, `fail`, progress,
 *   checkpoint); every such write checks `status === processing && lease.owner === owner` inside its
 *   transaction and writes nothing otherwise. That is what makes results exactly-once and keeps a
 *   cancelled job cancelled.
 * - A pending job with dependencies runs only once all of them are completed. A dependency that
 *   fails fails its dependants; one that is cancelled cancels them.
 * - Every path terminates: attempts bound transient failures, MAX_INVALID_OUTPUT_TRIES bounds
 *   unreadable answers, MAX_LEASE_LOSSES bounds crashes; offline spends nothing but pauses the runner.
 */

export const FINISHED_STATUSES: readonly JobStatus[] = [
  JOB_STATUSES.completed,
  JOB_STATUSES.failed,
  JOB_STATUSES.cancelled,
];
export const ACTIVE_STATUSES: readonly JobStatus[] = [JOB_STATUSES.pending, JOB_STATUSES.processing];

export function isFinished(status: JobStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** True when `owner` may write this job's outcome: it is processing under `owner`'s lease. */
export function isHeldBy(job: JobRow | undefined, owner: string): job is JobRow {
  return job?.status === JOB_STATUSES.processing && job.lease?.owner === owner;
}

/** What the learner sees a job as: used in dependant messages ("The story this depends on…"). */
export const JOB_NOUNS: Record<JobType, string> = {
  story: 'story',
  audio: 'narration',
  image: 'illustration',
  annotate: 'word list',
  explain: 'grammar note',
};
