import type { JobRow, JobType } from '../domain/job';
import type { TaskOutcome } from './complete';

export type { DbTableName, JobTransaction, TaskOutcome } from './complete';

/**
 * The handler interface, which is all the engine knows of the work itself. Handlers (src/tasks/) are
 * registered by the two composition roots, the page (src/app/) and the service worker (src/sw/), by
 * passing them to `runQueue`. A handler:
 * - reads `ctx.job.params` (validated at claim, defaults applied) and `ctx.job.checkpoint` (unknown:
 *   validate it, it may come from another app version);
 * - threads `ctx.signal` into every request, and stops when it aborts (cancel, or the job was lost);
 * - calls `ctx.checkpoint(state)` after each paid step, so a resumed job does not pay for it again;
 * - throws a JobFailure saying what went wrong (transient, offline, invalid-output, permanent);
 * - returns a TaskOutcome whose `commit` writes its results in the job's completing transaction.
 */
export interface TaskContext<T extends JobType> {
  readonly job: JobRow<T>;
  readonly signal: AbortSignal;
  /** Reports progress (written throttled; the latest value is kept on completion). Never throws. */
  progress(done: number, total: number, label: string): void;
  /**
   * Persists resumable state now. Rejects with the abort reason when the job is no longer ours, so
   * a handler that missed the signal still stops at its next step.
   */
  checkpoint(value: unknown): Promise<void>;
  /** The runner's clock (injected in tests). */
  now(): number;
}

export interface TaskHandler<T extends JobType> {
  readonly type: T;
  /** False for work that needs no network; default true (the runner skips it while offline). */
  readonly needsNetwork?: boolean;
  run(ctx: TaskContext<T>): Promise<TaskOutcome>;
}

/** A handler of any one type: what the composition roots pass around in a list. */
export type AnyTaskHandler = { [T in JobType]: TaskHandler<T> }[JobType];

/** Handlers by type; building it rejects two handlers for one type (a wiring mistake). */
export type HandlerRegistry = ReadonlyMap<JobType, AnyTaskHandler>;

export function createRegistry(handlers: readonly AnyTaskHandler[]): HandlerRegistry {
  const byType = new Map<JobType, AnyTaskHandler>();
  for (const handler of handlers) {
    if (byType.has(handler.type)) throw new Error(`Two handlers registered for job type "${handler.type}"`);
    byType.set(handler.type, handler);
  }
  return byType;
}

/** Types the runner may claim: all registered ones online, only network-free ones offline. */
export function claimableTypes(registry: HandlerRegistry, online: boolean): JobType[] {
  return [...registry.values()].filter((h) => online || h.needsNetwork === false).map((h) => h.type);
}

/**
 * Runs the handler registered for the job's type. The job came from `claim`, which only hands out
 * types in the registry, so the handler and job agree on T; TypeScript cannot see that correlation
 * through a Map, hence the one cast.
 */
export function runHandler(handler: AnyTaskHandler, ctx: TaskContext<JobType>): Promise<TaskOutcome> {
  return (handler as TaskHandler<JobType>).run(ctx);
}
