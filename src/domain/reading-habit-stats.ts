import { type DayTotals, EMPTY_DAY } from './reading-habit';
import { addDays, daysBetween, weekday } from './reading-habit-day';

/**
 * The Stats page's shapes (issue 15): a year as a calendar of weeks (Sunday first, the last column
 * ending today), how dark each day's cell is, and the totals of the last weeks.
 */
export const HEAT_LEVELS = 5;
const MIN = 60_000;

/** 53 columns of 7 days ending with the week of `today`; days after today are null. */
export function yearWeeks(today: string): Array<Array<string | null>> {
  const first = addDays(today, -364 - weekday(addDays(today, -364)));
  const weeks: Array<Array<string | null>> = [];
  for (let start = first; daysBetween(start, today) >= 0; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => {
      const day = addDays(start, i);
      return daysBetween(day, today) >= 0 ? day : null;
    }));
  }
  return weeks;
}

/** 0: nothing; 1: some reading or reviews, under 5 minutes; 2: under 15; 3: under 30; 4: 30 minutes or more. */
export function heatLevel(t: DayTotals | undefined): number {
  if (!t || !hasActivity(t)) return 0;
  const minutes = t.activeMs / MIN;
  return minutes >= 30 ? 4 : minutes >= 15 ? 3 : minutes >= 5 ? 2 : 1;
}

export function hasActivity(t: DayTotals): boolean {
  return t.activeMs > 0 || t.chars > 0 || t.storiesFinished > 0 || t.reviews > 0 || t.wordsLearned > 0;
}

/** The totals of the days from `from` to `to`, both included (`YYYY-MM-DD` compares as text). */
export function totalsBetween(days: ReadonlyMap<string, DayTotals>, from: string, to: string): DayTotals {
  const sum = { ...EMPTY_DAY };
  for (const [day, t] of days) {
    if (day < from || day > to) continue;
    sum.activeMs += t.activeMs;
    sum.chars += t.chars;
    sum.storiesFinished += t.storiesFinished;
    sum.reviews += t.reviews;
    sum.wordsLearned += t.wordsLearned;
  }
  return sum;
}

/** The last `count` weeks (Sunday to Saturday), oldest first, the last one holding today. */
export function weeklyTotals(days: ReadonlyMap<string, DayTotals>, today: string, count = 12): Array<{ start: string; totals: DayTotals }> {
  const thisWeek = addDays(today, -weekday(today));
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(thisWeek, -7 * (count - 1 - i));
    return { start, totals: totalsBetween(days, start, addDays(start, 6)) };
  });
}

/** Whole minutes of a duration, for display. */
export function minutesOf(ms: number): number {
  return Math.floor(ms / MIN);
}
