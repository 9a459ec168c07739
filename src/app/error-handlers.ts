import { recordFault, recordUncaughtErrors } from '../db/fault-log';

/**
 * The page's last line of defence: an error nothing caught (a thrown event handler, a promise no one
 * awaited) is recorded where Diagnostics shows it, instead of living only in a console nobody has
 * open. The browser still logs it too: we do not call preventDefault.
 */

let installed = false;

/** Installs the `error` and `unhandledrejection` handlers once per page. */
export function installPageErrorHandlers(): void {
  if (installed) return;
  installed = true;
  recordUncaughtErrors(window, 'page');
}

/**
 * For page code that catches a fault it can survive but a maintainer should still see (a failed
 * read behind an error state, a page chunk that did not load). UI code records through here, not
 * through db/ directly.
 */
export function reportPageFault(where: string, error: unknown): void {
  void recordFault('page', where, error);
}
