import type { Story } from '../domain/story';
import { type StorySummary, toSummary } from '../domain/summary';
import { getDb } from './database';

/**
 * Stories and their list summaries are always written together, in one transaction, so the Library
 * can never show a summary whose story is missing (or the reverse).
 */
export async function putStories(stories: readonly Story[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.stories, db.storySummaries, db.tombstones, async () => {
    await db.stories.bulkPut([...stories]);
    await db.storySummaries.bulkPut(stories.map(toSummary));
    await db.tombstones.bulkDelete(stories.map((s) => s.id));
  });
}

export function getStory(id: string): Promise<Story | undefined> {
  return getDb().stories.get(id);
}

export function listSummaries(): Promise<StorySummary[]> {
  return getDb().storySummaries.orderBy('createdAt').reverse().toArray();
}

export function countStories(): Promise<number> {
  return getDb().storySummaries.count();
}

/** Newest first; what Home shows as "recent". */
export function recentSummaries(limit: number): Promise<StorySummary[]> {
  return getDb().storySummaries.orderBy('createdAt').reverse().limit(limit).toArray();
}
