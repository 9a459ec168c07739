import type { JobRow } from '../domain/job';
import type { BackoffOptions } from '../domain/retry-timing';
import { listenForCancels } from './abort-registry';
import { claim } from './claim';
import { HEARTBEAT_MS, JOB_TIMEOUT_MS, LEASE_MS, LOCK_NAME, PROGRESS_THROTTLE_MS } from './constants';
import { coerceError, type JobFailure } from './errors';
import { DEFAULT_RETRY } from './failure-policy';
import { clearLockHolder, defaultLockProvider, type LockProvider, recordLockHolder, runLockName, snapshotRunLocks } from './lock';
import { markWaitingForNetwork } from './network-wait';
import { type AnyTaskHandler, claimableTypes, createRegistry } from './registry';
import { runJob } from './run-job';
import { countActive } from './wake';

export type RunnerEvent =
  | { kind: 'claimed'; job: JobRow }
  /** The outcome was written: completed, failed, or pending again (backoff, network, new try). */
  | { kind: 'settled'; job: JobRow }
  /** Cancelled meanwhile or taken over by another runner: nothing was written. */
  | { kind: 'lost'; jobId: string }
  /** Something went wrong around a job (storage, heartbeat); the loop goes on. */
  | { kind: 'fault'; failure: JobFailure; jobId: string | null };

export interface RunQueueOptions {
  /** Who runs: 'page' or 'sw'. Suffixed per run (and per claim for leases), so leases never collide. */
  owner: string;
  handlers: readonly AnyTaskHandler[];
  isOnline: () => boolean;
  /** Stop claiming at this epoch ms (Chrome gives a sync event 3 minutes). Running jobs finish. */
  deadline?: number;
  /**
   * Asked before every claim: true once newer code is around (a newer page or worker, or an update
   * the learner accepted). The job in hand finishes; no new one is claimed by outdated code.
   */
  superseded?: () => boolean;
  /** Also asked which run locks are held, so a dead runner's job is taken over at once. */
  lock?: LockProvider;
  /** This code's app version (default this build's): rows a newer version wrote are left to it. */
  version?: string;
  now?: () => number;
  onEvent?: (event: RunnerEvent) => void;
  leaseMs?: number;
  heartbeatMs?: number;
  jobTimeoutMs?: number;
  progressThrottleMs?: number;
  retry?: Partial<BackoffOptions>;
}

export interface RunResult {
  ran: number;
  /** Jobs still pending or processing when the run stopped (in backoff, waiting, or elsewhere). */
  remaining: number;
  stoppedBy: 'empty' | 'deadline' | 'offline' | 'lock-busy' | 'superseded';
}

/**
 * Drains the queue: claims and runs one job at a time until nothing is runnable, the deadline
 * passes, or the device is offline. Guarded by the runner lock (a Web Lock across tabs and the
 * worker), so a second caller returns `lock-busy` at once and leaves the draining to the holder.
 * Handler errors and listener faults never end the loop; only a failing `claim` (storage itself
 * broken) rejects, after releasing the lock, so a sync event fails and the browser retries it.
 */
export async function runQueue(options: RunQueueOptions): Promise<RunResult> {
  const registry = createRegistry(options.handlers);
  const now = options.now ?? Date.now;
  const lock = options.lock ?? defaultLockProvider();
  const runner = `${options.owner}:${crypto.randomUUID().slice(0, 8)}`;
  const emit = (event: RunnerEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A faulty listener (UI, notifications) must not stop the queue; the event is just not seen.
    }
  };
  const fault = (error: unknown, jobId: string | null) => emit({ kind: 'fault', failure: coerceError(error), jobId });
  const isOnline = () => {
    try {
      return options.isOnline();
    } catch (error) {
      fault(error, null);
      return true;
    }
  };
  const jobOptions = {
    now,
    isOnline,
    leaseMs: options.leaseMs ?? LEASE_MS,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    jobTimeoutMs: options.jobTimeoutMs ?? JOB_TIMEOUT_MS,
    progressThrottleMs: options.progressThrottleMs ?? PROGRESS_THROTTLE_MS,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    onFault: (failure: JobFailure, jobId: string) => emit({ kind: 'fault', failure, jobId }),
  };

  const drain = async (): Promise<RunResult> => {
    await recordLockHolder({ owner: runner, since: now() }).catch((error: unknown) => fault(error, null));
    const stopListening = listenForCancels();
    let ran = 0;
    // Once a job reports offline, this run stops claiming network jobs even if `isOnline()` still
    // says true (navigator.onLine lies on captive portals): otherwise it would spin on that job.
    let sawOffline = false;
    let stoppedBy: RunResult['stoppedBy'];
    let recoveredAt = Number.NEGATIVE_INFINITY;
    try {
      for (;;) {
        if (options.deadline !== undefined && now() >= options.deadline) {
          stoppedBy = 'deadline';
          break;
        }
        if (options.superseded?.()) {
          stoppedBy = 'superseded';
          break;
        }
        const online = !sawOffline && isOnline();
        // One lease owner per claim, not per run: a handler abandoned after a timeout or cancel must
        // not pass the ownership check if this same run claims its job again later.
        const owner = `${runner}/${ran + 1}`;
        // Expired leases are looked for at the start and then once per heartbeat period, not on
        // every claim of a long queue (a dead runner's lease takes a whole lease period to expire).
        const recoverExpired = now() - recoveredAt >= jobOptions.heartbeatMs;
        if (recoverExpired) recoveredAt = now();
        const claimOptions = { types: claimableTypes(registry, online), leaseMs: jobOptions.leaseMs, version: options.version };
        // Which runs are alive, asked only when looking for dead runners' jobs (one query each time).
        const runLocks = recoverExpired ? await snapshotRunLocks(lock, now()) : null;
        let job = await claim(owner, now(), { ...claimOptions, recoverExpired, runLocks });
        if (job === null && !recoverExpired) {
          // Never call the queue empty without having looked for jobs of dead runners.
          recoveredAt = now();
          job = await claim(owner, now(), { ...claimOptions, recoverExpired: true, runLocks: await snapshotRunLocks(lock, now()) });
        }
        if (job === null) {
          const waiting = online ? 0 : await markWaitingForNetwork(now(), claimableTypes(registry, true));
          stoppedBy = waiting > 0 ? 'offline' : 'empty';
          break;
        }
        ran += 1;
        emit({ kind: 'claimed', job });
        const handler = registry.get(job.type);
        if (handler === undefined) continue; // unreachable: claim only hands out registered types
        try {
          const result = await runJob(job, handler, { ...jobOptions, owner });
          emit(result.kind === 'settled' ? { kind: 'settled', job: result.job } : { kind: 'lost', jobId: result.jobId });
          if (result.kind === 'settled' && result.job.waitingFor === 'network') sawOffline = true;
        } catch (error) {
          // Writing the outcome failed; the lease will expire and the next claim recovers the job.
          fault(error, job.id);
        }
      }
    } finally {
      stopListening();
      await clearLockHolder(runner).catch((error: unknown) => fault(error, null));
    }
    return { ran, remaining: await countActive(), stoppedBy };
  };

  // Inside the runner lock, the run also holds a lock of its own for as long as it lives: the
  // runner lock cannot say whose it is (the claimer holds it too), this one names the run.
  const locked = await lock.tryWithLock(LOCK_NAME, async () => {
    const own = await lock.tryWithLock(runLockName(runner), drain);
    return own.acquired ? own.value : null;
  });
  if (!locked.acquired || locked.value === null) return { ran: 0, remaining: await countActive(), stoppedBy: 'lock-busy' };
  return locked.value;
}
