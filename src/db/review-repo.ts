import type { FSRS } from 'ts-fsrs';
import { NEW_CARD_DUE, type ReviewCard } from '../domain/review-card';
import { ALL_CARDS, datedAhead, type ReviewLogEntry, type ReviewRating } from '../domain/review-log';
import { newAllowance, pickQueue } from '../domain/review-queue';
import { compareEntries, replayCard } from '../domain/review-schedule';
import { newId } from '../domain/ids';
import { getDb } from './database';
import { queueChange } from './outbox-repo';
import { boundedSetting, REVIEW_NEW_PER_DAY } from '../domain/settings-options';
import { dueKeys, newStartedToday } from './review-due';

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

/** Learning words without a card, and cards whose word is no longer learning (keys only). */
async function cardsOutOfLine(db: ReturnType<typeof getDb>): Promise<{ missing: string[]; stale: string[] }> {
  const [learning, cardKeys] = await Promise.all([db.words.where('state').equals('learning').primaryKeys(), db.cards.toCollection().primaryKeys()]);
  const learningSet = new Set(learning);
  const cardSet = new Set(cardKeys);
  return { missing: learning.filter((k) => !cardSet.has(k)), stale: cardKeys.filter((k) => !learningSet.has(k)) };
}

/**
 * Brings `cards` in line with the learning words and the log. Looked at in a read-only transaction
 * first: most visits find nothing to change, and a read never waits for (or holds up) the other
 * readers of words and cards, such as the header's count.
 */
export async function ensureCards(f: FSRS): Promise<Reconciled> {
  const db = getDb();
  const first = await db.transaction('r', [db.words, db.cards], () => cardsOutOfLine(db));
  if (first.missing.length === 0 && first.stale.length === 0) return { added: 0, removed: 0, rejected: 0 };
  return db.transaction('rw', [db.words, db.cards, db.reviewLogs], async () => {
    // Again inside the write: another tab or a sync may have changed either since.
    const { missing, stale } = await cardsOutOfLine(db);
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

/** Cards the Review page holds at a time; it reads the next ones when they run out. */
export const QUEUE_PAGE = 20;

export interface QueueHead {
  /** The first cards of reviewQueue's order. */
  cards: ReviewCard[];
  /** Cards due now beyond `cards`; undefined when more reviews are due than a page holds (dueCount tells). */
  more: number | undefined;
}

/**
 * The first `size` cards of reviewQueue's order, reading only those: the due index lists reviewed
 * cards soonest first (ties by key, as pickQueue orders them), so the page comes from one limited
 * key read. Nothing is counted: IndexedDB counts a range by walking it (about 80 ms for 2,500 due
 * cards here), so with more reviews due than a page holds `more` is left to dueCount, after the
 * first card is on screen. New cards are read in one range read when the page has room for them.
 * A card whose word is no longer being learned (not yet dropped by a reconcile) is left out.
 */
export async function reviewQueueHead(now = Date.now(), size = QUEUE_PAGE): Promise<QueueHead> {
  const db = getDb();
  const [pageKeys, settings, started] = await db.transaction('r', [db.cards, db.settings, db.reviewLogs], () =>
    Promise.all([db.cards.where('due').between(NEW_CARD_DUE, now, false, true).limit(size + 1).primaryKeys(), db.settings.get('app'), newStartedToday(now)]),
  );
  const allowance = newAllowance(boundedSetting(settings?.value.reviewNewPerDay, REVIEW_NEW_PER_DAY), started);
  const overflow = pageKeys.length > size;
  const seenKeys = pageKeys.slice(0, size);
  const [seen, freshRows, seenWords] = await Promise.all([
    db.cards.bulkGet(seenKeys),
    !overflow && allowance > 0 ? db.cards.where('due').equals(NEW_CARD_DUE).toArray() : Promise.resolve([]),
    db.words.bulkGet(seenKeys),
  ]);
  const queue = pickQueue([...seen.filter((c): c is ReviewCard => c !== undefined), ...freshRows], allowance);
  const picked = queue.slice(0, size);
  const learning = new Set(seenWords.filter((w) => w?.state === 'learning').map((w) => w?.key));
  const freshKeys = picked.map((c) => c.key).filter((k) => !seenKeys.includes(k));
  for (const w of await db.words.bulkGet(freshKeys)) if (w?.state === 'learning') learning.add(w.key);
  const cards = picked.filter((c) => learning.has(c.key));
  return { cards, more: overflow ? undefined : queue.length - picked.length };
}

/** What a write to one card's log starts from: its cached card and its entries (with every `*` reset). */
function cardAndLog(key: string): Promise<[ReviewCard | undefined, ReviewLogEntry[]]> {
  const db = getDb();
  return Promise.all([db.cards.get(key), db.reviewLogs.where('cardKey').anyOf(key, ALL_CARDS).toArray()]);
}

/**
 * Appends `entry` to its card's log, queues it for sync and stores the card replayed with it. The
 * card is replayed from the entries already read plus the new one, and the three writes go out
 * together: a grade is one read and one write round trip, which is what the next card waits on.
 */
async function appendAndReplay(entry: ReviewLogEntry, cached: ReviewCard | undefined, entries: ReviewLogEntry[], f: FSRS, now: number): Promise<ReviewCard> {
  const db = getDb();
  // The cached card's addedAt: reading the word would lock `words` and wait on every reader of it.
  const card = replayCard(entry.cardKey, [...entries, entry], cached?.addedAt ?? now, f, Math.max(now, Date.now())).card;
  await Promise.all([db.reviewLogs.add(entry), queueChange(db, 'review_logs', entry.id, false), db.cards.put(card)]);
  return card;
}

/**
 * A grade (1 Again … 4 Easy) of `key` now. Stamped no earlier than the card's last counted review,
 * so a clock set back still makes it the newest grade (and never schedules the card into the past).
 */
export async function gradeCard(key: string, rating: ReviewRating, f: FSRS, now = Date.now()): Promise<{ entry: ReviewLogEntry; card: ReviewCard }> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    const [cached, entries] = await cardAndLog(key);
    // An entry dated far ahead (a clock that ran fast) is not "newest": stamping after it would push this card years out.
    const newest = entries.filter((e) => !datedAhead(e, now)).sort(compareEntries).at(-1);
    const entry: ReviewLogEntry = { id: newId(), cardKey: key, kind: 'review', rating, reviewedAt: Math.max(now, (newest?.reviewedAt ?? -1) + 1) };
    return { entry, card: await appendAndReplay(entry, cached, entries, f, now) };
  });
}

/** Takes back the grade `target` (the page's Undo): an `undo` entry, and the card replayed without it. */
export async function undoGrade(target: ReviewLogEntry, f: FSRS, now = Date.now()): Promise<ReviewCard> {
  const db = getDb();
  return db.transaction('rw', [db.reviewLogs, db.cards, db.outbox, db.syncState], async () => {
    const [cached, entries] = await cardAndLog(target.cardKey);
    const entry: ReviewLogEntry = { id: newId(), cardKey: target.cardKey, kind: 'undo', target: target.id, reviewedAt: Math.max(now, target.reviewedAt) };
    return appendAndReplay(entry, cached, entries, f, now);
  });
}
