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

/**
 * Index keys only (new cards sit at NEW_CARD_DUE, reviewed ones after it): no card row is read.
 * With `reconciled` (ensureCards just ran, so cards and learning words are the same keys), the
 * learning words are not read again.
 */
export async function dueKeys(now = Date.now(), reconciled = false): Promise<DueKeys> {
  const db = getDb();
  // One read-only transaction, not six: fewer waits for (and on) the Review page's writes.
  const [learning, cardKeys, fresh, reviews, settings, started] = await db.transaction('r', [db.words, db.cards, db.settings, db.reviewLogs], () => Promise.all([
    reconciled ? null : db.words.where('state').equals('learning').primaryKeys(),
    reconciled ? null : db.cards.toCollection().primaryKeys(),
    db.cards.where('due').equals(NEW_CARD_DUE).primaryKeys(),
    db.cards.where('due').between(NEW_CARD_DUE, now, false, true).primaryKeys(),
    db.settings.get('app'),
    newStartedToday(now),
  ]));
  const perDay = boundedSetting(settings?.value.reviewNewPerDay, REVIEW_NEW_PER_DAY);
  const allowance = newAllowance(perDay, started);
  if (!learning || !cardKeys) return { reviews, fresh, missing: 0, allowance };
  const learningSet = new Set(learning);
  const cardSet = new Set(cardKeys);
  return {
    reviews: reviews.filter((k) => learningSet.has(k)),
    fresh: fresh.filter((k) => learningSet.has(k)),
    missing: learning.filter((k) => !cardSet.has(k)).length,
    allowance,
  };
}

/**
 * The header's number: reviews due now plus the new cards today still allows. Counts only, so it
 * stays cheap while the Review page writes: a card whose word stopped being learned counts until
 * the Review page's reconcile drops it, and the total never exceeds the learning words. Live-queryable.
 */
export async function dueCount(now = Date.now()): Promise<number> {
  const db = getDb();
  const [learning, cards, fresh, reviews, settings, started] = await db.transaction('r', [db.words, db.cards, db.settings, db.reviewLogs], () => Promise.all([
    db.words.where('state').equals('learning').count(),
    db.cards.count(),
    db.cards.where('due').equals(NEW_CARD_DUE).count(),
    db.cards.where('due').between(NEW_CARD_DUE, now, false, true).count(),
    db.settings.get('app'),
    newStartedToday(now),
  ]));
  const allowance = newAllowance(boundedSetting(settings?.value.reviewNewPerDay, REVIEW_NEW_PER_DAY), started);
  const missing = Math.max(0, learning - cards);
  return Math.min(learning, reviews + Math.min(fresh + missing, allowance));
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
