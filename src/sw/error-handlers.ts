/// <reference lib="webworker" />
import { recordUncaughtErrors } from '../db/fault-log';

declare let self: ServiceWorkerGlobalScope;

/**
 * The worker's counterpart of app/error-handlers.ts: nobody watches a service worker's console, so
 * an error no event handler caught is recorded where the page's Diagnostics shows it. The write is
 * not held open with waitUntil (error events are not extendable); if the browser stops the worker
 * first, the fault is lost, which is no worse than today.
 */

let installed = false;

/** Installs the `error` and `unhandledrejection` handlers once per worker. */
export function installWorkerErrorHandlers(): void {
  if (installed) return;
  installed = true;
  recordUncaughtErrors(self, 'worker');
}
