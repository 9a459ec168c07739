/**
 * Catching what nothing else caught, apart from where it is written: the page installs these
 * listeners before its storage code has loaded (fault-log.ts needs Dexie, which the first paint
 * does without), and hands each fault over once that code is there.
 */

/**
 * "uncaught error (main-abc.js:12)" for an `error` event: the file name only, not the whole URL,
 * which may carry a query string.
 */
export function uncaughtErrorPlace(event: { filename?: string; lineno?: number }): string {
  const file = event.filename?.split(/[?#]/)[0]?.split('/').pop();
  return file ? `uncaught error (${file}:${event.lineno ?? 0})` : 'uncaught error';
}

/** The global scope of a page (`window`) or a worker (`self`): where uncaught errors surface. */
export interface ErrorScope {
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

/** Calls `record` with a place and the error for every uncaught error and unhandled rejection of `scope`. */
export function captureUncaughtErrors(scope: ErrorScope, record: (where: string, error: unknown) => void): void {
  scope.addEventListener('error', (event: ErrorEvent) => record(uncaughtErrorPlace(event), event.error ?? event.message));
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => record('unhandled promise rejection', event.reason));
}
