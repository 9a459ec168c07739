import { z } from 'zod';
import { EpochMsSchema } from './untrusted-text';

/** Where a learner is in one story; `segmentIndex` + `segmentOffset` restore the scroll position. */
export const ReadingProgressSchema = z.looseObject({
  storyId: z.uuid(),
  /** 0–100, how far through the story the learner has scrolled. */
  percent: z.number().min(0).max(100).default(0),
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

/** The learner scrolled to `position`: a story once completed stays completed when they scroll back up. */
export function progressAt(progress: ReadingProgress, position: ReadingPosition, now: number): ReadingProgress {
  const completed = progress.completed || position.percent >= COMPLETED_AT_PERCENT;
  return { ...progress, ...position, completed, lastReadAt: now, updatedAt: now };
}

/** The learner picked `option` for quiz question `index`. */
export function withQuizAnswer(progress: ReadingProgress, index: number, option: number, now: number): ReadingProgress {
  return { ...progress, quizAnswers: { ...progress.quizAnswers, [index]: option }, lastReadAt: now, updatedAt: now };
}
