import { liveQuery, type Subscription } from 'dexie';
import { getDb } from '../db/database';
import { CHANGE_DEBOUNCE_MS, DELETE_GRACE_MS, STALE_SYNC_MS, SYNC_OUTBOX_TAG } from './constants';
import { backoffMs } from './retry';
import { readStatus } from './state';
import { type SyncReport, syncNow } from './sync-now';

/**
 * When the page syncs, without polling: on load, when the network comes back, when the tab comes
 * back to the foreground after a while, and shortly after a local change (debounced, from a
 * liveQuery on the outbox — which also sees rows queued by the worker or another tab). Offline, or
 * after a failure, it registers the outbox's Background Sync tag so the worker pushes once the
 * network is back, even if the tab has been closed by then. Loaded only when a project is set up.
 */
export interface PageSyncHooks {
  onSynced?: (report: SyncReport) => void;
}

/** A burst of changes is sent this long after it ends, but never later than this after it began. */
const CHANGE_MAX_WAIT_MS = 10_000;
const FAILURE_BASE_MS = 5_000;

let started = false;
let hooks: PageSyncHooks = {};
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;
let running: Promise<SyncReport> | undefined;
let failures = 0;
let notBefore = 0;
let subscription: Subscription | undefined;

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
  subscription = liveQuery(outboxDueAt).subscribe({
    next: (at) => {
      if (at !== null) schedule(Math.max(0, at - Date.now()));
    },
    error: (error: unknown) => console.warn('Sync: outbox watch stopped', error),
  });
  schedule(0);
}

export function stopPageSync(): void {
  subscription?.unsubscribe();
  clearTimeout(timer);
  started = false;
}

/** When the outbox next wants a push: a quiet moment after changes; a deletion after its undo window. */
export async function outboxDueAt(): Promise<number | null> {
  const rows = (await getDb().outbox.toArray()).filter((r) => r.rejected === null);
  if (rows.length === 0) return null;
  const changes = rows.filter((r) => !r.deleted).map((r) => r.queuedAt);
  const deletions = rows.filter((r) => r.deleted).map((r) => r.queuedAt + DELETE_GRACE_MS);
  const due = changes.length > 0 ? [Math.min(Math.max(...changes) + CHANGE_DEBOUNCE_MS, Math.min(...changes) + CHANGE_MAX_WAIT_MS)] : [];
  return Math.min(...due, ...deletions);
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
      notBefore = Date.now() + backoffMs(failures, FAILURE_BASE_MS);
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

/** The worker pushes on this tag when the browser sees the network (Chromium; elsewhere a no-op). */
async function registerOutboxSync(): Promise<void> {
  if (!('serviceWorker' in navigator) || !('SyncManager' in window)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  await registration?.sync.register(SYNC_OUTBOX_TAG).catch((error: unknown) => console.warn('Sync: Background Sync refused', error));
}
