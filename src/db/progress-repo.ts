import type { ReadingProgress } from '../domain/progress';
import { getDb } from './database';

export function getProgress(storyId: string): Promise<ReadingProgress | undefined> {
  return getDb().progress.get(storyId);
}

export async function saveProgress(progress: ReadingProgress): Promise<void> {
  await getDb().progress.put(progress);
}

/** The stories most recently read and not finished: Home's "Continue reading". */
export async function inProgress(limit: number): Promise<ReadingProgress[]> {
  const rows = await getDb().progress.orderBy('lastReadAt').reverse().limit(limit * 4).toArray();
  return rows.filter((p) => !p.completed && p.percent > 0).slice(0, limit);
}
