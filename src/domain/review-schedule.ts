import { type Card, createEmptyCard, type FSRS, fsrs, generatorParameters, type Grade } from 'ts-fsrs';
import { NEW_CARD_DUE, type ReviewCard } from './review-card';
import { ALL_CARDS, datedAhead, type ReviewLogEntry, ReviewLogEntrySchema } from './review-log';
import { boundedSetting, REVIEW_MAX_INTERVAL_DAYS, REVIEW_RETENTION } from './settings-options';

/**
 * A card's schedule replayed from its review log (src/domain/review-log.ts), so every device that
 * holds the same entries computes the same card, whatever order they arrived in:
 * 1. entries that fail ReviewLogEntrySchema are set aside with their reason and never replayed;
 * 2. entries are ordered by `reviewedAt`, then `id` (a total order both devices agree on);
 * 3. entries named by an `undo` are dropped, and so is everything before the newest `reset` of the
 *    card or of every card (`*`);
 * 4. the remaining grades are folded through ts-fsrs' `next()`, fuzz off so the result is the same
 *    everywhere.
 * A review timestamped before the one replayed before it (a clock that jumped back) is replayed at
 * the later time, and a card is never due before its last review: no schedule lands in the past.
 *
 * This module pulls in ts-fsrs: only the Review page's chunk may import it (never the first route,
 * the header's due count or the service worker).
 */

export interface ScheduleSettings {
  reviewRetention?: unknown;
  reviewMaxIntervalDays?: unknown;
  reviewWeights?: unknown;
}

/** A scheduler for the synced settings (read through boundedSetting: settings are not validated on load). */
export function scheduler(settings: ScheduleSettings): FSRS {
  const base = {
    request_retention: boundedSetting(settings.reviewRetention, REVIEW_RETENTION, false),
    maximum_interval: boundedSetting(settings.reviewMaxIntervalDays, REVIEW_MAX_INTERVAL_DAYS),
    enable_fuzz: false,
  };
  const w = settings.reviewWeights;
  if (Array.isArray(w) && w.length >= 17 && w.length <= 21 && w.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    try {
      return fsrs(generatorParameters({ ...base, w }));
    } catch {
      // Weights ts-fsrs refuses schedule like no weights at all: the defaults.
    }
  }
  return fsrs(generatorParameters(base));
}

export interface RejectedEntry {
  entry: unknown;
  reason: string;
}

/** Entries that pass the schema, and the others with the first reason each failed. */
export function checkEntries(raw: readonly unknown[]): { valid: ReviewLogEntry[]; rejected: RejectedEntry[] } {
  const valid: ReviewLogEntry[] = [];
  const rejected: RejectedEntry[] = [];
  for (const entry of raw) {
    const parsed = ReviewLogEntrySchema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      rejected.push({ entry, reason: issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid entry' });
    }
  }
  return { valid, rejected };
}

/** Replay order: review time, then id, so two devices sort the same entries alike. */
export function compareEntries(a: Pick<ReviewLogEntry, 'reviewedAt' | 'id'>, b: Pick<ReviewLogEntry, 'reviewedAt' | 'id'>): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The grades that still count for `key`, in replay order (undone ones and those before a reset left out). */
export function countedReviews(key: string, entries: readonly ReviewLogEntry[]): ReviewLogEntry[] {
  const mine = entries.filter((e) => e.cardKey === key || (e.cardKey === ALL_CARDS && e.kind === 'reset')).sort(compareEntries);
  const undone = new Set(mine.filter((e) => e.kind === 'undo').map((e) => e.target));
  const live = mine.filter((e) => !undone.has(e.id));
  let start = 0;
  live.forEach((e, i) => {
    if (e.kind === 'reset') start = i + 1;
  });
  return live.slice(start).filter((e) => e.kind === 'review');
}

export interface Replay {
  card: ReviewCard;
  /** Entries of this card that failed validation (they changed nothing). */
  rejected: RejectedEntry[];
}

/**
 * Replays one card from raw log entries (its own and the `*` resets; others are ignored). A card
 * with no counted review is new (due NEW_CARD_DUE; `addedAt` orders the new cards).
 */
export function replayCard(key: string, raw: readonly unknown[], addedAt: number, f: FSRS, now = Date.now()): Replay {
  const { valid, rejected } = checkEntries(raw);
  // Entries dated more than a day ahead of this clock (written by a device whose clock ran fast) wait
  // until their time comes: replayed now, they would put the card out of reach for as long.
  const reviews = countedReviews(key, valid.filter((e) => !datedAhead(e, now)));
  let card: Card = createEmptyCard(new Date(addedAt));
  let at = -Infinity;
  let easyStreak = 0;
  for (const review of reviews) {
    at = Math.max(at, review.reviewedAt);
    card = f.next(card, new Date(at), review.rating as Grade).card;
    easyStreak = review.rating === 4 ? easyStreak + 1 : 0;
  }
  const last = reviews.at(-1);
  const cached: ReviewCard = {
    key,
    due: last ? Math.max(card.due.getTime(), at) : NEW_CARD_DUE,
    addedAt,
    reps: reviews.length,
    fsrs: toJson(card),
  };
  if (last) Object.assign(cached, { firstReviewAt: reviews[0]?.reviewedAt, lastReviewAt: at, lastEntryId: last.id, easyStreak });
  return { card: cached, rejected };
}

/** ts-fsrs' card with its dates as epoch ms, so the cached row stays plain data. */
function toJson(card: Card): Record<string, unknown> {
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review?.getTime() ?? null,
  };
}
