import { getDb } from './database';

/**
 * "Delete everything": every table of the app's database emptied in one transaction — stories,
 * summaries, progress, settings, the API key and other secrets, jobs, media, the sync outbox and
 * session, tombstones, one-off flags. The schema stays, so every open connection (other tabs, the
 * service worker) keeps working on an empty database instead of being closed under it.
 *
 * No tombstone or outbox row is left, so nothing is pushed: copies already synced to a Supabase
 * project stay there. @returns how many rows were removed.
 */
export async function wipeDatabase(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.tables, async () => {
    const counts = await Promise.all(db.tables.map((table) => table.count()));
    await Promise.all(db.tables.map((table) => table.clear()));
    return counts.reduce((sum, n) => sum + n, 0);
  });
}
