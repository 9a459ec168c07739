import type { StorySummary } from '../domain/summary';
import { loadCardFactsFor } from './card-facts';
import { getDb } from './database';
import { inProgress } from './progress-repo';
import { type FailedJob, type HomeData, HOME_LIMITS, keyIsSet, newestFailed, titleStoryId, withTitles } from './home-shape';
import { getApiKey } from './secrets-repo';
import { recentSummaries } from './stories-repo';

export { type FailedJob, type HomeData, HOME_LIMITS } from './home-shape';

/** Home's data, live (re-read on every commit that touches it). */
export async function loadHome(): Promise<HomeData> {
  const [progress, recent, key, failed] = await Promise.all([
    inProgress(HOME_LIMITS.continueReading),
    recentSummaries(HOME_LIMITS.recent),
    getApiKey(),
    failedJobs(HOME_LIMITS.failed),
  ]);
  const summaries = await getDb().storySummaries.bulkGet(progress.map((p) => p.storyId));
  const continueReading = summaries.filter((s): s is StorySummary => s !== undefined);
  const facts = await loadCardFactsFor([...continueReading, ...recent].map((s) => s.id));
  return { continueReading, recent, facts, hasKey: keyIsSet(key), failed };
}

/** Home's totals: what the library holds, how much of it was read, how much was written for the learner. */
export interface LibraryTotals {
  stories: number;
  read: number;
  written: number;
}

/**
 * Counted over summaries and progress (small rows, never full stories). Progress of a story since
 * deleted does not count as read.
 */
export async function libraryTotals(): Promise<LibraryTotals> {
  const db = getDb();
  return db.transaction('r', db.storySummaries, db.progress, async () => {
    const [summaries, done] = await Promise.all([
      db.storySummaries.toArray(),
      db.progress.filter((p) => p.completed).primaryKeys(),
    ]);
    const ids = new Set(summaries.map((s) => s.id));
    return {
      stories: summaries.length,
      read: done.filter((id) => ids.has(id)).length,
      written: summaries.filter((s) => s.source === 'generated').length,
    };
  });
}

/** Jobs that stopped with an error, newest first, for Home to show with a way to act. */
export async function failedJobs(limit: number): Promise<FailedJob[]> {
  const db = getDb();
  const jobs = newestFailed(await db.jobs.where('status').equals('failed').toArray(), limit);
  return withTitles(jobs, await db.storySummaries.bulkGet(jobs.map(titleStoryId)));
}
