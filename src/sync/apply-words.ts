import { getDb } from '../db/database';
import { type WordEntry, WordEntrySchema } from '../domain/words';
import type { ApplyOutcome } from './apply-annotations';
import { dropSuperseded, ensureQueued } from './apply-queue';
import { decideWord } from './merge';
import type { WordRecord } from './rows';
import { type Watermark, writeWatermark } from './state';

/**
 * Applying a pulled page of words (what the learner knows, issue 14), in one transaction with its
 * cursor, like progress (apply.ts): the newer `updatedAt` wins per word. A pulled entry is written
 * straight to `words`, never through words-repo (which would queue it), so it never goes back; when
 * this device's entry is newer, it is queued instead, and both converge. An entry this version
 * cannot read is rejected with its reason and changes nothing here.
 */
export async function applyWords(rows: readonly WordRecord[], watermark: Watermark): Promise<ApplyOutcome> {
  const db = getDb();
  return db.transaction('rw', [db.words, db.outbox, db.syncState], async () => {
    const outcome: ApplyOutcome = { applied: 0, rejected: [] };
    // One read for the page (a first sync brings thousands of words); a key appears once per page.
    const stored = await db.words.bulkGet(rows.map((r) => r.key));
    for (const [i, row] of rows.entries()) {
      const remote = row.deleted ? null : wordFromRow(row);
      if (typeof remote === 'string') {
        outcome.rejected.push({ key: row.key, reason: remote });
        continue;
      }
      const local = stored[i];
      const decision = decideWord({ deleted: row.deleted, writtenAt: remote?.updatedAt ?? null }, local ? { writtenAt: local.updatedAt } : null);
      if (decision === 'apply' && remote) {
        await db.words.put(remote);
        await dropSuperseded('words', row.key);
        outcome.applied++;
      } else if (decision === 'delete-local') {
        await db.words.delete(row.key);
        await dropSuperseded('words', row.key);
        outcome.applied++;
      } else if (decision === 'push-local') {
        await ensureQueued('words', row.key, false);
      } else {
        await dropSuperseded('words', row.key); // the server already has this entry
      }
    }
    await writeWatermark('words', watermark);
    return outcome;
  });
}

/** The WordEntry in a pulled row, or the reason this version cannot take it. */
export function wordFromRow(row: WordRecord): WordEntry | string {
  const parsed = WordEntrySchema.safeParse(row.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `A word this version cannot read (${where}${issue?.message ?? 'invalid'}); this device's entry is kept.`;
  }
  if (parsed.data.key !== row.key) return `A word filed under another key (${parsed.data.key}); this device's entry is kept.`;
  return parsed.data;
}
