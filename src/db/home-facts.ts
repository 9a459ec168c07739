import type { JobRow } from '../domain/job';
import { getDb } from './database';

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

export interface FailedJob {
  job: JobRow;
  /** The title of the story a narration or illustration was for, when it still exists. */
  storyTitle?: string;
}

/** Jobs that stopped with an error, newest first, for Home to show with a way to act. */
export async function failedJobs(limit: number): Promise<FailedJob[]> {
  const db = getDb();
  const jobs = (await db.jobs.where('status').equals('failed').toArray())
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
  const ids = jobs.map((j) => (j.type === 'story' ? j.id : (j.params as { storyId: string }).storyId));
  const summaries = await db.storySummaries.bulkGet(ids);
  return jobs.map((job, i) => {
    const title = job.type === 'story' ? undefined : summaries[i]?.titleJP;
    return title ? { job, storyTitle: title } : { job };
  });
}
