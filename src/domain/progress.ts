import { z } from 'zod';

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
  lastReadAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
});

export type ReadingProgress = z.infer<typeof ReadingProgressSchema>;
