import type { JobRow } from '../domain/job';
import type { BackoffOptions } from '../domain/retry-timing';
import { registerRunning } from './abort-registry';
import { NETWORK_SETTLE_MS } from './constants';
import { coerceError, JobFailure } from './errors';
import { fail } from './fail';
import { startHeartbeat } from './heartbeat';
import { ENGINE_CODES, MESSAGES } from './messages';
import { type AnyTaskHandler, runHandler } from './registry';
import { completeOrKeep } from './storage-wait';
import { createTaskContext, lostReason } from './task-context';

export interface RunJobOptions {
  owner: string;
  now: () => number;
  isOnline: () => boolean;
  leaseMs: number;
  heartbeatMs: number;
  jobTimeoutMs: number;
  progressThrottleMs: number;
  retry: BackoffOptions;
  onFault: (failure: JobFailure, jobId: string) => void;
}

/** `settled`: the outcome was written (completed, failed, or pending again). `lost`: nothing was. */
export type JobRunResult = { kind: 'settled'; job: JobRow } | { kind: 'lost'; jobId: string };

/**
 * Waits for the handler, but stops waiting the moment the job is aborted (cancelled or lost) or
 * runs past the timeout: a handler that ignores its signal can delay nothing. Its eventual result
 * is dropped, so its commit never runs.
 */
function raceHandler<T>(work: Promise<T>, controller: AbortController, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(controller.signal.reason);
    const timer = setTimeout(() => {
      const failure = new JobFailure('transient', ENGINE_CODES.timeout, MESSAGES.timeout);
      reject(failure);
      controller.abort(failure);
    }, timeoutMs);
    controller.signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      controller.signal.removeEventListener('abort', onAbort);
    });
  });
}

function online(isOnline: () => boolean): boolean {
  try {
    return isOnline();
  } catch {
    return true; // An unknowable network state must not stop the queue; a real outage shows as errors.
  }
}

/**
 * A request that got no answer at all ("network") often fails a moment before the browser flips
 * `navigator.onLine` (measured by `npm run soak`: 5 of 20 offline trials spent an attempt). Give
 * the flag a short while to catch up before calling it a failure rather than the network going away.
 */
async function onlineAfterNetworkError(isOnline: () => boolean, failure: JobFailure): Promise<boolean> {
  if (failure.code !== 'network') return online(isOnline);
  const end = Date.now() + NETWORK_SETTLE_MS;
  while (online(isOnline)) {
    if (Date.now() >= end) return true;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return false;
}

/**
 * Runs one claimed job to an outcome. We MUST leave the job either settled by `complete`/`fail` or
 * untouched-and-leased: in the latter case (a storage error while writing the outcome) the lease
 * runs out and the next claim recovers it, so the job is never stuck.
 */
export async function runJob(job: JobRow, handler: AnyTaskHandler, options: RunJobOptions): Promise<JobRunResult> {
  const { owner, now } = options;
  const controller = new AbortController();
  const unregister = registerRunning(job.id, controller);
  const heartbeat = startHeartbeat({
    jobId: job.id,
    owner,
    intervalMs: options.heartbeatMs,
    leaseMs: options.leaseMs,
    now,
    onLost: () => controller.abort(lostReason()),
    onFault: (failure) => options.onFault(failure, job.id),
  });
  const running = createTaskContext({
    job,
    owner,
    controller,
    now,
    throttleMs: options.progressThrottleMs,
    onFault: (failure) => options.onFault(failure, job.id),
  });
  try {
    const work = Promise.resolve().then(() => runHandler(handler, running.ctx));
    const outcome = await raceHandler(work, controller, options.jobTimeoutMs);
    await running.flush(); // so no progress write lands after the completed row
    // A full disk keeps paid work for later instead of failing the job (storage-wait.ts).
    const completed = await completeOrKeep(job, owner, outcome, now(), running.latestProgress());
    return completed ? { kind: 'settled', job: completed } : { kind: 'lost', jobId: job.id };
  } catch (error) {
    // Aborted by a cancel or a lost lease: not an error, and the job is not ours to write any more.
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && !(reason instanceof JobFailure)) return { kind: 'lost', jobId: job.id };
    let failure = coerceError(error);
    // A request that failed while the device went offline is waiting for the network, not failing.
    if (failure.kind === 'transient' && !(await onlineAfterNetworkError(options.isOnline, failure))) {
      failure = new JobFailure('offline', failure.code, failure.message, { details: failure.details });
    }
    const written = await fail(job.id, owner, failure, now(), options.retry);
    return written ? { kind: 'settled', job: written } : { kind: 'lost', jobId: job.id };
  } finally {
    heartbeat.stop();
    unregister();
  }
}
