import { z } from 'zod';
import { EpochMsSchema } from './untrusted-text';

// The helpers live apart from the schema (progress-ops.ts), so the Reader moves through a story without loading zod.
export { COMPLETED_AT_PERCENT, emptyProgress, finishStory, furthestPercent, progressAt, samePlace, withFurthestOf, withQuizAnswer } from './progress-ops';

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
