import { getDb } from '../db/database';
import { withMediaSummary } from '../db/media-repo';
import type { MediaKind } from '../db/rows';
import { getStory } from '../db/stories-repo';
import type { Story } from '../domain/story';
import { JobFailure } from '../jobs/errors';
import type { JobTransaction, TaskContext } from '../jobs/registry';
import { isHeldBy } from '../jobs/state';
import { lostReason } from '../jobs/task-context';

/**
 * One finished step of a media job (a narrated sentence, a picture), written in ONE transaction:
 * the blob, the story's media summary recounted, and the job's checkpoint — and only while the job
 * is still this runner's and its story still exists. So:
 * - a resumed job finds exactly the steps that were paid for (the `media` table is the truth);
 * - a cancelled or taken-over job cannot add a blob after the fact;
 * - a story deleted mid-job does not collect orphan media.
 */

export type MediaJobType = 'audio' | 'image';

export interface MediaBlob {
  kind: MediaKind;
  index: number;
  blob: Blob;
  bytes: number;
}

export const STORY_GONE_CODE = 'story-missing';

const NOUNS: Record<MediaJobType, string> = { audio: 'narrate', image: 'illustrate' };

/** The story is the job's dependency; if the learner deleted it, there is nothing to work on. */
export function storyGone(type: MediaJobType): JobFailure {
  return new JobFailure(
    'permanent',
    STORY_GONE_CODE,
    `The story to ${NOUNS[type]} is no longer in your library (it was deleted), so there is nothing to ${NOUNS[type]}.`,
  );
}

/** The job's story, or the permanent failure saying it is gone. */
export async function requireStory(type: MediaJobType, storyId: string): Promise<Story> {
  const story = await getStory(storyId);
  if (!story) throw storyGone(type);
  return story;
}

type StepResult = 'stored' | 'lost' | 'story-gone';

/**
 * `checkpoint` builds the new checkpoint from the row's current one, inside the transaction: steps
 * run concurrently, and a checkpoint computed before the transaction could undo a step stored meanwhile.
 */
export async function storeMediaStep<T extends MediaJobType>(
  ctx: TaskContext<T>,
  media: MediaBlob,
  checkpoint: (current: unknown) => unknown,
): Promise<void> {
  const owner = ctx.job.lease?.owner ?? '';
  const storyId = ctx.job.params.storyId;
  const db = getDb();
  const result = await db.transaction('rw', db.jobs, db.stories, db.media, async (): Promise<StepResult> => {
    const job = await db.jobs.get(ctx.job.id);
    if (!isHeldBy(job, owner)) return 'lost';
    const story = await db.stories.get(storyId);
    if (!story) return 'story-gone';
    await db.media.put({
      storyId,
      kind: media.kind,
      index: media.index,
      blob: media.blob,
      mime: media.blob.type,
      bytes: media.bytes,
      createdAt: ctx.now(),
    });
    await db.stories.put(await withMediaSummary(story));
    await db.jobs.put({ ...job, checkpoint: checkpoint(job.checkpoint), updatedAt: ctx.now() });
    return 'stored';
  });
  if (result === 'story-gone') throw storyGone(ctx.job.type);
  if (result === 'lost') {
    // Cancelled, or another runner took the job over after our lease ran out: stop without writing.
    throw ctx.signal.aborted ? ctx.signal.reason : lostReason();
  }
}

/** The final commit of a media job: the summary recounted, in the job's completing transaction. */
export async function commitMediaSummary(tx: JobTransaction, type: MediaJobType, storyId: string): Promise<void> {
  const story = await tx.stories.get(storyId);
  if (!story) throw storyGone(type);
  await tx.stories.put(await withMediaSummary(story));
}
