import { defaultLockProvider } from '../jobs/lock';
import { pruneAfterDrain } from '../jobs/prune';
import { type RunResult, runQueue } from '../jobs/runner';
import { taskHandlers } from '../tasks/handlers';
import { isOutdated } from './sw-bridge';

/**
 * The page-side runner for browsers without Background Sync. Same engine, same handlers, same Web
 * Lock as the service worker, so two tabs never run one job twice. Loaded only in those browsers.
 * A page that has seen newer code (an update took over) claims nothing more. Like the worker, it
 * prunes after each drain: on these browsers no worker ever drains, so nothing else would.
 */
export async function drainInPage(): Promise<RunResult> {
  const result = await runQueue({
    owner: 'page',
    handlers: taskHandlers(),
    isOnline: () => navigator.onLine,
    lock: defaultLockProvider(),
    superseded: isOutdated,
  });
  // A page that lost the lock ran nothing: the holder prunes after its own drain.
  if (result.stoppedBy !== 'lock-busy') await pruneAfterDrain();
  return result;
}
