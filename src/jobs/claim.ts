import { getDb } from '../db/database';
import { JOB_STATUSES, JOB_TYPES, type JobError, type JobRow, type JobType } from '../domain/job-row';
import { LEASE_MS, MAX_LEASE_LOSSES } from './constants';
import { cascadeCancel, cascadeFailure, cancelledBecauseOf, dependencyState, failedBecauseOf } from './dependencies';
import { ENGINE_CODES, MESSAGES } from './messages';
import { checkParams } from './params';

export interface ClaimOptions {
  /** Only these types are claimed (the runner passes the types it has handlers for, and can run). */
  types?: readonly JobType[];
  /**
   * Look for processing jobs whose lease expired (default true). A runner draining a long queue
   * passes false between periodic checks: dead runners are rare, and the look costs a request.
   */
  recoverExpired?: boolean;
  leaseMs?: number;
}

/** Highest priority first, then oldest, then id so the order is total and deterministic. */
export function runOrder(a: Pick<JobRow, 'id' | 'priority' | 'createdAt'>, b: Pick<JobRow, 'id' | 'priority' | 'createdAt'>): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function failedNow(job: JobRow, now: number, error: JobError): JobRow {
  return { ...job, status: JOB_STATUSES.failed, lease: null, waitingFor: null, updatedAt: now, finishedAt: now, error };
}

/**
 * A processing job whose lease has expired: its runner died (tab closed, worker killed). It goes back
 * to pending with the interrupted attempt refunded (dying was not the job's failure, and the
 * checkpoint lets it resume), but the loss is counted: after MAX_LEASE_LOSSES it fails, so a job
 * that kills its worker every time still terminates.
 */
function recoverExpired(job: JobRow, now: number): JobRow {
  const losses = (job.leaseLosses ?? 0) + 1;
  if (losses >= MAX_LEASE_LOSSES) {
    const error = { code: ENGINE_CODES.workerLost, message: MESSAGES.workerLost(losses), retryable: true };
    return { ...failedNow(job, now, error), leaseLosses: losses };
  }
  return {
    ...job,
    status: JOB_STATUSES.pending,
    lease: null,
    attempts: Math.max(0, job.attempts - 1),
    leaseLosses: losses,
    runAfter: now,
    waitingFor: null,
    updatedAt: now,
  };
}

/**
 * Claims the next runnable job for `owner`, in ONE rw transaction: the highest-priority, oldest job
 * that is pending with `runAfter ≤ now` and every dependency completed, or processing with an
 * expired lease. The claimed row becomes processing with lease `{owner, expiresAt: now + leaseMs}`,
 * attempts + 1 and its params re-validated (stored parsed). On the way it settles what it learns:
 * expired leases are recovered, jobs whose params no longer validate or whose dependency failed
 * fail, and jobs still waiting for a dependency are marked `waitingFor: 'dependency'`.
 * Jobs of types this version does not know are left alone for the version that does.
 * Returns null when nothing is runnable now.
 */
/**
 * Pending job ids in run order, one priority level at a time (highest first, oldest first within
 * a level), read from the [status+priority+createdAt] index: ids only, no row deserialized, so a
 * claim stays cheap with a thousand jobs queued. Priority and createdAt are always numbers, so
 * ±Infinity brackets them all.
 */
async function* pendingIdsInRunOrder(): AsyncGenerator<string> {
  const index = getDb().jobs.where('[status+priority+createdAt]');
  let below = Infinity;
  for (;;) {
    const top = await index.between([JOB_STATUSES.pending, -Infinity, -Infinity], [JOB_STATUSES.pending, below, -Infinity], true, false).last();
    if (top === undefined) return;
    const level = top.priority;
    // In batches: the first id is usually the one claimed, so reading all of them would be waste.
    for (let offset = 0; ; offset += ID_BATCH) {
      const ids = await index
        .between([JOB_STATUSES.pending, level, -Infinity], [JOB_STATUSES.pending, level, Infinity])
        .offset(offset)
        .limit(ID_BATCH)
        .primaryKeys();
      // Ties on createdAt are ordered by id, as runOrder does.
      for (const id of ids) yield String(id);
      if (ids.length < ID_BATCH) break;
    }
    below = level;
  }
}

const ID_BATCH = 16;

/**
 * Processing jobs whose lease ran out go back to pending (or fail after too many losses) before
 * the pending queue is read, so a recovered job takes its place in the normal run order.
 */
async function recoverExpiredLeases(now: number): Promise<void> {
  const db = getDb();
  for (const job of await db.jobs.where('status').equals(JOB_STATUSES.processing).toArray()) {
    if (job.lease !== null && job.lease.expiresAt > now) continue;
    const recovered = recoverExpired(job, now);
    await db.jobs.put(recovered);
    if (recovered.status === JOB_STATUSES.failed) await cascadeFailure(recovered, now);
  }
}

export async function claim(owner: string, now: number, options: ClaimOptions = {}): Promise<JobRow | null> {
  const types = options.types ?? JOB_TYPES;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    if (options.recoverExpired ?? true) await recoverExpiredLeases(now);
    for await (const candidateId of pendingIdsInRunOrder()) {
      // Read each row only when its turn comes (usually the first is taken), and re-read: settling
      // an earlier candidate may have cascaded onto this one within this transaction.
      const job = await db.jobs.get(candidateId);
      if (job === undefined || job.status !== JOB_STATUSES.pending) continue;
      if (job.runAfter > now) continue;
      const deps = await dependencyState(job);
      if (deps.kind === 'waiting') {
        if (job.waitingFor !== 'dependency') await db.jobs.put({ ...job, waitingFor: 'dependency', updatedAt: now });
        continue;
      }
      if (deps.kind !== 'ready') {
        const settled =
          deps.kind === 'failed'
            ? failedBecauseOf(job, deps.dependency, deps.dependency.error?.message ?? MESSAGES.unexpected, now)
            : deps.kind === 'cancelled'
              ? cancelledBecauseOf(job, deps.dependency, now)
              : failedNow(job, now, { code: ENGINE_CODES.dependencyMissing, message: MESSAGES.dependencyMissing, retryable: false });
        await db.jobs.put(settled);
        await (settled.status === JOB_STATUSES.cancelled ? cascadeCancel(settled, now) : cascadeFailure(settled, now));
        continue;
      }
      if (!types.includes(job.type)) continue;
      const params = checkParams(job.type, job.params);
      if (!params.ok) {
        const message = MESSAGES.invalidParams(params.message);
        const failed = failedNow(job, now, { code: ENGINE_CODES.invalidParams, message, retryable: false, details: { issues: params.issues } });
        await db.jobs.put(failed);
        await cascadeFailure(failed, now);
        continue;
      }
      const claimed: JobRow = {
        ...job,
        params: params.value,
        status: JOB_STATUSES.processing,
        lease: { owner, expiresAt: now + leaseMs },
        attempts: job.attempts + 1,
        waitingFor: null,
        updatedAt: now,
      };
      await db.jobs.put(claimed);
      return claimed;
    }
    return null;
  });
}
