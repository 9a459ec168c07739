import { getDb } from '../db/database';
import { JOB_STATUSES, type JobRow, type JobType, queueRank } from '../domain/job-row';
import type { JobParamsInput } from '../domain/job';
import { newId } from '../domain/ids';
import { APP_VERSION } from '../domain/worker-protocol';
import { DEFAULT_MAX_ATTEMPTS } from './constants';
import { JobFailure } from './errors';
import { ENGINE_CODES, MESSAGES } from './messages';
import { checkParams } from './params';

export interface EnqueueOptions {
  /** Jobs that must complete first (they must exist already). */
  dependsOn?: readonly string[];
  /** Higher runs first; ties run oldest first. Default 0. */
  priority?: number;
  groupId?: string | null;
  maxAttempts?: number;
  /** Defaults to a new uuid. Enqueueing an id that exists returns the existing job unchanged. */
  id?: string;
  /** Clock override (epoch ms), for tests and callers that already read the clock. */
  now?: number;
  /** The app version that writes the row (default this build's); another context's when it sent them. */
  version?: string;
}

/**
 * Builds a pending row. Params are validated with the type's schema and stored parsed (defaults
 * filled in); invalid params throw a permanent JobFailure `invalid-params` whose `details.issues`
 * lists every problem, so a form can show them inline.
 */
export function buildJobRow<T extends JobType>(type: T, params: JobParamsInput[T], options: EnqueueOptions = {}): JobRow<T> {
  const checked = checkParams(type, params);
  if (!checked.ok) {
    throw new JobFailure('permanent', ENGINE_CODES.invalidParams, checked.message, { details: { issues: checked.issues } });
  }
  const now = options.now ?? Date.now();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  const priority = options.priority ?? 0;
  if (!Number.isFinite(priority)) throw new RangeError(`priority must be a finite number, got ${priority}`);
  return {
    id: options.id ?? newId(),
    type,
    params: checked.value,
    status: JOB_STATUSES.pending,
    priority,
    rank: queueRank(priority),
    createdAt: now,
    updatedAt: now,
    runAfter: now,
    attempts: 0,
    maxAttempts,
    lease: null,
    progress: null,
    checkpoint: null,
    result: null,
    error: null,
    dependsOn: [...new Set(options.dependsOn ?? [])],
    waitingFor: null,
    groupId: options.groupId ?? null,
    finishedAt: null,
    invalidOutputs: 0,
    leaseLosses: 0,
    hasDependants: false,
    writtenBy: options.version ?? APP_VERSION,
  };
}

/**
 * Inserts rows in one transaction, in order. A row may depend only on jobs that exist already or
 * come earlier in the same batch, which also makes dependency cycles impossible. A row whose id
 * exists is not written again (the stored one is returned), so a repeated request is harmless.
 */
export async function insertJobs(rows: readonly JobRow[]): Promise<JobRow[]> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const stored: JobRow[] = [];
    const batch = new Map<string, JobRow>();
    for (const row of rows) {
      const existing = await db.jobs.get(row.id);
      if (existing !== undefined) {
        if (existing.type !== row.type) {
          throw new JobFailure('permanent', 'id-conflict', `A ${existing.type} job with id ${row.id} already exists.`);
        }
        stored.push(existing);
        batch.set(existing.id, existing);
        continue;
      }
      let waiting = false;
      for (const depId of row.dependsOn) {
        const dep = batch.get(depId) ?? (await db.jobs.get(depId));
        if (dep === undefined || depId === row.id) {
          throw new JobFailure('permanent', ENGINE_CODES.dependencyMissing, MESSAGES.dependencyMissing, { details: { dependsOn: depId } });
        }
        if (dep.status !== JOB_STATUSES.completed) waiting = true;
        if (dep.hasDependants !== true) {
          // Recorded so completing the dependency knows it has someone to wake.
          const marked = { ...dep, hasDependants: true };
          await db.jobs.put(marked);
          batch.set(depId, marked);
          const earlier = stored.findIndex((r) => r.id === depId);
          if (earlier >= 0) stored[earlier] = marked;
        }
      }
      const toStore: JobRow = { ...row, waitingFor: waiting ? 'dependency' : null };
      await db.jobs.add(toStore);
      stored.push(toStore);
      batch.set(toStore.id, toStore);
    }
    return stored;
  });
}

/** Queues one job. `enqueue('story', {...})` type-checks the params against the story schema. */
export async function enqueue<T extends JobType>(type: T, params: JobParamsInput[T], options: EnqueueOptions = {}): Promise<JobRow<T>> {
  const [stored] = await insertJobs([buildJobRow(type, params, options)]);
  // insertJobs returns one row per input row, and the id check guarantees the same type.
  return stored as JobRow<T>;
}
