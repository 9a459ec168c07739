import type { z } from 'zod';
import { type ReadingDay, ReadingDaySchema } from '../reading-day';
import { type ReviewLogEntry, ReviewLogEntrySchema } from '../review-log';
import { DAY_REASONS, REVIEW_REASONS } from './messages';

/**
 * The review log and the days of reading, from a file (issue 15). A file made before them has
 * neither and imports as before. Each entry stands alone: a malformed one is rejected with its
 * reason and changes nothing else. The log is append-only: two entries with one id keep the first
 * (as the stored entry is kept over the file's); two rows of one (day, device) keep the newer.
 */
export interface RejectedEntry {
  /** Position in the file's list (-1: the list itself). */
  index: number;
  reason: string;
}

export interface ImportedReviewLogs {
  entries: ReviewLogEntry[];
  rejected: RejectedEntry[];
}

export interface ImportedReadingDays {
  days: ReadingDay[];
  rejected: RejectedEntry[];
}

export function ownReviewLogs(raw: unknown): ImportedReviewLogs {
  const byId = new Map<string, ReviewLogEntry>();
  const rejected = eachValid(raw, ReviewLogEntrySchema, REVIEW_REASONS, (entry) => {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
  });
  return { entries: [...byId.values()], rejected };
}

export function ownReadingDays(raw: unknown): ImportedReadingDays {
  const byKey = new Map<string, ReadingDay>();
  const rejected = eachValid(raw, ReadingDaySchema, DAY_REASONS, (day) => {
    const seen = byKey.get(day.key);
    if (!seen || seen.updatedAt < day.updatedAt) byKey.set(day.key, day);
  });
  return { days: [...byKey.values()], rejected };
}

interface Reasons {
  notAList: string;
  entry(index: number, problem: string): string;
  unreadable: string;
}

/** Calls `take` with each valid item of the list `raw`; returns the rejected ones with their reasons. */
function eachValid<T>(raw: unknown, schema: z.ZodType<T>, reasons: Reasons, take: (item: T) => void): RejectedEntry[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return [{ index: -1, reason: reasons.notAList }];
  const rejected: RejectedEntry[] = [];
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) take(parsed.data);
    else rejected.push({ index, reason: reasons.entry(index, firstProblem(parsed.error, reasons.unreadable)) });
  });
  return rejected;
}

function firstProblem(error: z.ZodError, unreadable: string): string {
  const issue = error.issues[0];
  if (!issue) return unreadable;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
