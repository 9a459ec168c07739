import { getDb } from '../db/database';
import { JOB_STATUSES, type JobRow, type JobStatus } from '../domain/job-row';
import { ENGINE_CODES, MESSAGES } from './messages';
import { ACTIVE_STATUSES } from './state';

/**
 * Dependency propagation, always called inside the caller's rw transaction on `jobs` so the parent's
 * new status and its dependants' change commit together (a learner never sees a failed story with
 * its narration still "waiting"). Walks breadth-first through dependants of dependants.
 */

export type DependencyState =
  | { kind: 'ready' }
  | { kind: 'waiting' }
  | { kind: 'failed'; dependency: JobRow }
  | { kind: 'cancelled'; dependency: JobRow }
  | { kind: 'missing'; dependencyId: string };

/** Where a pending job's dependencies stand; a failed or cancelled one outranks one still running. */
export async function dependencyState(job: JobRow): Promise<DependencyState> {
  if (job.dependsOn.length === 0) return { kind: 'ready' };
  const deps = await getDb().jobs.bulkGet(job.dependsOn);
  let waiting = false;
  for (const [index, dep] of deps.entries()) {
    if (dep === undefined) return { kind: 'missing', dependencyId: job.dependsOn[index] ?? '' };
    if (dep.status === JOB_STATUSES.failed) return { kind: 'failed', dependency: dep };
    if (dep.status === JOB_STATUSES.cancelled) return { kind: 'cancelled', dependency: dep };
    if (dep.status !== JOB_STATUSES.completed) waiting = true;
  }
  return waiting ? { kind: 'waiting' } : { kind: 'ready' };
}

/** The job as failed because `parent` failed; keeps the root cause's message, not a nested chain. */
export function failedBecauseOf(job: JobRow, parent: JobRow, rootMessage: string, now: number): JobRow {
  return {
    ...job,
    status: JOB_STATUSES.failed,
    lease: null,
    waitingFor: null,
    updatedAt: now,
    finishedAt: now,
    error: {
      code: ENGINE_CODES.dependencyFailed,
      message: MESSAGES.dependencyFailed(parent.type, rootMessage),
      retryable: true,
      details: { dependencyId: parent.id },
    },
  };
}

export function cancelledBecauseOf(job: JobRow, parent: JobRow, now: number): JobRow {
  return {
    ...job,
    status: JOB_STATUSES.cancelled,
    lease: null,
    waitingFor: null,
    updatedAt: now,
    finishedAt: now,
    error: {
      code: ENGINE_CODES.dependencyCancelled,
      message: MESSAGES.dependencyCancelled(parent.type),
      retryable: true,
      details: { dependencyId: parent.id },
    },
  };
}

/** Fails every pending job that (transitively) depends on `root`, which has just failed. */
export async function cascadeFailure(root: JobRow, now: number): Promise<JobRow[]> {
  const rootMessage = root.error?.message ?? MESSAGES.unexpected;
  return walkDependants(root, [JOB_STATUSES.pending], (job, parent) => failedBecauseOf(job, parent, rootMessage, now));
}

/** Cancels every unfinished job that (transitively) depends on `root`, which has just been cancelled. */
export async function cascadeCancel(root: JobRow, now: number): Promise<JobRow[]> {
  // A processing dependant cannot normally exist (it would need `root` completed); if one does, it
  // goes too, and its runner learns it from the abort registry or its heartbeat.
  return walkDependants(root, ACTIVE_STATUSES, (job, parent) => cancelledBecauseOf(job, parent, now));
}

async function walkDependants(
  root: JobRow,
  statuses: readonly JobStatus[],
  change: (job: JobRow, parent: JobRow) => JobRow,
): Promise<JobRow[]> {
  const jobs = getDb().jobs;
  const changed: JobRow[] = [];
  const queue: JobRow[] = [root];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    const dependants = await jobs.where('dependsOn').equals(parent.id).toArray();
    for (const job of dependants) {
      if (!statuses.includes(job.status)) continue;
      const next = change(job, parent);
      await jobs.put(next);
      changed.push(next);
      queue.push(next);
    }
  }
  return changed;
}
