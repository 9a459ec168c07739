import type { ReviewCard } from '../domain/review-card';
import { newAllowance, startOfLocalDay } from '../domain/review-queue';
import { boundedSetting, REVIEW_NEW_PER_DAY } from '../domain/settings-options';
import { getDb } from './database';

/**
 * The review queue's reads that need no scheduler (so no ts-fsrs): the header's due count, the
 * day's new-card allowance, when the next card is due. `cards` is a device-local cache of the
 * review log (src/db/review-repo.ts keeps it); a learning word with no card yet counts as new.
 */

/** What the Review page works through now, read from indexes and the due range only. */
export interface DueCards {
  /** Cards due now whose word is still being learned. */
  due: ReviewCard[];
  /** Learning words with no card yet (replayed when the Review page opens): new cards too. */
  missing: number;
  /** New cards the day still allows. */
  allowance: number;
}

export async function dueCards(now = Date.now()): Promise<DueCards> {
  const db = getDb();
  const [learning, cardKeys, dueRows, settings, started] = await Promise.all([
    db.words.where('state').equals('learning').primaryKeys(),
    db.cards.toCollection().primaryKeys(),
    db.cards.where('due').belowOrEqual(now).toArray(),
    db.settings.get('app'),
    newStartedToday(now),
  ]);
  const learningSet = new Set(learning);
  const cardSet = new Set(cardKeys);
  const perDay = boundedSetting(settings?.value.reviewNewPerDay, REVIEW_NEW_PER_DAY);
  return {
    due: dueRows.filter((c) => learningSet.has(c.key)),
    missing: learning.filter((k) => !cardSet.has(k)).length,
    allowance: newAllowance(perDay, started),
  };
}

/** The header's number: reviews due now plus the new cards today still allows. Live-queryable. */
export async function dueCount(now = Date.now()): Promise<number> {
  const { due, missing, allowance } = await dueCards(now);
  const fresh = due.filter((c) => c.reps === 0).length + missing;
  return due.length - due.filter((c) => c.reps === 0).length + Math.min(fresh, allowance);
}

/** Cards whose first counted review was today (local day): what today's new-card limit has used. */
export async function newStartedToday(now = Date.now()): Promise<number> {
  const db = getDb();
  const since = startOfLocalDay(now);
  const keys = await db.reviewLogs.where('reviewedAt').aboveOrEqual(since).filter((e) => e.kind === 'review').toArray();
  const cards = await db.cards.bulkGet([...new Set(keys.map((e) => e.cardKey))]);
  return cards.filter((c) => c !== undefined && (c.firstReviewAt ?? -1) >= since).length;
}

/** When the next card falls due after `now` (undefined: none scheduled). */
export async function nextDueAt(now = Date.now()): Promise<number | undefined> {
  const next = await getDb().cards.where('due').above(now).first();
  return next?.due;
}
