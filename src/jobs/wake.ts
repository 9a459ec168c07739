import { getDb } from '../db/database';
import { JOB_STATUSES } from '../domain/job-row';
import { ACTIVE_STATUSES } from './state';

/**
 * When the queue may next have something to run without anyone enqueueing: the earliest `runAfter`
 * of a pending job (a backoff ending), or the earliest lease
 * expiry of a processing job (a dead runner's job becoming claimable again). A page sets one timer
 * for it instead of polling. Jobs waiting for a dependency or for the network are left out: a
 * completion or the `online` event wakes those, and a timer would only spin. Null when nothing is
 * scheduled. A time in the past means "now".
 */
export async function nextWakeAt(): Promise<number | null> {
  const active = await getDb().jobs.where('status').anyOf([...ACTIVE_STATUSES]).toArray();
  let earliest: number | null = null;
  for (const job of active) {
    let at: number | null = null;
    const waitsForEvent = job.waitingFor === 'dependency' || job.waitingFor === 'network';
    if (job.status === JOB_STATUSES.pending && !waitsForEvent) at = job.runAfter;
    if (job.status === JOB_STATUSES.processing) at = job.lease?.expiresAt ?? null;
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Jobs not finished yet (pending or processing): what a run leaves for the next trigger. */
export function countActive(): Promise<number> {
  return getDb().jobs.where('status').anyOf([...ACTIVE_STATUSES]).count();
}

export interface QueueCounts {
  pending: number;
  processing: number;
  completed: number;
  failed: number;
  cancelled: number;
}

/** Per-status counts for Diagnostics and the header badge. */
export async function queueCounts(): Promise<QueueCounts> {
  const jobs = getDb().jobs;
  const count = (status: keyof QueueCounts) => jobs.where('status').equals(status).count();
  const [pending, processing, completed, failed, cancelled] = await Promise.all([
    count('pending'),
    count('processing'),
    count('completed'),
    count('failed'),
    count('cancelled'),
  ]);
  return { pending, processing, completed, failed, cancelled };
}
