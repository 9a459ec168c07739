import { getDb } from '../db/database';
import type { JobRow } from '../domain/job';
import { ENGINE_CODES } from '../jobs/messages';
import { watchLive } from './live-watch';

/**
 * What the learner hears about while on another page: a job that failed, and narration or
 * pictures that finished for a story (the story itself is `story-finished.ts`'s). Like the
 * finished-story watcher, it hears every context (worker, this tab, others) through liveQuery and
 * reports only what ended after `since`.
 */
export type JobOutcome =
  | { kind: 'failed'; job: JobRow; storyTitle: string | undefined }
  | { kind: 'media-ready'; media: 'audio' | 'image'; storyId: string; storyTitle: string };

/** The story a job belongs to: its own id for a story job, the one it works on otherwise. */
function storyIdOf(job: JobRow): string {
  return job.type === 'story' ? job.id : (job.params as { storyId: string }).storyId;
}

/**
 * A story's word list that failed only because its story did: queued with every story without
 * being asked for, so it is not a second failure to hear about ("2 jobs failed") — the story's is.
 */
function followsItsStory(job: JobRow): boolean {
  return job.type === 'annotate' && job.status === 'failed' && job.error?.code === ENGINE_CODES.dependencyFailed;
}

function endedJobs(since: number): Promise<JobRow[]> {
  return getDb()
    .jobs.where('status')
    .anyOf('failed', 'completed')
    .filter((j) => (j.finishedAt ?? j.updatedAt) >= since && (j.status === 'failed' || j.type !== 'story') && !followsItsStory(j))
    .toArray();
}

/**
 * Calls `onOutcomes` with each job that failed, and each narration or illustration that
 * completed, once per ending: a job retried and failing again is reported again (its `finishedAt`
 * moves), a later change to the same finished row is not.
 */
export function watchJobOutcomes(onOutcomes: (outcomes: JobOutcome[]) => void, since = Date.now()): () => void {
  const reported = new Set<string>();
  return watchLive(
    () => endedJobs(since),
    (jobs) => {
      const fresh = jobs.filter((j) => !reported.has(`${j.id}:${j.finishedAt ?? j.updatedAt}`));
      for (const j of fresh) reported.add(`${j.id}:${j.finishedAt ?? j.updatedAt}`);
      if (fresh.length) void describe(fresh).then((outcomes) => outcomes.length && onOutcomes(outcomes));
    },
    { where: 'job-outcome watcher' },
  );
}

async function describe(jobs: readonly JobRow[]): Promise<JobOutcome[]> {
  const summaries = await getDb().storySummaries.bulkGet(jobs.map(storyIdOf));
  return jobs.flatMap((job, i): JobOutcome[] => {
    const storyTitle = summaries[i]?.titleJP;
    if (job.status === 'failed') return [{ kind: 'failed', job, storyTitle }];
    // Media of a story no longer here (deleted meanwhile) has nothing to open; a story's words and
    // notes show up in the Reader by themselves, with nothing to announce.
    if ((job.type !== 'audio' && job.type !== 'image') || storyTitle === undefined) return [];
    return [{ kind: 'media-ready', media: job.type, storyId: storyIdOf(job), storyTitle }];
  });
}
