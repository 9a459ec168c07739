import type { ReadingProgress } from '../domain/progress';
import { CONTINUE_SCAN_FACTOR, startedNotFinished } from '../domain/progress-ops';
import { getDb } from './database';
import { queueChange } from './outbox-repo';

export function getProgress(storyId: string): Promise<ReadingProgress | undefined> {
  return getDb().progress.get(storyId);
}

/** Saves the position and queues it for sync, in one transaction. */
export async function saveProgress(progress: ReadingProgress): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.progress, db.outbox, db.syncState, async () => {
    await db.progress.put(progress);
    await queueChange(db, 'reading_progress', progress.storyId, false);
  });
}

/** The stories most recently read and not finished: Home's "Continue reading". */
export async function inProgress(limit: number): Promise<ReadingProgress[]> {
  const rows = await getDb().progress.orderBy('lastReadAt').reverse().limit(limit * CONTINUE_SCAN_FACTOR).toArray();
  return startedNotFinished(rows, limit);
}
