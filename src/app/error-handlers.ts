import { captureUncaughtErrors } from '../db/fault-capture';

/**
 * The page's last line of defence: an error nothing caught (a thrown event handler, a promise no one
 * awaited) is recorded where Diagnostics shows it, instead of living only in a console nobody has
 * open. The browser still logs it too: we do not call preventDefault.
 *
 * The fault log's code (and Dexie under it) loads at the first fault, not with the first paint.
 */

let installed = false;

/** Installs the `error` and `unhandledrejection` handlers once per page. */
export function installPageErrorHandlers(): void {
  if (installed) return;
  installed = true;
  captureUncaughtErrors(window, reportPageFault);
}

/**
 * For page code that catches a fault it can survive but a maintainer should still see (a failed
 * read behind an error state, a page chunk that did not load). UI code records through here, not
 * through db/ directly.
 */
export function reportPageFault(where: string, error: unknown): void {
  import('../db/fault-log')
    .then(({ recordFault }) => recordFault('page', where, error))
    // The log's own code did not load (offline before the worker cached it): the console still has it.
    .catch(() => undefined);
}
