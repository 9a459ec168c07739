import { readDraft, type StoryDraft } from '../domain/story-draft';
import { getDb } from './database';

/**
 * The `drafts` table: what a running story job has written so far, for the Queue row and the
 * Reader. Written only while the job is still processing under the writer's lease (checked in the
 * same transaction as the write), so a write that lands after the job completed, failed or was
 * cancelled cannot leave a draft behind; and deleted in those very transactions (src/jobs/).
 */

/**
 * Writes the draft of job `jobId` if `owner` still holds it. False when it does not (nothing written).
 * The lease check repeats the engine's rule (src/jobs/state.ts isHeldBy); db/ cannot import jobs/.
 */
export async function writeDraft(jobId: string, owner: string, draft: StoryDraft, now: number): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.jobs, db.drafts, async () => {
    const job = await db.jobs.get(jobId);
    if (job?.status !== 'processing' || job.lease?.owner !== owner) return false;
    await db.drafts.put({ jobId, ...draft, updatedAt: now });
    return true;
  });
}

/**
 * Deletes the drafts of these jobs. Called inside the engine's complete, fail and cancel
 * transactions (which include `drafts`), so the draft goes in the same step as the job's end.
 */
export async function deleteDrafts(jobIds: readonly string[]): Promise<void> {
  if (jobIds.length > 0) await getDb().drafts.bulkDelete([...jobIds]);
}

/**
 * Deletes drafts whose job no longer runs. The engine deletes a draft when its job ends, but a job
 * failed while recovering an expired lease, dismissed or pruned ends elsewhere; this sweep (after
 * every drain) keeps those from staying on the disk. Returns how many it deleted.
 */
export async function deleteOrphanDrafts(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.jobs, db.drafts, async () => {
    const ids = (await db.drafts.toCollection().primaryKeys()) as string[];
    const jobs = await db.jobs.bulkGet(ids);
    const orphans = ids.filter((_, i) => jobs[i]?.status !== 'processing');
    await db.drafts.bulkDelete(orphans);
    return orphans.length;
  });
}

/** The draft of a job, checked like any stored row, or null. For liveQuery readers. */
export async function getDraft(jobId: string): Promise<StoryDraft | null> {
  return readDraft(await getDb().drafts.get(jobId));
}

/** What a page can show for a story id that is not in the library (yet). */
export type StoryInProgress =
  | { state: 'none' }
  /** A story job with this id that has not started writing (queued, backing off, offline…). */
  | { state: 'waiting' }
  /** Running: its draft, null until the title has arrived. */
  | { state: 'writing'; draft: StoryDraft | null };

/**
 * The story job behind `storyId` (a generated story's id is its job's id) and its draft, read
 * together so a page never pairs one job's state with another moment's draft. A draft is shown only
 * while its job is processing: one left by a runner that died belongs to no running try.
 */
export async function storyInProgress(storyId: string): Promise<StoryInProgress> {
  const db = getDb();
  return db.transaction('r', db.jobs, db.drafts, async () => {
    const job = await db.jobs.get(storyId);
    if (job?.type !== 'story') return { state: 'none' } as const;
    if (job.status === 'pending') return { state: 'waiting' } as const;
    if (job.status !== 'processing') return { state: 'none' } as const;
    return { state: 'writing', draft: readDraft(await db.drafts.get(storyId)) } as const;
  });
}
