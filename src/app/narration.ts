import { getDb } from '../db/database';
import type { JobRow } from '../domain/job';
import type { IllustrationScope } from '../domain/media-plan';
import { ACTIVE_STATUSES } from '../jobs/state';
import { wakeQueue } from './wake-queue';

/**
 * Narration and illustration the learner asks for from the Reader. Opening a story never starts
 * either (the older app burned quota that way): only these calls do, from a button that says how
 * many requests the job will make. Asking again while a job for the same story and kind is still
 * pending or running returns that job instead of queueing a second one.
 */

export type MediaJob = JobRow<'audio'> | JobRow<'image'>;

/** The audio and image jobs of one story, newest first (what the Reader shows live). */
export async function mediaJobsFor(storyId: string): Promise<MediaJob[]> {
  const jobs = await getDb()
    .jobs.where('type')
    .anyOf(['audio', 'image'])
    .filter((job) => (job.params as { storyId?: unknown }).storyId === storyId)
    .toArray();
  return (jobs as MediaJob[]).sort((a, b) => b.createdAt - a.createdAt);
}

async function enqueueOnce<T extends 'audio' | 'image'>(type: T, storyId: string, params: JobRow<T>['params']): Promise<JobRow<T>> {
  const db = getDb();
  // Loaded at the first request, before the transaction opens: enqueueing validates params with zod,
  // which the Reader does not need to draw the story.
  const { enqueue } = await import('../jobs/enqueue');
  const job = await db.transaction('rw', db.jobs, async () => {
    const active = (await mediaJobsFor(storyId)).find((j) => j.type === type && ACTIVE_STATUSES.includes(j.status));
    return (active as JobRow<T> | undefined) ?? (await enqueue(type, params));
  });
  wakeQueue();
  return job;
}

/** Queues narration of every sentence not narrated yet (the job skips the stored ones). */
export function requestNarration(storyId: string): Promise<JobRow<'audio'>> {
  return enqueueOnce('audio', storyId, { storyId });
}

/** Queues the cover (and, for `paragraphs`, one picture per paragraph that has a prompt). */
export function requestIllustration(storyId: string, scope: IllustrationScope = 'cover'): Promise<JobRow<'image'>> {
  return enqueueOnce('image', storyId, { storyId, scope });
}
