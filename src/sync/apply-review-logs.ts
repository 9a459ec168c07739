import { getDb } from '../db/database';
import { addMissingEntries } from '../db/review-log-merge';
import { type ReviewLogEntry, ReviewLogEntrySchema } from '../domain/review-log';
import type { ApplyOutcome } from './apply-annotations';
import { dropSuperseded } from './apply-queue';
import { firstIssue } from './pulled-issue';
import type { ReviewLogRecord } from './rows-review';
import { type Watermark, writeWatermark } from './state';

/**
 * Applying a pulled page of the review log (issue 15), in one transaction with its cursor. The log
 * is append-only, so a pull only ever adds (src/db/review-log-merge.ts: an entry this device lacks
 * is inserted and the cached cards it names are deleted, to be replayed from the log; one it has is
 * left exactly as it is). Either way a pending push of that entry goes: the server has it. Written
 * straight to the table, never queued, so a pulled entry never goes back. An entry this version
 * cannot read is rejected with its reason and changes nothing here.
 */
export async function applyReviewLogs(rows: readonly ReviewLogRecord[], watermark: Watermark): Promise<ApplyOutcome> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    const outcome: ApplyOutcome = { applied: 0, rejected: [] };
    const valid: ReviewLogEntry[] = [];
    for (const row of rows) {
      const remote = reviewLogFromRow(row);
      if (typeof remote === 'string') outcome.rejected.push({ key: row.id, reason: remote });
      else valid.push(remote);
    }
    outcome.applied = (await addMissingEntries(valid)).length;
    for (const entry of valid) await dropSuperseded('review_logs', entry.id);
    await writeWatermark('review_logs', watermark);
    return outcome;
  });
}

/** The entry in a pulled row, or the reason this version cannot take it. */
export function reviewLogFromRow(row: ReviewLogRecord): ReviewLogEntry | string {
  const parsed = ReviewLogEntrySchema.safeParse(row.content);
  if (!parsed.success) return `A review this version cannot read (${firstIssue(parsed.error)}); nothing changed on this device.`;
  if (parsed.data.id !== row.id) return `A review filed under another id (${parsed.data.id}); nothing changed on this device.`;
  return parsed.data;
}
