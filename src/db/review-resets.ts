import { ALL_CARDS, datedAhead, type ReviewLogEntry } from '../domain/review-log';
import { newId } from '../domain/ids';
import { getDb } from './database';
import { queueChange } from './outbox-repo';

/**
 * "Reset this card" and "Reset all reviews": a `reset` entry appended to the log (which hides the
 * older entries on every device once it syncs; nothing is deleted from the log), and the cached
 * cards dropped, so the Review page's reconcile replays them (src/db/review-repo.ts). No ts-fsrs
 * here: Settings can reset without loading the scheduler.
 */
export async function resetCard(cardKey: string, now = Date.now()): Promise<ReviewLogEntry> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    // After every entry already there: a reset stamped before a grade would not hide it.
    const newest = await db.reviewLogs.where('cardKey').anyOf(cardKey, ALL_CARDS).toArray();
    const at = Math.max(now, ...newest.filter((e) => !datedAhead(e, now)).map((e) => e.reviewedAt + 1));
    const entry: ReviewLogEntry = { id: newId(), cardKey, kind: 'reset', reviewedAt: at };
    await db.reviewLogs.add(entry);
    if (cardKey === ALL_CARDS) await db.cards.clear();
    else await db.cards.delete(cardKey);
    await queueChange(db, 'review_logs', entry.id, false);
    return entry;
  });
}

export function resetAllReviews(now = Date.now()): Promise<ReviewLogEntry> {
  return resetCard(ALL_CARDS, now);
}

/** How many grades the log holds (Settings says what a reset hides). */
export function countReviews(): Promise<number> {
  return getDb().reviewLogs.count();
}
