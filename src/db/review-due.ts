import { NEW_CARD_DUE } from '../domain/review-card';
import { newAllowance, startOfLocalDay } from '../domain/review-queue';
import { boundedSetting, REVIEW_NEW_PER_DAY } from '../domain/settings-options';
import { getDb } from './database';

/**
 * The review queue's reads that need no scheduler (so no ts-fsrs): the header's due count, the
 * day's new-card allowance, when the next card is due. `cards` is a device-local cache of the
 * review log (src/db/review-repo.ts keeps it); a learning word with no card yet counts as new.
 */

/** The cards due now, as keys: what the header counts and the Review page reads. */
export interface DueKeys {
  /** Reviewed cards due now whose word is still being learned. */
  reviews: string[];
  /** New cards (never reviewed) whose word is still being learned. */
  fresh: string[];
  /** Learning words with no card yet (replayed when the Review page opens): new cards too. */
  missing: number;
  /** New cards the day still allows. */
  allowance: number;
}

/** Index keys only (new cards sit at NEW_CARD_DUE, reviewed ones after it): no card row is read. */
export async function dueKeys(now = Date.now()): Promise<DueKeys> {
  const db = getDb();
  const [learning, cardKeys, fresh, reviews, settings, started] = await Promise.all([
    db.words.where('state').equals('learning').primaryKeys(),
    db.cards.toCollection().primaryKeys(),
    db.cards.where('due').equals(NEW_CARD_DUE).primaryKeys(),
    db.cards.where('due').between(NEW_CARD_DUE, now, false, true).primaryKeys(),
    db.settings.get('app'),
    newStartedToday(now),
  ]);
  const learningSet = new Set(learning);
  const cardSet = new Set(cardKeys);
  const perDay = boundedSetting(settings?.value.reviewNewPerDay, REVIEW_NEW_PER_DAY);
  return {
    reviews: reviews.filter((k) => learningSet.has(k)),
    fresh: fresh.filter((k) => learningSet.has(k)),
    missing: learning.filter((k) => !cardSet.has(k)).length,
    allowance: newAllowance(perDay, started),
  };
}

/** The header's number: reviews due now plus the new cards today still allows. Live-queryable. */
export async function dueCount(now = Date.now()): Promise<number> {
  const { reviews, fresh, missing, allowance } = await dueKeys(now);
  return reviews.length + Math.min(fresh.length + missing, allowance);
}

/** New cards waiting for another day: the daily limit is reached. */
export function heldBack(due: DueKeys): number {
  return Math.max(0, due.fresh.length + due.missing - due.allowance);
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
