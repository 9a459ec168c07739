import { getDb } from '../db/database';
import type { JobRow } from '../domain/job';
import { watchLive } from './live-watch';

/** A story that was written while this page was open. */
export interface FinishedStory {
  id: string;
  /** Its Japanese title, or the topic asked for when the story row is not readable (yet). */
  title: string;
}

function completedStoryJobs(): Promise<JobRow[]> {
  return getDb().jobs.where('status').equals('completed').filter((j) => j.type === 'story').toArray();
}

/**
 * Calls `onFinished` with the stories whose job completed since `since` (when this page started
 * watching), wherever the job ran: the service worker, this tab, another tab (liveQuery hears all
 * of them). Each story is announced once; stories finished before the page opened never are.
 */
export function watchFinishedStories(onFinished: (stories: FinishedStory[]) => void, since = Date.now()): () => void {
  const announced = new Set<string>();
  return watchLive(
    completedStoryJobs,
    (jobs) => {
      const fresh = jobs.filter((j) => (j.finishedAt ?? j.updatedAt) >= since && !announced.has(j.id));
      for (const j of fresh) announced.add(j.id);
      if (fresh.length) void describe(fresh).then(onFinished);
    },
    { where: 'finished-story watcher' },
  );
}

async function describe(jobs: readonly JobRow[]): Promise<FinishedStory[]> {
  const summaries = await getDb().storySummaries.bulkGet(jobs.map((j) => j.id));
  return jobs.map((job, i) => ({
    id: job.id,
    title: summaries[i]?.titleJP ?? (job.params as JobRow<'story'>['params']).topic,
  }));
}
