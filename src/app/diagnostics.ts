import { getDb } from '../db/database';
import type { JobError } from '../domain/job-row';
import { LOCK_NAME } from '../jobs/constants';
import { lockHolder } from '../jobs/lock';
import { type QueueCounts, queueCounts } from '../jobs/wake';
import { hasBackgroundSync } from './queue-client';
import { serviceWorkerState } from './sw-bridge';

export interface Diagnostics {
  appVersion: string;
  serviceWorker: string;
  backgroundSync: boolean;
  periodicSync: boolean;
  webLocks: boolean;
  online: boolean;
  /** Who runs the queue now: the Web Lock's live state, with the holder's own record. */
  lock: { held: boolean; holder: string | null; since: number | null };
  counts: QueueCounts;
  lastErrors: Array<{ jobId: string; type: string; at: number; error: JobError }>;
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
}

/** What the Diagnostics page shows: the state a maintainer would otherwise dig out of devtools. */
export async function readDiagnostics(): Promise<Diagnostics> {
  const [serviceWorker, counts, holder, failed, estimate, persisted, locks] = await Promise.all([
    serviceWorkerState(),
    queueCounts(),
    lockHolder(),
    getDb().jobs.where('status').equals('failed').reverse().sortBy('updatedAt'),
    navigator.storage?.estimate?.().catch(() => undefined),
    navigator.storage?.persisted?.().catch(() => null) ?? Promise.resolve(null),
    navigator.locks?.query().catch(() => undefined),
  ]);
  const held = locks ? (locks.held ?? []).some((l) => l.name === LOCK_NAME) : holder !== null;
  return {
    appVersion: __APP_VERSION__,
    serviceWorker,
    backgroundSync: hasBackgroundSync(),
    periodicSync: 'serviceWorker' in navigator && 'PeriodicSyncManager' in window,
    webLocks: Boolean(navigator.locks),
    online: navigator.onLine,
    lock: { held, holder: held ? (holder?.owner ?? null) : null, since: held ? (holder?.since ?? null) : null },
    counts,
    lastErrors: failed.slice(0, 5).flatMap((j) => (j.error ? [{ jobId: j.id, type: j.type, at: j.updatedAt, error: j.error }] : [])),
    storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted },
  };
}
