import { z } from 'zod';
import { furthestPercent } from './reading-state';
import { EpochMsSchema } from './untrusted-text';

// Lives with the cards' reading state, which the first route loads without zod.
export { furthestPercent };

/** Where a learner is in one story; `segmentIndex` + `segmentOffset` restore the scroll position. */
export const ReadingProgressSchema = z.looseObject({
  storyId: z.uuid(),
  /** 0–100, where the learner is now (the place to resume goes with it: segmentIndex + offset). */
  percent: z.number().min(0).max(100).default(0),
  /**
   * 0–100, the furthest point read: it only grows, and the progress bars show it, so scrolling back
   * up to re-read a line does not make a story look less read. Rows written before it existed (and
   * synced rows: the server has no column for it) lack it; `furthestPercent()` falls back to `percent`.
   */
  furthestPercent: z.number().min(0).max(100).optional(),
  /** Index of the first visible segment. */
  segmentIndex: z.int().min(0).default(0),
  /** 0–1, how far that segment had scrolled past the top of the viewport. */
  segmentOffset: z.number().min(0).max(1).default(0),
  completed: z.boolean().default(false),
  /** Quiz answers by question index (the option picked), kept so the score survives a reload. */
  quizAnswers: z.record(z.string(), z.int().min(0).max(3)).default({}),
  lastReadAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});

export type ReadingProgress = z.infer<typeof ReadingProgressSchema>;

/** Where in a story the learner is, without the bookkeeping: what the Reader measures while scrolling. */
export type ReadingPosition = Pick<ReadingProgress, 'percent' | 'segmentIndex' | 'segmentOffset'>;

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
