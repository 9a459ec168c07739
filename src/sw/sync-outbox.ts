/// <reference lib="webworker" />
import { getDb } from '../db/database';
import { syncNow } from '../sync/sync-now';

/**
 * The worker's part of sync: it pushes the outbox (and pulls) on the outbox's Background Sync tag,
 * and after every drain of the job queue, so a story finished with no tab open reaches the server
 * (its outbox row was queued in the job's completing transaction). The worker's auth client never
 * refreshes on a timer; a request that needs a fresh token refreshes it first, under the same Web
 * Lock as the page (src/sync/client.ts), and the whole sync runs under the sync lock.
 */

/** After `work` (a queue drain), pushes pending changes if any; never fails the drain. */
export async function pushAfter<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  try {
    const pending = await getDb().outbox.filter((row) => row.rejected === null).count();
    if (pending > 0) {
      const report = await syncNow({ context: 'worker' });
      if (report.error) console.warn(`Sync from the worker: ${report.error}`);
    }
  } catch (error) {
    console.warn('Sync from the worker failed', error);
  }
  return result;
}

/**
 * The `push-library-changes` sync event. A transient failure fails the event on purpose (unless it
 * is the browser's last try), so the browser retries it later even with no tab open.
 */
export async function onOutboxSync(lastChance: boolean): Promise<void> {
  const report = await syncNow({ context: 'worker' });
  if (report.transient && !lastChance) throw new Error(`Sync will be retried by the browser: ${report.error ?? 'transient failure'}`);
}
