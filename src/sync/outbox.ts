import type { ZodType } from 'zod';
import { getDb } from '../db/database';
import type { OutboxRow, SyncTable } from '../db/rows';
import { loadSettings } from '../db/settings-repo';
import { AnnotationSchema } from '../domain/annotations';
import { ReadingProgressSchema } from '../domain/progress';
import { ReadingDaySchema } from '../domain/reading-day';
import { ReviewLogEntrySchema } from '../domain/review-log';
import { StorySchema } from '../domain/story';
import { WordEntrySchema } from '../domain/words';
import { DELETE_GRACE_MS } from './constants';
import { annotationToRow, progressToRow, settingsToRow, storyDeletionRow, storyToRow, wordToRow } from './rows';
import { readingDayToRow, reviewLogToRow } from './rows-review';

/**
 * The push side of the outbox (the repositories queue rows, src/db/outbox-repo.ts). A row only
 * names what changed; what is sent is the row's CURRENT local state, read when the push starts, so
 * ten edits of one story send it once. A row leaves the outbox only if it did not change while it
 * was being sent (its `queuedAt` is the one that was read).
 */
export interface Change {
  row: OutboxRow;
  /** The row to upsert; null when there is nothing left to send (e.g. a sample, or a vanished row). */
  payload: object | null;
  /** Why this row cannot be sent as it is (set aside as rejected; the others still go). */
  problem?: string;
}

/** Pending (not rejected) rows of `table`; deletions younger than the undo window wait unless `force`. */
export async function pendingRows(table: SyncTable, now: number, force: boolean): Promise<OutboxRow[]> {
  const rows = await getDb().outbox.orderBy('queuedAt').toArray();
  return rows.filter((r) => r.table === table && r.rejected === null && (force || !r.deleted || r.queuedAt + DELETE_GRACE_MS <= now));
}

/** Reads the local state each row stands for, in one read transaction. */
export async function buildChanges(rows: readonly OutboxRow[]): Promise<Change[]> {
  const db = getDb();
  return db.transaction('r', [db.stories, db.annotations, db.tombstones, db.progress, db.settings, db.words, db.reviewLogs, db.readingDays], async () => {
    const changes: Change[] = [];
    for (const row of rows) changes.push(await changeOf(row));
    return changes;
  });
}

/**
 * One row's change, never throwing: a row stored before a rule existed (a createdAt of 9e15 once
 * made every push throw RangeError, for that row and all the others) becomes a problem of its own.
 */
async function changeOf(row: OutboxRow): Promise<Change> {
  try {
    return { row, payload: await payloadOf(row) };
  } catch (error) {
    return { row, payload: null, problem: `Not sent: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Throws with the first issue: the schema also normalises the text (NUL, lone surrogates…). */
function checked<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`this ${what} does not pass the app's checks (${issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'invalid'})`);
}

async function payloadOf(row: OutboxRow): Promise<object | null> {
  const db = getDb();
  if (row.table === 'stories') {
    const story = await db.stories.get(row.rowKey);
    if (story) return story.source === 'sample' ? null : storyToRow(checked(StorySchema, story, 'story'));
    return (await db.tombstones.get(row.rowKey)) ? storyDeletionRow(row.rowKey) : null;
  }
  if (row.table === 'annotations') {
    // Gone with its story (or a sample's, which never syncs): nothing to send, the server
    // tombstones a deleted story's words itself — also while this device's undo is still offered.
    const [annotation, story] = await Promise.all([db.annotations.get(row.rowKey), db.stories.get(row.rowKey)]);
    if (!annotation || !story || story.source === 'sample') return null;
    return annotationToRow(checked(AnnotationSchema, annotation, 'annotation'));
  }
  if (row.table === 'reading_progress') {
    const progress = await db.progress.get(row.rowKey);
    return progress ? progressToRow(checked(ReadingProgressSchema, progress, 'reading progress')) : null;
  }
  if (row.table === 'words') {
    const entry = await db.words.get(row.rowKey);
    return entry ? wordToRow(checked(WordEntrySchema, entry, 'word')) : null;
  }
  if (row.table === 'review_logs') {
    // An entry never changes: once the server has it (this push, or a pull) its row is done.
    const entry = await db.reviewLogs.get(row.rowKey);
    return entry ? reviewLogToRow(checked(ReviewLogEntrySchema, entry, 'review')) : null;
  }
  if (row.table === 'reading_days') {
    const day = await db.readingDays.get(row.rowKey);
    return day ? readingDayToRow(checked(ReadingDaySchema, day, 'day of reading')) : null;
  }
  return settingsToRow(await loadSettings());
}

type Update = (row: OutboxRow) => OutboxRow | null;

/** Applies `update` to each row still as it was read (null deletes it); newer rows are left alone. */
async function updateUnchanged(rows: readonly OutboxRow[], update: Update): Promise<void> {
  if (rows.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.bulkGet(rows.map((r) => r.id));
    const puts: OutboxRow[] = [];
    const deletes: string[] = [];
    rows.forEach((read, i) => {
      const now = current[i];
      if (!now || now.queuedAt !== read.queuedAt) return;
      const next = update(now);
      if (next) puts.push(next);
      else deletes.push(now.id);
    });
    await db.outbox.bulkDelete(deletes);
    await db.outbox.bulkPut(puts);
  });
}

export const markSent = (rows: readonly OutboxRow[]) => updateUnchanged(rows, () => null);

export const markAttempted = (rows: readonly OutboxRow[]) => updateUnchanged(rows, (r) => ({ ...r, attempts: r.attempts + 1 }));

export const markRejected = (row: OutboxRow, status: number, message: string) =>
  updateUnchanged([row], (r) => ({ ...r, attempts: r.attempts + 1, rejected: { status, message } }));

/** "Try again" for rows kept aside: they rejoin the queue as they are. */
export async function retryRejected(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const rejected = await db.outbox.filter((r) => r.rejected !== null).toArray();
    await db.outbox.bulkPut(rejected.map((r) => ({ ...r, rejected: null, attempts: 0 })));
    return rejected.length;
  });
}
