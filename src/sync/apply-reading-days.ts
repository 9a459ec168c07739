import { getDb } from '../db/database';
import { type ReadingDay, ReadingDaySchema } from '../domain/reading-day';
import type { ApplyOutcome } from './apply-annotations';
import { dropSuperseded, ensureQueued } from './apply-queue';
import { decideReadingDay } from './merge';
import { firstIssue } from './pulled-issue';
import type { ReadingDayRecord } from './rows-review';
import { type Watermark, writeWatermark } from './state';

/**
 * Applying a pulled page of reading days (issue 15), in one transaction with its cursor, like words
 * (apply-words.ts): the newer `updatedAt` wins per (day, device) row. Each device writes only its
 * own rows, so another device's rows simply arrive; a row of THIS device's id is taken from the
 * server only when it is newer than the one here (a restored backup, a reinstalled device), and
 * when this device's row is newer it is queued instead, so both converge. Pulled rows are written
 * straight to the table, never queued. A row this version cannot read is rejected with its reason
 * and changes nothing here.
 */
export async function applyReadingDays(rows: readonly ReadingDayRecord[], watermark: Watermark): Promise<ApplyOutcome> {
  const db = getDb();
  return db.transaction('rw', [db.readingDays, db.outbox, db.syncState], async () => {
    const outcome: ApplyOutcome = { applied: 0, rejected: [] };
    const stored = await db.readingDays.bulkGet(rows.map((r) => r.key));
    for (const [i, row] of rows.entries()) {
      const remote = readingDayFromRow(row);
      if (typeof remote === 'string') {
        outcome.rejected.push({ key: row.key, reason: remote });
        continue;
      }
      const local = stored[i];
      const decision = decideReadingDay({ deleted: false, writtenAt: remote.updatedAt }, local ? { writtenAt: local.updatedAt } : null);
      if (decision === 'apply') {
        await db.readingDays.put(remote);
        await dropSuperseded('reading_days', row.key);
        outcome.applied++;
      } else if (decision === 'push-local') {
        await ensureQueued('reading_days', row.key, false);
      } else {
        await dropSuperseded('reading_days', row.key); // the server already has this row
      }
    }
    await writeWatermark('reading_days', watermark);
    return outcome;
  });
}

/** The ReadingDay in a pulled row, or the reason this version cannot take it. */
export function readingDayFromRow(row: ReadingDayRecord): ReadingDay | string {
  const parsed = ReadingDaySchema.safeParse(row.content);
  if (!parsed.success) return `A day of reading this version cannot read (${firstIssue(parsed.error)}); this device's row is kept.`;
  if (parsed.data.key !== row.key) return `A day of reading filed under another key (${parsed.data.key}); this device's row is kept.`;
  return parsed.data;
}
