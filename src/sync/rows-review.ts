import type { ReadingDay } from '../domain/reading-day';
import type { ReviewLogEntry } from '../domain/review-log';
import { normaliseDeep } from '../domain/untrusted-text';

/**
 * The review log and the reading days (issue 15) as their server rows
 * (supabase/migrations/20261218000000_review_and_habit.sql): the entry or day travels whole in
 * `content`, text normalised once more (Postgres refuses NUL and lone surrogates in jsonb), and the
 * key columns are taken from that same normalised content, which the server checks they match.
 * No deletion rows: the log is append-only and each device's days are only ever rewritten.
 */
export interface ReviewLogUpsert {
  id: string;
  card_key: string;
  content: object;
}

export interface ReviewLogRecord extends ReviewLogUpsert {
  updated_at: string;
}

export function reviewLogToRow(entry: ReviewLogEntry): ReviewLogUpsert {
  const content = normaliseDeep(entry) as ReviewLogEntry;
  return { id: content.id, card_key: content.cardKey, content };
}

export interface ReadingDayUpsert {
  key: string;
  content: object;
}

export interface ReadingDayRecord extends ReadingDayUpsert {
  updated_at: string;
}

export function readingDayToRow(day: ReadingDay): ReadingDayUpsert {
  const content = normaliseDeep(day) as ReadingDay;
  return { key: content.key, content };
}
