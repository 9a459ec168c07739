import { getDb } from '../../../src/db/database';
import type { JobParamsInput, JobRow, JobType } from '../../../src/domain/job';
import type { LockProvider } from '../../../src/jobs/lock';
import type { TaskContext, TaskHandler, TaskOutcome } from '../../../src/jobs/registry';

/** Shared fixtures of the job-engine tests. Each test still builds its own queue. */

export const T0 = Date.UTC(2025, 0, 15, 8, 0, 0);

/** An injectable clock: the engine reads time only through `now()`. */
export class FakeClock {
  t: number;
  constructor(start = T0) {
    this.t = start;
  }
  readonly now = (): number => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
}

export const storyParams = (topic = 'a rainy day'): JobParamsInput['story'] => ({ topic, level: 'N5', length: 'short' });

/** Two runners sharing a db without a lock: only leases stand between them. */
export const noLock: LockProvider = {
  async tryWithLock(_name, fn) {
    return { acquired: true, value: await fn() };
  },
};

export async function getJob(id: string): Promise<JobRow> {
  const job = await getDb().jobs.get(id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

/** A result row written by a handler's commit, in the job's completing transaction. */
export function commitMarker(jobId: string, value: unknown = 'done'): TaskOutcome {
  return {
    result: { jobId },
    tables: ['syncState'],
    commit: async (tx) => {
      await tx.syncState.put({ key: `result:${jobId}`, value });
    },
  };
}

export async function marker(jobId: string): Promise<unknown> {
  return (await getDb().syncState.get(`result:${jobId}`))?.value;
}

/** A handler whose behaviour each test supplies; it succeeds with a commit marker by default. */
export function handler<T extends JobType>(
  type: T,
  run: (ctx: TaskContext<T>) => Promise<TaskOutcome> = async (ctx) => commitMarker(ctx.job.id),
  extra: { needsNetwork?: boolean } = {},
): TaskHandler<T> {
  return { type, run, ...extra };
}

/** A promise the test resolves by hand, to hold a handler mid-run. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
