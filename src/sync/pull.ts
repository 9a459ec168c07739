import type { SyncTable } from '../db/rows';
import { applyProgress, applySettings, applyStories } from './apply';
import { type ApplyOutcome, applyAnnotations, type PulledRejection } from './apply-annotations';
import { applyReadingDays } from './apply-reading-days';
import { applyReviewLogs } from './apply-review-logs';
import { applyWords } from './apply-words';
import { PULL_PAGE_ROWS, SYNC_TABLES } from './constants';
import type { RestClient } from './rest';
import type { AnnotationRecord, ProgressRecord, SettingsRecord, StoryRecord, WordRecord } from './rows';
import type { ReadingDayRecord, ReviewLogRecord } from './rows-review';
import { readWatermark, type Watermark, writeWatermark } from './state';
import { type RetryOptions, withRetry } from './transient-retry';
import { EPOCH, laterStamp, type PageCursor, pageQuery, pullFrom } from './watermark';

/**
 * Pull: for each table, pages ordered by (updated_at, key) from `watermark − overlap` (watermark.ts),
 * each page applied with its new watermark in one transaction (apply.ts), until a page comes back
 * empty. Merge decides per row; tombstones delete locally.
 */
export interface PullReport {
  /** Rows received (the overlap re-reads a few every time). */
  transferred: number;
  /** Rows that changed this device. */
  applied: number;
  /** Rows this version cannot read (annotations, words, reviews, reading days), with the reason; they changed nothing here. */
  rejected: PulledRejection[];
  requests: number;
}

export interface PullSpec<R extends { updated_at: string }> {
  table: SyncTable;
  /** The key that breaks ties between equal stamps (unique within one user's rows). */
  keyColumn: string;
  keyOf(row: R): string;
  apply(rows: R[], watermark: Watermark): Promise<ApplyOutcome>;
}

/** For the tables whose apply only counts what changed (apply.ts). */
const counted =
  <R>(apply: (rows: R[], watermark: Watermark) => Promise<number>) =>
  async (rows: R[], watermark: Watermark): Promise<ApplyOutcome> => ({ applied: await apply(rows, watermark), rejected: [] });

export const STORIES_PULL: PullSpec<StoryRecord> = { table: 'stories', keyColumn: 'id', keyOf: (r) => r.id, apply: counted((rows, w) => applyStories(rows, w)) };
export const ANNOTATIONS_PULL: PullSpec<AnnotationRecord> = { table: 'annotations', keyColumn: 'story_id', keyOf: (r) => r.story_id, apply: applyAnnotations };
export const PROGRESS_PULL: PullSpec<ProgressRecord> = { table: 'reading_progress', keyColumn: 'story_id', keyOf: (r) => r.story_id, apply: counted(applyProgress) };
export const SETTINGS_PULL: PullSpec<SettingsRecord> = { table: 'user_settings', keyColumn: 'user_id', keyOf: (r) => r.user_id, apply: counted(applySettings) };
export const WORDS_PULL: PullSpec<WordRecord> = { table: 'words', keyColumn: 'key', keyOf: (r) => r.key, apply: applyWords };
export const REVIEW_LOGS_PULL: PullSpec<ReviewLogRecord> = { table: 'review_logs', keyColumn: 'id', keyOf: (r) => r.id, apply: applyReviewLogs };
export const READING_DAYS_PULL: PullSpec<ReadingDayRecord> = { table: 'reading_days', keyColumn: 'key', keyOf: (r) => r.key, apply: applyReadingDays };

export interface PullOptions extends RetryOptions {
  pageRows?: number;
  /** Tests only: a different overlap window (0 shows what a bare watermark would miss). */
  overlapMs?: number;
}

export async function pullTable<R extends { updated_at: string }>(rest: RestClient, spec: PullSpec<R>, account: string, options: PullOptions = {}): Promise<PullReport> {
  const limit = options.pageRows ?? PULL_PAGE_ROWS;
  const report: PullReport = { transferred: 0, applied: 0, rejected: [], requests: 0 };
  let watermark = await readWatermark(spec.table, account);
  const from = pullFrom(watermark, options.overlapMs);
  let after: PageCursor | null = null;
  for (;;) {
    const query = pageQuery(from, after, spec.keyColumn, limit);
    const rows = await withRetry(() => {
      report.requests += 1;
      return rest.select<R>(spec.table, query);
    }, options);
    report.transferred += rows.length;
    const last = rows.at(-1);
    if (!last) {
      // An empty table still counts as pulled: this account's first sync is done.
      if (watermark === null) await writeWatermark(spec.table, { account, at: EPOCH });
      return report;
    }
    watermark = laterStamp(watermark, last.updated_at) ?? last.updated_at;
    const outcome = await spec.apply(rows, { account, at: watermark });
    report.applied += outcome.applied;
    report.rejected.push(...outcome.rejected);
    // A short page is not the end: a project's "Max rows" cuts every page short. Only an empty one is.
    after = { updatedAt: last.updated_at, key: spec.keyOf(last) };
  }
}

export type PullReports = Record<SyncTable, PullReport>;

/** Pulls `tables` in SYNC_TABLES order: stories first, so words and progress find their story (and its tombstone). */
export async function pullTables(rest: RestClient, account: string, tables: readonly SyncTable[], options: PullOptions = {}): Promise<Partial<PullReports>> {
  const reports: Partial<PullReports> = {};
  for (const table of SYNC_TABLES.filter((t) => tables.includes(t))) reports[table] = await pullOne(rest, table, account, options);
  return reports;
}

export async function pullAll(rest: RestClient, account: string, options: PullOptions = {}): Promise<PullReports> {
  return (await pullTables(rest, account, SYNC_TABLES, options)) as PullReports;
}

function pullOne(rest: RestClient, table: SyncTable, account: string, options: PullOptions): Promise<PullReport> {
  switch (table) {
    case 'stories':
      return pullTable(rest, STORIES_PULL, account, options);
    case 'annotations':
      return pullTable(rest, ANNOTATIONS_PULL, account, options);
    case 'reading_progress':
      return pullTable(rest, PROGRESS_PULL, account, options);
    case 'user_settings':
      return pullTable(rest, SETTINGS_PULL, account, options);
    case 'words':
      return pullTable(rest, WORDS_PULL, account, options);
    case 'review_logs':
      return pullTable(rest, REVIEW_LOGS_PULL, account, options);
    case 'reading_days':
      return pullTable(rest, READING_DAYS_PULL, account, options);
  }
}
