import { defaultLockProvider } from '../jobs/lock';
import { runQueue, type RunResult } from '../jobs/runner';
import { taskHandlers } from '../tasks/handlers';

/**
 * The page-side runner for browsers without Background Sync. Same engine, same handlers, same Web
 * Lock as the service worker, so two tabs never run one job twice. Loaded only in those browsers.
 */
export function drainInPage(): Promise<RunResult> {
  return runQueue({
    owner: 'page',
    handlers: taskHandlers(),
    isOnline: () => navigator.onLine,
    lock: defaultLockProvider(),
  });
}
