import { getAnnotation } from '../db/annotations-read';
import { getDb } from '../db/database';
import type { JobRow } from '../domain/job';
import { ACTIVE_STATUSES } from '../jobs/state';
import { wakeQueue } from './wake-queue';

/**
 * What the Reader's word popover asks for (issue 13): the words of a story that has none yet
 * (imported, older, synced from an older version; a generated story gets its annotate job with the
 * story itself) and a grammar note on one sentence. Like narration.ts, asking again while a job
 * for the same story (and sentence) is pending or running returns that job instead of queueing a
 * second one, and each call wakes the runner.
 */

type WordJob = JobRow<'annotate'> | JobRow<'explain'>;

/** The annotate and explain jobs of one story, newest first (what the Reader watches). */
export async function wordJobsFor(storyId: string): Promise<WordJob[]> {
  const jobs = await getDb()
    .jobs.where('type')
    .anyOf(['annotate', 'explain'])
    .filter((job) => (job.params as { storyId?: unknown }).storyId === storyId)
    .toArray();
  return (jobs as WordJob[]).sort((a, b) => b.createdAt - a.createdAt);
}

async function enqueueOnce<T extends 'annotate' | 'explain'>(
  type: T,
  params: JobRow<T>['params'],
  same: (job: JobRow<T>) => boolean,
): Promise<JobRow<T>> {
  const db = getDb();
  // Loaded at the first request, before the transaction opens: enqueueing validates params with zod,
  // which the Reader does not need to draw the story.
  const { enqueue } = await import('../jobs/enqueue');
  const job = await db.transaction('rw', db.jobs, async () => {
    const jobs = (await wordJobsFor(params.storyId)).filter((j) => j.type === type) as JobRow<T>[];
    const active = jobs.find((j) => ACTIVE_STATUSES.includes(j.status) && same(j));
    return active ?? (await enqueue(type, params));
  });
  wakeQueue();
  return job;
}

/** Queues the words of every sentence of the story (the job skips nothing: it replaces the tokens). */
export function requestAnnotation(storyId: string): Promise<JobRow<'annotate'>> {
  return enqueueOnce('annotate', { storyId }, () => true);
}

/**
 * Queues a grammar note on sentence `segment` (0-based). Resolves to null, and queues nothing,
 * when that sentence already has a note stored: a note is paid for once, and the Reader shows the
 * stored one (getAnnotation(storyId).explanations[segment]).
 */
export async function requestExplanation(storyId: string, segment: number): Promise<JobRow<'explain'> | null> {
  const stored = await getAnnotation(storyId);
  if (stored?.explanations?.[String(segment)]) return null;
  return enqueueOnce('explain', { storyId, segment }, (job) => job.params.segment === segment);
}
