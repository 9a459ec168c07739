import type { ReadingProgress } from './progress';
import type { StorySource } from './story';

/**
 * Where a learner stands with one story, as a card says it: never opened ("Read"), part-way
 * ("Continue", with the percentage), or finished ("Read again", marked as read). A finished story
 * shows a full bar even when it was finished from the "Finish story" button above 100 %.
 */
export interface ReadingState {
  /** 0–100, whole numbers, what the progress bar shows. */
  percent: number;
  finished: boolean;
  action: 'Read' | 'Continue' | 'Read again';
}

/** How much of the story has been read, for progress bars: 100 once completed, never less than before. */
export function furthestPercent(progress: Pick<ReadingProgress, 'percent' | 'furthestPercent' | 'completed'>): number {
  if (progress.completed) return 100;
  return Math.max(progress.percent, progress.furthestPercent ?? 0);
}

/** The bar shows the furthest point read (it only grows), not the place to resume. */
export function readingState(progress: Pick<ReadingProgress, 'percent' | 'furthestPercent' | 'completed'> | undefined): ReadingState {
  if (progress?.completed) return { percent: 100, finished: true, action: 'Read again' };
  const percent = Math.max(0, Math.min(100, Math.round(progress ? furthestPercent(progress) : 0)));
  return { percent, finished: false, action: percent > 0 ? 'Continue' : 'Read' };
}

/** How a story came to be here, in the learner's words (the older app's "AI" badge, and more). */
export const SOURCE_LABELS: Record<StorySource, string> = {
  generated: 'Written by Gemini',
  sample: 'Sample',
  imported: 'Imported',
};
