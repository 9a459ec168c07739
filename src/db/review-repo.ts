import type { FSRS } from 'ts-fsrs';
import type { ReviewCard } from '../domain/review-card';
import { ALL_CARDS, type ReviewLogEntry, type ReviewRating } from '../domain/review-log';
import { pickQueue } from '../domain/review-queue';
import { compareEntries, replayCard } from '../domain/review-schedule';
import { newId } from '../domain/ids';
import { getDb } from './database';
import { queueChange } from './outbox-repo';
import { dueKeys } from './review-due';

/**
 * Spaced review on the device (issue 15). The log (`reviewLogs`) is the truth and syncs; `cards` is
 * a cache of each card replayed from it (src/domain/review-schedule.ts). The contract with sync and
 * import: **a learning word with no `cards` row is replayed from the log** — they delete the cards
 * of keys whose log changed, and `ensureCards` rebuilds them. Every write appends an entry and
 * updates its card in one transaction, and queues the entry for sync (only while signed in).
 */

export interface Reconciled {
  /** Cards replayed from the log because they were missing. */
  added: number;
  /** Cards dropped because their word is no longer being learned (known, new again, or gone). */
  removed: number;
  /** Log entries set aside as invalid while replaying (they changed no card). */
  rejected: number;
}

/** Brings `cards` in line with the learning words and the log. */
export async function ensureCards(f: FSRS): Promise<Reconciled> {
  const db = getDb();
  return db.transaction('rw', [db.words, db.cards, db.reviewLogs], async () => {
    const [learning, cardKeys] = await Promise.all([db.words.where('state').equals('learning').primaryKeys(), db.cards.toCollection().primaryKeys()]);
    const learningSet = new Set(learning);
    const cardSet = new Set(cardKeys);
    const stale = cardKeys.filter((k) => !learningSet.has(k));
    const missing = learning.filter((k) => !cardSet.has(k));
    let rejected = 0;
    if (missing.length > 0) {
      const [words, entries] = await Promise.all([db.words.bulkGet(missing), db.reviewLogs.where('cardKey').anyOf([...missing, ALL_CARDS]).toArray()]);
      const byKey = new Map<string, ReviewLogEntry[]>();
      const resets = entries.filter((e) => e.cardKey === ALL_CARDS);
      for (const e of entries) if (e.cardKey !== ALL_CARDS) byKey.set(e.cardKey, [...(byKey.get(e.cardKey) ?? []), e]);
      const cards = missing.map((key, i) => {
        const replay = replayCard(key, [...(byKey.get(key) ?? []), ...resets], words[i]?.updatedAt ?? Date.now(), f);
        rejected += replay.rejected.length;
        return replay.card;
      });
      await db.cards.bulkPut(cards);
    }
    if (stale.length > 0) await db.cards.bulkDelete(stale);
    return { added: missing.length, removed: stale.length, rejected };
  });
}

/** The cards to review now, in order (see pickQueue); call ensureCards first (cards then mirror the learning words). */
export async function reviewQueue(now = Date.now()): Promise<ReviewCard[]> {
  const { reviews, fresh, allowance } = await dueKeys(now, true);
  const rows = await getDb().cards.bulkGet([...reviews, ...fresh]);
  return pickQueue(rows.filter((c): c is ReviewCard => c !== undefined), allowance);
}

/** Replays `key` from every entry of it and every `*` reset (inside a transaction with `cards` and `reviewLogs`). */
async function replayStored(key: string, f: FSRS): Promise<ReviewCard> {
  const db = getDb();
  // The cached card's addedAt: reading the word would lock `words` and wait on every reader of it.
  const [cached, entries] = await Promise.all([db.cards.get(key), db.reviewLogs.where('cardKey').anyOf(key, ALL_CARDS).toArray()]);
  const card = replayCard(key, entries, cached?.addedAt ?? Date.now(), f).card;
  await db.cards.put(card);
  return card;
}

/**
 * A grade (1 Again … 4 Easy) of `key` now. Stamped no earlier than the card's last counted review,
 * so a clock set back still makes it the newest grade (and never schedules the card into the past).
 */
export async function gradeCard(key: string, rating: ReviewRating, f: FSRS, now = Date.now()): Promise<{ entry: ReviewLogEntry; card: ReviewCard }> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    const entries = await db.reviewLogs.where('cardKey').anyOf(key, ALL_CARDS).toArray();
    const newest = entries.sort(compareEntries).at(-1);
    const entry: ReviewLogEntry = { id: newId(), cardKey: key, kind: 'review', rating, reviewedAt: Math.max(now, (newest?.reviewedAt ?? -1) + 1) };
    await db.reviewLogs.add(entry);
    await queueChange(db, 'review_logs', entry.id, false);
    return { entry, card: await replayStored(key, f) };
  });
}

/** Takes back the grade `target` (the page's Undo): an `undo` entry, and the card replayed without it. */
export async function undoGrade(target: ReviewLogEntry, f: FSRS, now = Date.now()): Promise<ReviewCard> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    const entry: ReviewLogEntry = { id: newId(), cardKey: target.cardKey, kind: 'undo', target: target.id, reviewedAt: Math.max(now, target.reviewedAt) };
    await db.reviewLogs.add(entry);
    await queueChange(db, 'review_logs', entry.id, false);
    return replayStored(target.cardKey, f);
  });
}
