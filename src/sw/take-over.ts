/// <reference lib="webworker" />
import { LOCK_NAME } from '../jobs/constants';
import { webLocks } from '../jobs/lock';

declare let self: ServiceWorkerGlobalScope;

/**
 * A waiting worker never cuts off a paid call in flight. When the learner accepts the update, the
 * running worker stops claiming; this waits until the runner lock is free (the job in hand is
 * finished and written), then asks to activate. The old worker claims nothing once the update was
 * accepted (peers.ts); the new worker drains the queue as soon as it is active.
 * A story call lasts at most ~90 s, so the cap only matters if a runner is stuck: it takes over
 * then anyway, and that job's lease expires and it resumes under the new worker.
 */
export const TAKE_OVER_WAIT_MS = 4 * 60_000;

export async function takeOverWhenIdle(): Promise<void> {
  const locks = self.navigator.locks;
  if (!locks) {
    await self.skipWaiting();
    return;
  }
  const capped = new AbortController();
  const timer = setTimeout(() => capped.abort(), TAKE_OVER_WAIT_MS);
  try {
    await webLocks(locks).run(LOCK_NAME, { signal: capped.signal }, async () => {
      // Asked for under the lock, not awaited there: Chromium activates this worker only once the
      // old one's events in flight have ended, and one of them can be waiting for this very lock
      // (drainUntilIdle, up to 3 min). Awaiting the activation inside the lock stalled the update.
      void self.skipWaiting();
    });
  } catch {
    // The cap ran out (the lock request was aborted): take over regardless.
    await self.skipWaiting();
  } finally {
    clearTimeout(timer);
  }
}
