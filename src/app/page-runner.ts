import { defaultLockProvider } from '../jobs/lock';
import { runQueue, type RunResult } from '../jobs/runner';
import { taskHandlers } from '../tasks/handlers';
import { isOutdated } from './sw-bridge';

/**
 * The page-side runner for browsers without Background Sync. Same engine, same handlers, same Web
 * Lock as the service worker, so two tabs never run one job twice. Loaded only in those browsers.
 * A page that has seen newer code (an update took over) claims nothing more.
 */
export function drainInPage(): Promise<RunResult> {
  return runQueue({
    owner: 'page',
    handlers: taskHandlers(),
    isOnline: () => navigator.onLine,
    lock: defaultLockProvider(),
    superseded: isOutdated,
  });
}
