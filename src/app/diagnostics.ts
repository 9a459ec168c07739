import { getDb } from '../db/database';
import { type Fault, readFaults } from '../db/fault-log';
import type { JobError } from '../domain/job-row';
import { LOCK_NAME } from '../jobs/constants';
import { lockHolder } from '../jobs/lock';
import { type QueueCounts, queueCounts } from '../jobs/wake';
import { hasBackgroundSync, hasPeriodicSync, serviceWorkerState } from './sw-bridge';

/** The fault log keeps more than a screen wants; the newest ten tell the story. */
const FAULTS_SHOWN = 10;

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
  /** Errors outside jobs (unhandled rejections, failed reads, watchers), newest first, from both contexts. */
  faults: Fault[];
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
}

/** What the Diagnostics page shows: the state a maintainer would otherwise dig out of devtools. */
export async function readDiagnostics(): Promise<Diagnostics> {
  const [serviceWorker, counts, holder, failed, faults, estimate, persisted, locks] = await Promise.all([
    serviceWorkerState(),
    queueCounts(),
    lockHolder(),
    getDb().jobs.where('status').equals('failed').reverse().sortBy('updatedAt'),
    readFaults(),
    navigator.storage?.estimate?.().catch(() => undefined),
    navigator.storage?.persisted?.().catch(() => null) ?? Promise.resolve(null),
    navigator.locks?.query().catch(() => undefined),
  ]);
  const held = locks ? (locks.held ?? []).some((l) => l.name === LOCK_NAME) : holder !== null;
  return {
    appVersion: __APP_VERSION__,
    serviceWorker,
    backgroundSync: hasBackgroundSync(),
    periodicSync: hasPeriodicSync(),
    webLocks: Boolean(navigator.locks),
    online: navigator.onLine,
    lock: { held, holder: held ? (holder?.owner ?? null) : null, since: held ? (holder?.since ?? null) : null },
    counts,
    lastErrors: failed.slice(0, 5).flatMap((j) => (j.error ? [{ jobId: j.id, type: j.type, at: j.updatedAt, error: j.error }] : [])),
    faults: faults.slice(0, FAULTS_SHOWN),
    storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted },
  };
}
