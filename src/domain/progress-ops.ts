import type { ReadingPosition, ReadingProgress } from './progress';
import { furthestPercent } from './reading-state';

// Lives with the cards' reading state, which the first route loads without zod.
export { furthestPercent };

/**
 * A story counts as read from this far down: the last lines of a story rarely reach the top of the
 * screen, so 100 % would leave most finished stories "in progress" on Home forever.
 */
export const COMPLETED_AT_PERCENT = 98;

/** The progress of a story never opened; `lastReadAt` 0 tells the Reader there is no position to restore. */
export function emptyProgress(storyId: string): ReadingProgress {
  return { storyId, percent: 0, segmentIndex: 0, segmentOffset: 0, completed: false, quizAnswers: {}, lastReadAt: 0, updatedAt: 0 };
}


/**
 * The learner scrolled to `position`: the place to resume follows them, the furthest point only
 * grows, and a story once completed stays completed when they scroll back up.
 */
export function progressAt(progress: ReadingProgress, position: ReadingPosition, now: number): ReadingProgress {
  const completed = progress.completed || position.percent >= COMPLETED_AT_PERCENT;
  const furthest = Math.max(furthestPercent({ ...progress, completed: false }), position.percent);
  return { ...progress, ...position, furthestPercent: completed ? 100 : furthest, completed, lastReadAt: now, updatedAt: now };
}

/** "Finish story": completed and read to the end, whatever the scroll says; the resume place stays. */
export function finishStory(progress: ReadingProgress, now: number): ReadingProgress {
  return { ...progress, completed: true, furthestPercent: 100, lastReadAt: now, updatedAt: now };
}

/**
 * Whether two measured positions are the same place (within a few hundredths of a sentence): a
 * scroll the page made itself (restoring, the browser keeping content in view while pictures load)
 * lands here, and must not be saved as the learner's reading.
 */
export function samePlace(a: ReadingPosition, b: ReadingPosition): boolean {
  return a.segmentIndex === b.segmentIndex && Math.abs(a.segmentOffset - b.segmentOffset) < 0.05;
}

/** The learner picked `option` for quiz question `index`. */
export function withQuizAnswer(progress: ReadingProgress, index: number, option: number, now: number): ReadingProgress {
  return { ...progress, quizAnswers: { ...progress.quizAnswers, [index]: option }, lastReadAt: now, updatedAt: now };
}

/**
 * A newer copy (pulled by sync, which has no column for the furthest point) replaces this device's
 * row, except that the furthest point read on this device is not forgotten.
 */
export function withFurthestOf(incoming: ReadingProgress, local: ReadingProgress | undefined): ReadingProgress {
  if (!local) return incoming;
  return { ...incoming, furthestPercent: Math.max(furthestPercent({ ...incoming, completed: false }), furthestPercent({ ...local, completed: false })) };
}

/** How many of the most recently read rows "Continue reading" looks through for its few unfinished ones. */
export const CONTINUE_SCAN_FACTOR = 4;

/** Of the rows newest-read first, the first `limit` started and not finished. */
export function startedNotFinished(newestFirst: readonly ReadingProgress[], limit: number): ReadingProgress[] {
  return newestFirst.filter((p) => !p.completed && p.percent > 0).slice(0, limit);
}
