import { getProgress, saveProgress } from '../db/progress-repo';
import type { ReadingProgress } from '../domain/progress';
import { emptyProgress } from '../domain/progress-ops';

/**
 * The Reader's reading position and quiz answers, as pages reach them. The rules (when a story
 * counts as completed, what an unopened story's progress is) live in domain/progress.ts, so the
 * page applies them at once and its state never waits for storage; the write (the progress and its
 * sync outbox entry in one transaction) lives in db/progress-repo.ts. Pages never write to the
 * database themselves: this module is the door.
 */

/** The saved progress of a story, or the empty progress of one never opened. */
export async function loadReadingProgress(storyId: string): Promise<ReadingProgress> {
  return (await getProgress(storyId)) ?? emptyProgress(storyId);
}

/**
 * Saves progress the page already applied (a new position, a quiz answer) and queues it for sync.
 * A failure is the caller's to show; the position is saved again on the next scroll.
 */
export function saveReadingProgress(progress: ReadingProgress): Promise<void> {
  return saveProgress(progress);
}
