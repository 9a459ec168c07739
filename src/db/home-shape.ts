import type { CardFacts } from '../domain/card-facts';
import type { JobRow } from '../domain/job';
import type { StorySummary } from '../domain/summary';

/**
 * What Home's first screen draws, and the pieces of its reading that do not touch storage: shared by
 * the live read through Dexie (home-facts.ts) and the first look through plain IndexedDB
 * (first-look.ts), so the two cannot draw Home differently.
 */
export interface HomeData {
  continueReading: StorySummary[];
  recent: StorySummary[];
  facts: CardFacts;
  hasKey: boolean;
  failed: FailedJob[];
}

export interface FailedJob {
  job: JobRow;
  /** The title of the story a narration or illustration was for, when it still exists. */
  storyTitle?: string;
}

/** How many of each Home draws. */
export const HOME_LIMITS = { continueReading: 3, recent: 6, failed: 5 } as const;

/** Of every failed job, the newest `limit`. */
export function newestFailed(jobs: readonly JobRow[], limit: number): JobRow[] {
  return [...jobs].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/** The story whose title a failed job's line shows: a story job's own, a media job's target. */
export function titleStoryId(job: JobRow): string {
  return job.type === 'story' ? job.id : (job.params as { storyId: string }).storyId;
}

/** Failed jobs with the titles of the stories they were for (`summaries` in the same order). */
export function withTitles(jobs: readonly JobRow[], summaries: ReadonlyArray<StorySummary | undefined>): FailedJob[] {
  return jobs.map((job, i) => {
    const title = job.type === 'story' ? undefined : summaries[i]?.titleJP;
    return title ? { job, storyTitle: title } : { job };
  });
}

/** A stored API key counts when it is not empty (the key itself is never part of Home's data). */
export const keyIsSet = (key: string | null | undefined): boolean => Boolean(key);
