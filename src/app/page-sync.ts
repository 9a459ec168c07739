import { jitteredBackoff } from '../domain/retry-timing';
import { STALE_SYNC_MS } from '../sync/constants';
import { outboxDueAt } from '../sync/outbox-due';
import { readStatus } from '../sync/state';
import { type SyncReport, syncNow } from '../sync/sync-now';
import { watchLive } from './live-watch';
import { registerOutboxSync } from './sw-bridge';

/**
 * When the page syncs, without polling: on load, when the network comes back, when the tab comes
 * back to the foreground after a while, and shortly after a local change (debounced, from a live
 * watch of the outbox — which also sees rows queued by the worker or another tab). Offline, or
 * after a failure, it registers the outbox's Background Sync tag (through the bridge) so the worker
 * pushes once the network is back, even if the tab has been closed by then. Loaded only when a
 * project is set up; src/sync itself knows nothing of windows or worker registration.
 */
export interface PageSyncHooks {
  onSynced?: (report: SyncReport) => void;
}

/** After a transient failure the next try waits about this long, doubling with each failure. */
const FAILURE_BASE_MS = 5_000;
const FAILURE_MAX_MS = 5 * 60_000;

let started = false;
let hooks: PageSyncHooks = {};
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;
let running: Promise<SyncReport> | undefined;
let failures = 0;
let notBefore = 0;

export function startPageSync(pageHooks: PageSyncHooks = {}): void {
  hooks = pageHooks;
  if (started) return;
  started = true;
  window.addEventListener('online', () => schedule(0, true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    void readStatus().then((s) => {
      if ((s.lastAttemptAt ?? 0) < Date.now() - STALE_SYNC_MS) schedule(0);
    });
  });
  watchLive(
    outboxDueAt,
    (at) => {
      if (at !== null) schedule(Math.max(0, at - Date.now()));
    },
    { where: 'sync outbox watcher' },
  );
  schedule(0);
}

function schedule(delayMs: number, urgent = false): void {
  if (!navigator.onLine) {
    void registerOutboxSync();
    return;
  }
  const at = Math.max(Date.now() + delayMs, urgent ? 0 : notBefore);
  if (timer !== undefined && at >= timerAt) return;
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(() => {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    void run(false);
  }, at - Date.now());
}

async function run(force: boolean): Promise<SyncReport> {
  while (running) await running.catch(() => undefined);
  running = syncNow({ context: 'page', force });
  try {
    const report = await running;
    if (report.outcome === 'synced') {
      failures = 0;
      notBefore = 0;
      hooks.onSynced?.(report);
    } else if (report.transient) {
      failures += 1;
      notBefore = Date.now() + jitteredBackoff(failures, { baseMs: FAILURE_BASE_MS, maxMs: FAILURE_MAX_MS, random: Math.random });
      schedule(0);
      void registerOutboxSync();
    }
    return report;
  } finally {
    running = undefined;
  }
}

/** "Sync now", and the sync right after signing in: at once, deletions in their undo window included. */
export function requestSync(): Promise<SyncReport> {
  return run(true);
}
