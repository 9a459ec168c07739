import { liveQuery } from 'dexie';
import { SYNC_TAG } from '../jobs/constants';
import { nextWakeAt } from '../jobs/wake';
import { MESSAGE_TYPES, type AppMessage } from '../domain/messages';

/**
 * How a page gets the queue drained. Where Background Sync exists (Chromium) the service worker
 * runs jobs: the page registers the sync tag (the browser fires it now, or when the network is
 * back, even if the tab is closed by then) and also messages the worker. Where it does not
 * (Firefox, Safari) the page runs the same engine itself, under the same Web Lock, while it is open.
 */
export function hasBackgroundSync(): boolean {
  return 'serviceWorker' in navigator && 'SyncManager' in window;
}

let pageRunner: Promise<unknown> | undefined;

async function runInPage(): Promise<void> {
  if (pageRunner) return;
  const { drainInPage } = await import('./page-runner');
  pageRunner = drainInPage().finally(() => {
    pageRunner = undefined;
  });
}

export async function requestDrain(): Promise<void> {
  if (!hasBackgroundSync()) {
    await runInPage();
    return;
  }
  const registration = await navigator.serviceWorker.ready;
  try {
    await registration.sync.register(SYNC_TAG);
  } catch (error) {
    console.warn('Background Sync registration was refused; asking the worker directly.', error);
  }
  const message: AppMessage = { type: MESSAGE_TYPES.drainQueue, version: __APP_VERSION__ };
  registration.active?.postMessage(message);
}

let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps the queue moving while a page is open, without polling: drains on load and on `online`,
 * and sets one timer for the next moment something becomes runnable (a backoff ending, a dead
 * runner's lease expiring), recomputed whenever the jobs table changes.
 */
export function watchQueue(): () => void {
  const onOnline = () => void requestDrain();
  window.addEventListener('online', onOnline);
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<AppMessage> | null;
    if (data?.type === MESSAGE_TYPES.queueStopped) void requestDrain();
  });
  const subscription = liveQuery(nextWakeAt).subscribe({
    next: (at) => {
      clearTimeout(wakeTimer);
      if (at === null) return;
      // +50 ms so the job is really runnable when the runner looks; a past time means now.
      wakeTimer = setTimeout(() => void requestDrain(), Math.max(0, at - Date.now()) + 50);
    },
    error: (error: unknown) => console.warn('Queue watch stopped', error),
  });
  void requestDrain();
  return () => {
    window.removeEventListener('online', onOnline);
    subscription.unsubscribe();
    clearTimeout(wakeTimer);
  };
}
