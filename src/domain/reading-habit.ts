import type { ReadingDay } from './reading-day';
import { addDays, localDay, type TimeZone } from './reading-habit-day';
import type { ReviewLogEntry } from './review-log';
import type { WordEntry } from './words';
import { boundedSetting, GOAL_AMOUNT, GOAL_KINDS, type GoalKind } from './settings-options';

/**
 * What a day of the reading habit adds up to (issue 15), summed over every device's row for it.
 *
 * - Minutes, characters, stories finished: the day rows (src/domain/reading-day.ts), one per device.
 * - Reviews done: `review` entries of the log on that local day, minus those an `undo` took back
 *   (a `reset` hides entries from scheduling, but the reviews were still done that day).
 * - Words learned: words whose state now is learning or known, on the local day of their last state
 *   change (`updatedAt`). A word set learning on Monday and known on Tuesday counts on Tuesday only;
 *   a word set back to new no longer counts.
 *
 * The streak counts consecutive days that met the daily goal, ending today or, while today's goal
 * is not met yet, yesterday: a day not finished yet never breaks the streak.
 */
export interface DayTotals {
  activeMs: number;
  chars: number;
  storiesFinished: number;
  reviews: number;
  wordsLearned: number;
}

export interface Goal {
  kind: GoalKind;
  amount: number;
}

export const EMPTY_DAY: DayTotals = { activeMs: 0, chars: 0, storiesFinished: 0, reviews: 0, wordsLearned: 0 };

/** The daily goal a settings row means; settings are not validated on load, so junk falls back. */
export function goalOf(settings: { goalKind?: unknown; goalAmount?: unknown }): Goal {
  const kind = GOAL_KINDS.find((k) => k === settings.goalKind) ?? 'minutes';
  return { kind, amount: boundedSetting(settings.goalAmount, GOAL_AMOUNT) };
}

function bump(days: Map<string, DayTotals>, day: string, add: Partial<DayTotals>): void {
  const t = days.get(day) ?? { ...EMPTY_DAY };
  t.activeMs += add.activeMs ?? 0;
  t.chars += add.chars ?? 0;
  t.storiesFinished += add.storiesFinished ?? 0;
  t.reviews += add.reviews ?? 0;
  t.wordsLearned += add.wordsLearned ?? 0;
  days.set(day, t);
}

/** Each day's totals: every device's rows summed, the reviews and words learned counted in. */
export function dayTotals(
  rows: readonly Pick<ReadingDay, 'day' | 'activeMs' | 'chars' | 'storiesFinished'>[],
  reviews: ReadonlyMap<string, number> = new Map(),
  words: ReadonlyMap<string, number> = new Map(),
): Map<string, DayTotals> {
  const days = new Map<string, DayTotals>();
  for (const r of rows) bump(days, r.day, { activeMs: r.activeMs, chars: r.chars, storiesFinished: r.storiesFinished });
  for (const [day, n] of reviews) bump(days, day, { reviews: n });
  for (const [day, n] of words) bump(days, day, { wordsLearned: n });
  return days;
}

/** Reviews done per local day: `review` entries not taken back by an `undo`. */
export function reviewsByDay(entries: readonly Pick<ReviewLogEntry, 'id' | 'kind' | 'target' | 'reviewedAt'>[], timeZone?: TimeZone): Map<string, number> {
  const undone = new Set<string>();
  for (const e of entries) if (e.kind === 'undo' && e.target) undone.add(e.target);
  const out = new Map<string, number>();
  for (const e of entries) {
    if (e.kind !== 'review' || undone.has(e.id)) continue;
    const day = localDay(e.reviewedAt, timeZone);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

/** Words learned per local day (see the module comment for the rule). */
export function wordsLearnedByDay(words: readonly Pick<WordEntry, 'state' | 'updatedAt'>[], timeZone?: TimeZone): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) {
    if (w.state !== 'learning' && w.state !== 'known') continue;
    const day = localDay(w.updatedAt, timeZone);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

/** How far a day is toward the goal: the amount done (minutes or reviews) and the share, 0–1. */
export function goalProgress(totals: DayTotals | undefined, goal: Goal): { done: number; share: number; met: boolean } {
  const done = goal.kind === 'minutes' ? Math.floor((totals?.activeMs ?? 0) / 60_000) : (totals?.reviews ?? 0);
  return { done, share: Math.min(1, done / goal.amount), met: done >= goal.amount };
}

/** Consecutive days meeting the goal, ending today, or yesterday while today's is not met yet. */
export function streak(days: ReadonlyMap<string, DayTotals>, today: string, goal: Goal): number {
  const met = (day: string) => goalProgress(days.get(day), goal).met;
  let day = met(today) ? today : addDays(today, -1);
  let n = 0;
  while (met(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}

/** Characters of Japanese in a text: kana, kanji and the iteration mark (not punctuation, spaces, Latin). */
export function japaneseChars(text: string): number {
  return text.match(/[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u3005\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\uff66-\uff9d]/gu)?.length ?? 0;
}
