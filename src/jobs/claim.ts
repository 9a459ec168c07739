import { getDb } from '../db/database';
import { JOB_STATUSES, JOB_TYPES, type JobError, type JobRow, type JobType } from '../domain/job-row';
import { APP_VERSION, isNewerVersion } from '../domain/worker-protocol';
import { LEASE_MS, MAX_LEASE_LOSSES } from './constants';
import { cascadeCancel, cascadeFailure, cancelledBecauseOf, dependencyState, failedBecauseOf } from './dependencies';
import { type RunLockSnapshot, runLockName, runOf } from './lock';
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
  /**
   * Run locks held just before this claim (taken outside the transaction: awaiting anything but
   * IndexedDB inside it would end it). A processing job whose run lock is not held lost its runner
   * and is recovered at once. Null or absent: only an expired lease counts.
   */
  runLocks?: RunLockSnapshot | null;
  /** The claiming code's app version (default this build's): rows a newer version wrote are left alone. */
  version?: string;
}

/** Written by newer code: this version may not understand the row, so it neither runs nor edits it. */
function isFromNewerVersion(job: JobRow, version: string): boolean {
  return isNewerVersion(job.writtenBy ?? '', version);
}

/**
 * The lease's runner is known dead: its run lock is free. A lease claimed or renewed at or after the
 * snapshot belongs to a runner the snapshot may not have seen, so only older leases are judged.
 */
function runnerIsGone(lease: NonNullable<JobRow['lease']>, locks: RunLockSnapshot | null, leaseMs: number): boolean {
  if (locks === null) return false;
  if (lease.expiresAt - leaseMs >= locks.at) return false;
  return !locks.held.has(runLockName(runOf(lease.owner)));
}

function failedNow(job: JobRow, now: number, error: JobError): JobRow {
  return { ...job, status: JOB_STATUSES.failed, lease: null, waitingFor: null, updatedAt: now, finishedAt: now, error };
}

/**
 * A processing job whose lease has expired or whose runner is gone (tab closed, worker killed). It goes back
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

/** Pending rows read per request: the first is usually the one claimed. */
const BATCH = 8;

type Verdict = { kind: 'claimed'; job: JobRow } | { kind: 'skipped' } | { kind: 'settled' };

/**
 * Processing jobs whose lease ran out go back to pending (or fail after too many losses) before
 * the pending queue is read, so a recovered job takes its place in the normal run order.
 */
async function recoverExpiredLeases(now: number, c: Claimer): Promise<void> {
  const db = getDb();
  for (const job of await db.jobs.where('status').equals(JOB_STATUSES.processing).toArray()) {
    if (isFromNewerVersion(job, c.version)) continue;
    if (job.lease !== null && job.lease.expiresAt > now && !runnerIsGone(job.lease, c.runLocks, c.leaseMs)) continue;
    const recovered = recoverExpired(job, now);
    await db.jobs.put(recovered);
    if (recovered.status === JOB_STATUSES.failed) await cascadeFailure(recovered, now);
  }
}

interface Claimer {
  owner: string;
  now: number;
  leaseMs: number;
  types: readonly JobType[];
  version: string;
  runLocks: RunLockSnapshot | null;
}

/** Decides one pending row: claim it, skip it (not runnable yet), or settle it (it can never run). */
async function consider(job: JobRow, c: Claimer): Promise<Verdict> {
  const db = getDb();
  const { now } = c;
  // Before anything else, so not even `waitingFor` is written to a row this code may misread.
  if (isFromNewerVersion(job, c.version)) return { kind: 'skipped' };
  if (job.runAfter > now) return { kind: 'skipped' };
  const deps = await dependencyState(job);
  if (deps.kind === 'waiting') {
    if (job.waitingFor !== 'dependency') await db.jobs.put({ ...job, waitingFor: 'dependency', updatedAt: now });
    return { kind: 'skipped' };
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
    return { kind: 'settled' };
  }
  if (!c.types.includes(job.type)) return { kind: 'skipped' };
  const params = checkParams(job.type, job.params);
  if (!params.ok) {
    const message = MESSAGES.invalidParams(params.message);
    const failed = failedNow(job, now, { code: ENGINE_CODES.invalidParams, message, retryable: false, details: { issues: params.issues } });
    await db.jobs.put(failed);
    await cascadeFailure(failed, now);
    return { kind: 'settled' };
  }
  const claimed: JobRow = {
    ...job,
    params: params.value,
    status: JOB_STATUSES.processing,
    lease: { owner: c.owner, expiresAt: now + c.leaseMs },
    attempts: job.attempts + 1,
    waitingFor: null,
    updatedAt: now,
    // The params are stored as this version parsed them (defaults it knows filled in).
    writtenBy: c.version,
  };
  await db.jobs.put(claimed);
  return { kind: 'claimed', job: claimed };
}

/**
 * Claims the next runnable job for `owner`, in ONE rw transaction: the highest-priority, oldest job
 * that is pending with `runAfter ≤ now` and every dependency completed, or processing with an
 * expired lease or a dead runner (`runLocks`). The claimed row becomes processing with lease `{owner, expiresAt: now + leaseMs}`,
 * attempts + 1 and its params re-validated (stored parsed). On the way it settles what it learns:
 * expired leases are recovered, jobs whose params no longer validate or whose dependency failed
 * fail, and jobs still waiting for a dependency are marked `waitingFor: 'dependency'`.
 * Jobs of types this version does not know, and rows a newer version wrote, are left alone (pending)
 * for the version that understands them.
 * Returns null when nothing is runnable now.
 */
export async function claim(owner: string, now: number, options: ClaimOptions = {}): Promise<JobRow | null> {
  const claimer: Claimer = {
    owner,
    now,
    leaseMs: options.leaseMs ?? LEASE_MS,
    types: options.types ?? JOB_TYPES,
    version: options.version ?? APP_VERSION,
    runLocks: options.runLocks ?? null,
  };
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    if (options.recoverExpired ?? true) await recoverExpiredLeases(now, claimer);
    // The [status+rank+createdAt] index is the run order: rank = −priority, then oldest first
    // (ties by id: IndexedDB orders equal keys by primary key). ±Infinity brackets every number.
    const pending = db.jobs
      .where('[status+rank+createdAt]')
      .between([JOB_STATUSES.pending, -Infinity, -Infinity], [JOB_STATUSES.pending, Infinity, Infinity]);
    for (let offset = 0; ; ) {
      const rows = await pending.clone().offset(offset).limit(BATCH).toArray();
      let settledOne = false;
      for (const row of rows) {
        const verdict = await consider(row, claimer);
        if (verdict.kind === 'claimed') return verdict.job;
        // A settled row left the pending index and may have cascaded onto rows read with it:
        // read the queue again from its start.
        if (verdict.kind === 'settled') {
          settledOne = true;
          break;
        }
      }
      if (settledOne) offset = 0;
      else if (rows.length < BATCH) return null;
      else offset += BATCH;
    }
  });
}
