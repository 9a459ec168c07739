/// <reference lib="webworker" />
import { type AppMessage, isNewerVersion } from '../domain/worker-protocol';
import { LOCK_NAME } from '../jobs/constants';
import { parseGroupPlan, writeGroup } from '../jobs/enqueue-group';
import { webLocks } from '../jobs/lock';
import type { RunResult } from '../jobs/runner';
import { drainFromWorker, MESSAGE_CLAIM_BUDGET_MS } from './drain';
import { isOutdated } from './peers';

declare let self: ServiceWorkerGlobalScope;

/**
 * "You can close this tab" from the moment the Create-story click returns: the page posts the
 * group's plan (ids minted, params validated) in the click's own task, and the worker — which the
 * browser keeps alive for a message event's `waitUntil` even once the tab is gone — writes the same
 * rows and runs them. The page writes them too; whichever commits second finds them there
 * (src/jobs/enqueue-group.ts), so nothing is queued twice.
 */
export async function enqueueFromPage(message: AppMessage): Promise<RunResult | null> {
  const plan = parseGroupPlan(message.detail?.plan);
  if (plan === null) {
    console.warn('A page handed over jobs in a shape this worker does not know; the page writes them itself.');
    return null;
  }
  // A newer page's params may hold fields this worker's schemas would drop: its own write stands.
  if (isNewerVersion(message.version, __APP_VERSION__)) return null;
  try {
    await writeGroup(plan);
  } catch (error) {
    // Params this (older) worker cannot validate, or storage refusing: the page's own write stands.
    console.warn('The worker could not queue the jobs a page handed over; the page writes them itself.', error);
  }
  // Without Background Sync the page runs the queue itself (Firefox, Safari); the write is what counted.
  if (message.detail?.drain !== true || isOutdated()) return null;
  return drainUntilIdle();
}

/**
 * Drains, and when another run holds the lock, waits for it to end and drains once more: that run
 * may have found the queue empty just before these rows were written. A run that takes the lock
 * after the write sees them, so one more try is enough.
 */
export async function drainUntilIdle(): Promise<RunResult> {
  const first = await drainFromWorker(MESSAGE_CLAIM_BUDGET_MS);
  const locks = self.navigator.locks;
  if (first.stoppedBy !== 'lock-busy' || !locks) return first;
  try {
    await webLocks(locks).run(LOCK_NAME, { signal: AbortSignal.timeout(MESSAGE_CLAIM_BUDGET_MS) }, async () => {});
  } catch {
    return first; // The other run outlasted the budget; it is the one draining.
  }
  return drainFromWorker(MESSAGE_CLAIM_BUDGET_MS);
}
