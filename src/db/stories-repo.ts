import type { Story } from '../domain/story';
import { type StorySummary, toSummary } from '../domain/summary';
import { getDb } from './database';
import { queueChanges, syncedStoryIds } from './outbox-repo';

/**
 * Stories and their list summaries are always written together, in one transaction, so the Library
 * can never show a summary whose story is missing (or the reverse).
 */
export async function putStories(stories: readonly Story[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.stories, db.storySummaries, db.tombstones, db.outbox, db.syncState], async () => {
    await db.stories.bulkPut([...stories]);
    await db.storySummaries.bulkPut(stories.map(toSummary));
    // A story written again is no longer deleted; only existing tombstones need deleting.
    const tombstoned = new Set(await db.tombstones.toCollection().primaryKeys());
    const revived = stories.filter((s) => tombstoned.has(s.id)).map((s) => s.id);
    if (revived.length > 0) await db.tombstones.bulkDelete(revived);
    await queueChanges(db, 'stories', syncedStoryIds(stories), false);
  });
}

export function getStory(id: string): Promise<Story | undefined> {
  return getDb().stories.get(id);
}

/**
 * Every summary, in no particular order: a plain getAll, which IndexedDB serves far faster than a
 * reverse cursor (callers sort in memory anyway).
 */
export function listSummaries(): Promise<StorySummary[]> {
  return getDb().storySummaries.toArray();
}

/** The newest `limit` stories and the total count: enough to paint the Library's first page. */
export async function firstLibraryPage(limit: number): Promise<{ items: StorySummary[]; total: number }> {
  const db = getDb();
  return db.transaction('r', db.storySummaries, async () => ({
    items: await db.storySummaries.orderBy('createdAt').reverse().limit(limit).toArray(),
    total: await db.storySummaries.count(),
  }));
}

export function countStories(): Promise<number> {
  return getDb().storySummaries.count();
}

/** Newest first; what Home shows as "recent". */
export function recentSummaries(limit: number): Promise<StorySummary[]> {
  return getDb().storySummaries.orderBy('createdAt').reverse().limit(limit).toArray();
}
