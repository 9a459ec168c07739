/// <reference lib="webworker" />

import { type AppMessage, MESSAGE_TYPES } from '../domain/worker-protocol';
import { webLockProvider } from '../jobs/lock';
import { pruneAfterDrain } from '../jobs/prune';
import { type RunnerEvent, type RunResult, runQueue } from '../jobs/runner';
import { taskHandlers } from '../tasks/handlers';
import { notifyIfHidden } from './notify';
import { isOutdated } from './peers';

declare let self: ServiceWorkerGlobalScope;

/**
 * Chrome gives one sync event 3 minutes and one extendable event 5 minutes (PLATFORM.md). The
 * runner stops claiming well before, so no job is ever cut off mid-write by the browser; a job
 * already running when the deadline passes finishes (a story call takes at most ~90 s).
 */
export const SYNC_CLAIM_BUDGET_MS = 90_000;
export const MESSAGE_CLAIM_BUDGET_MS = 180_000;

function onEvent(event: RunnerEvent): void {
  if (event.kind === 'settled' && event.job.status === 'completed' && event.job.type === 'story') {
    void notifyIfHidden(event.job.id).catch((error: unknown) => console.warn('Notification failed', error));
  }
}

/**
 * One drain of the queue from the worker; a second concurrent call returns `lock-busy` at once.
 * Old completed jobs and sync leftovers are pruned afterwards (src/jobs/prune.ts).
 */
export async function drainFromWorker(budgetMs: number): Promise<RunResult> {
  const result = await runQueue({
    owner: 'sw',
    handlers: taskHandlers(),
    isOnline: () => self.navigator.onLine,
    deadline: Date.now() + budgetMs,
    lock: webLockProvider(self.navigator.locks),
    superseded: isOutdated,
    onEvent,
  });
  await pruneAfterDrain();
  return result;
}

/**
 * After a run that left work behind: with a window open, the page re-schedules (it can register a
 * new sync and set timers); with none, failing the sync event on purpose is the only way to be run
 * again — Chrome retries a failed sync about 5 and 15 minutes later.
 */
export async function needsBrowserRetry(result: RunResult): Promise<boolean> {
  // Superseded: the newer worker drains what is left as soon as it takes over.
  if (result.remaining === 0 || result.stoppedBy === 'lock-busy' || result.stoppedBy === 'superseded') return false;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.length === 0) return true;
  if (result.stoppedBy === 'deadline') {
    // Stopped for time with runnable work left: an open page registers a fresh sync event.
    const message: AppMessage = { type: MESSAGE_TYPES.queueStopped, version: __APP_VERSION__, detail: { remaining: result.remaining } };
    for (const w of windows) w.postMessage(message);
  }
  return false;
}
