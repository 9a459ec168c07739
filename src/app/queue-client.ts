import type { JobRow } from '../domain/job-row';
import { MESSAGE_TYPES } from '../domain/worker-protocol';
import { LEASE_MS } from '../jobs/constants';
import { defaultLockProvider, type LockProvider, runLockName, runOf, snapshotRunLocks } from '../jobs/lock';
import { nextWakeAt } from '../jobs/wake';
import { watchLive } from './live-watch';
import { askWorkerToDrain, hasBackgroundSync, holdReloadWhile, onWorkerMessage } from './sw-bridge';

/**
 * How a page gets the queue drained. Where Background Sync exists (Chromium) the service worker
 * runs jobs and the page only asks it to, through the bridge. Where it does not (Firefox, Safari)
 * the page runs the same engine itself, under the same Web Lock, while it is open.
 */
let pageRunner: Promise<unknown> | undefined;

async function runInPage(): Promise<void> {
  if (pageRunner) return;
  // Taken before the first await: two wake-ups in the same moment must start one drain, or the
  // first one's `finally` forgets the second while it still runs (pageRunnerSettled would lie).
  const loading = import('./page-runner');
  pageRunner = loading
    .then(({ drainInPage }) => drainInPage())
    .finally(() => {
      pageRunner = undefined;
    });
  await loading;
}

/** Resolves once this page's runner (if one is draining) has stopped: an update's reload, or a test, waits for it. */
export function pageRunnerSettled(): Promise<unknown> {
  return pageRunner ?? Promise.resolve();
}

export async function requestDrain(): Promise<void> {
  if (hasBackgroundSync()) await askWorkerToDrain();
  else await runInPage();
}

let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps the queue moving while a page is open, without polling: drains on load, on `online` and
 * when the worker stopped for time with work left, and sets one timer for the next moment
 * something becomes runnable (a backoff ending, a dead runner's lease expiring), recomputed
 * whenever the jobs table changes.
 */
export function watchQueue(): () => void {
  const onOnline = () => void requestDrain();
  window.addEventListener('online', onOnline);
  const stopHearing = onWorkerMessage(MESSAGE_TYPES.queueStopped, () => void requestDrain());
  // An update reloads this tab; a page runner's call in flight finishes first (it claims no more).
  const releaseReload = holdReloadWhile(pageRunnerSettled);
  const stopWatching = watchLive(
    nextWakeAt,
    (at) => {
      clearTimeout(wakeTimer);
      if (at === null) return;
      // +50 ms so the job is really runnable when the runner looks; a past time means now.
      wakeTimer = setTimeout(() => void requestDrain(), Math.max(0, at - Date.now()) + 50);
    },
    { where: 'queue wake timer' },
  );
  void requestDrain();
  return () => {
    window.removeEventListener('online', onOnline);
    stopHearing();
    releaseReload();
    stopWatching();
    clearTimeout(wakeTimer);
  };
}

/**
 * Processing jobs whose runner is gone (worker killed, tab closed): the run lock it held while alive
 * is free, or its lease ran out. Their rows still say what the dead run last wrote ("Asking
 * Gemini…"), so the Queue asks this to say "Interrupted" instead. A lease taken or renewed after the
 * lock snapshot may belong to a runner the snapshot missed, so only older leases are judged (as
 * claim.ts does). Where nobody can see the locks, only an expired lease counts.
 */
export async function interruptedJobs(
  jobs: readonly JobRow[],
  now = Date.now(),
  provider: LockProvider = defaultLockProvider(),
): Promise<Set<string>> {
  const processing = jobs.filter((j) => j.status === 'processing' && j.lease !== null);
  if (processing.length === 0) return new Set();
  const locks = await snapshotRunLocks(provider, now);
  const gone = processing.filter(({ lease }) => {
    if (lease === null) return false;
    // A held run lock means a live runner, even one whose heartbeat is late.
    if (locks !== null && lease.expiresAt - LEASE_MS < locks.at) return !locks.held.has(runLockName(runOf(lease.owner)));
    return lease.expiresAt <= now;
  });
  return new Set(gone.map((j) => j.id));
}
