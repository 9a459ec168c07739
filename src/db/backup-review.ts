import type { ReadyImportPlan } from '../domain/backup/plan-import';
import type { ReadingDay } from '../domain/reading-day';
import type { ReviewLogEntry } from '../domain/review-log';
import { getDb, type NihongoDb } from './database';
import { queueChanges } from './outbox-repo';
import { addMissingEntries } from './review-log-merge';

/**
 * The review log and the days of reading in export and import (issue 15), for backup-repo.ts. The
 * cached card schedules (`cards`) are never exported: another device replays them from the log.
 * An import adds only the log entries this device lacks (append-only: a stored entry is never
 * overwritten) and drops the cached cards they name; a day of reading is written only where newer.
 */
export interface ReviewParts {
  reviewLogs: ReviewLogEntry[];
  readingDays: ReadingDay[];
}

/** Read inside the export's transaction (EXPORT_REVIEW_TABLES). */
export const EXPORT_REVIEW_TABLES = ['reviewLogs', 'readingDays'] as const;

export async function exportReviewParts(): Promise<ReviewParts> {
  const db = getDb();
  const [reviewLogs, readingDays] = await Promise.all([db.reviewLogs.toArray(), db.readingDays.toArray()]);
  return { reviewLogs, readingDays };
}

/** The plan's parts that would change this device (importing the same file again offers nothing). */
export async function unseenReviewParts(plan: Pick<ReadyImportPlan, 'reviewLogs' | 'readingDays'>): Promise<ReviewParts> {
  const db = getDb();
  // Only the tables with something to look up: even an empty bulkGet opens its table, which the
  // import's transaction lists only when the plan has entries for it (reviewImportTables).
  const [entries, days] = await Promise.all([
    plan.reviewLogs.length > 0 ? db.reviewLogs.bulkGet(plan.reviewLogs.map((e) => e.id)) : [],
    plan.readingDays.length > 0 ? db.readingDays.bulkGet(plan.readingDays.map((d) => d.key)) : [],
  ]);
  return {
    reviewLogs: plan.reviewLogs.filter((_, i) => entries[i] === undefined),
    readingDays: plan.readingDays.filter((d, i) => (days[i]?.updatedAt ?? -1) < d.updatedAt),
  };
}

/** The tables applyReviewParts writes, only when the plan has something for them. */
export function reviewImportTables(db: NihongoDb, plan: Pick<ReadyImportPlan, 'reviewLogs' | 'readingDays'>) {
  return [...(plan.reviewLogs.length > 0 ? [db.reviewLogs, db.cards] : []), ...(plan.readingDays.length > 0 ? [db.readingDays] : [])];
}

/** Inside the import's transaction (with `outbox` and `syncState`); returns what it wrote. */
export async function applyReviewParts(plan: Pick<ReadyImportPlan, 'reviewLogs' | 'readingDays'>): Promise<{ reviews: number; readingDays: number }> {
  const db = getDb();
  const added = await addMissingEntries(plan.reviewLogs);
  await queueChanges(db, 'review_logs', added.map((e) => e.id), false);
  // Checked again inside: the library may have changed while the learner read the report.
  const { readingDays } = await unseenReviewParts({ reviewLogs: [], readingDays: plan.readingDays });
  // Even an empty bulkPut opens its table, which this transaction lists only when the plan has days.
  if (readingDays.length > 0) await db.readingDays.bulkPut(readingDays);
  await queueChanges(db, 'reading_days', readingDays.map((d) => d.key), false);
  return { reviews: added.length, readingDays: readingDays.length };
}
