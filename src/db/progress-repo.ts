import type { ReadingProgress } from '../domain/progress';
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
  const rows = await getDb().progress.orderBy('lastReadAt').reverse().limit(limit * 4).toArray();
  return rows.filter((p) => !p.completed && p.percent > 0).slice(0, limit);
}
