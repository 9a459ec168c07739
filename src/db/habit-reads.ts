import type { ReviewLogEntry } from '../domain/review-log';
import type { WordEntry } from '../domain/words';
import { getDb } from './database';

/**
 * What the reading habit reads from the review log and the words store (issue 15); it never writes
 * them (the Review page and the Reader do).
 */

/** Log entries graded at or after `fromMs`: an `undo` always follows the review it takes back. */
export function reviewEntriesSince(fromMs: number): Promise<ReviewLogEntry[]> {
  return getDb().reviewLogs.where('reviewedAt').aboveOrEqual(fromMs).toArray();
}

/** Words whose state last changed at or after `fromMs`. */
export function wordsChangedSince(fromMs: number): Promise<Pick<WordEntry, 'state' | 'updatedAt'>[]> {
  return getDb().words.where('updatedAt').aboveOrEqual(fromMs).toArray();
}
