import { getDb } from '../db/database';
import type { JobProgress, JobRow } from '../domain/job';
import { coerceError, type JobFailure } from './errors';
import type { TaskContext } from './registry';
import { isHeldBy } from './state';

/** Writes a field of a job held by `owner`; false (nothing written) when it is no longer ours. */
async function writeHeld(jobId: string, owner: string, patch: Partial<JobRow>): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!isHeldBy(job, owner)) return false;
    await db.jobs.put({ ...job, ...patch });
    return true;
  });
}

export function lostReason(): DOMException {
  return new DOMException('The job is no longer held by this runner.', 'AbortError');
}

export interface ContextOptions {
  job: JobRow;
  owner: string;
  controller: AbortController;
  now: () => number;
  throttleMs: number;
  onFault: (failure: JobFailure) => void;
}

export interface RunningContext {
  ctx: TaskContext<JobRow['type']>;
  /** The last progress the handler reported, written or not: `complete` stores it. */
  latestProgress(): JobProgress | null;
  /** Resolves when the progress writes started so far are done. */
  flush(): Promise<void>;
}

/**
 * The context handed to a handler. Progress is throttled (at most one write per `throttleMs`, and
 * always the final `done === total`), written in order, and never throws into the handler: a
 * progress bar is not worth failing a job over. A checkpoint is written at once and awaited,
 * because the handler relies on it to resume.
 */
export function createTaskContext(options: ContextOptions): RunningContext {
  const { job, owner, controller, now } = options;
  let latest: JobProgress | null = job.progress;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let writes: Promise<void> = Promise.resolve();

  const lose = () => {
    if (!controller.signal.aborted) controller.abort(lostReason());
  };

  const ctx: TaskContext<JobRow['type']> = {
    job,
    signal: controller.signal,
    now,
    progress(done, total, label) {
      latest = { done, total, label };
      const at = now();
      if (at - lastWriteAt < options.throttleMs && done < total) return;
      lastWriteAt = at;
      const value = latest;
      writes = writes
        .then(async () => {
          if (!(await writeHeld(job.id, owner, { progress: value, updatedAt: now() }))) lose();
        })
        .catch((error: unknown) => options.onFault(coerceError(error)));
    },
    async checkpoint(value) {
      controller.signal.throwIfAborted();
      const written = await writeHeld(job.id, owner, { checkpoint: value, updatedAt: now() });
      if (!written) {
        lose();
        controller.signal.throwIfAborted();
      }
    },
  };
  return { ctx, latestProgress: () => latest, flush: () => writes };
}
