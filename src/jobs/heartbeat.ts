import { getDb } from '../db/database';
import { LEASE_MS } from './constants';
import { coerceError, type JobFailure } from './errors';
import { isHeldBy } from './state';

/**
 * Extends `owner`'s lease on a job to `now + leaseMs`. Returns false when the job is no longer
 * processing under `owner` (cancelled, finished, or claimed by another runner after the lease
 * expired): the caller must then stop working on it. A lease that has expired but that nobody took
 * over is still ours to renew: no other runner can have acted on the job in between.
 */
export async function renewLease(jobId: string, owner: string, now: number, leaseMs: number = LEASE_MS): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!isHeldBy(job, owner)) return false;
    await db.jobs.put({ ...job, lease: { owner, expiresAt: now + leaseMs } });
    return true;
  });
}

export interface HeartbeatOptions {
  jobId: string;
  owner: string;
  intervalMs: number;
  leaseMs: number;
  now: () => number;
  /** The job is no longer ours: abort the handler. Called at most once. */
  onLost: () => void;
  /** A renewal could not be written (storage error); the next beat tries again. */
  onFault: (failure: JobFailure) => void;
}

export interface Heartbeat {
  stop(): void;
}

/**
 * Renews the lease every `intervalMs` while a handler runs. Beats never overlap (a slow transaction
 * makes the next beat skip), and a storage fault is reported, not thrown: one failed renewal leaves
 * two more chances before the lease runs out.
 */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  let stopped = false;
  let beating = false;
  const beat = async () => {
    if (stopped || beating) return;
    beating = true;
    try {
      const stillOurs = await renewLease(options.jobId, options.owner, options.now(), options.leaseMs);
      if (!stillOurs && !stopped) {
        stop();
        options.onLost();
      }
    } catch (error) {
      options.onFault(coerceError(error));
    } finally {
      beating = false;
    }
  };
  const timer: ReturnType<typeof setInterval> = setInterval(() => void beat(), options.intervalMs);
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  return { stop };
}
