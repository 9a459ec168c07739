import { reviewEntriesSince, wordsChangedSince } from '../db/habit-reads';
import { readingDaysFrom } from '../db/reading-days-repo';
import { loadSettings } from '../db/settings-repo';
import { type DayTotals, dayTotals, type Goal, goalOf, reviewsByDay, streak, wordsLearnedByDay } from '../domain/reading-habit';
import { addDays, dayStart, localDay, type TimeZone } from '../domain/reading-habit-day';
import { yearWeeks } from '../domain/reading-habit-stats';

/** What the Stats page shows (issue 15): every day of the calendar's year, summed over devices. */
export interface ReadingStats {
  today: string;
  /** The calendar's first day (a Sunday, a year ago). */
  from: string;
  days: Map<string, DayTotals>;
  goal: Goal;
  streak: number;
}

/**
 * The year's day rows, review log and word changes, counted per local day. The streak may reach
 * back before the year; it is counted on the year's days only (a streak of a year is "365+").
 */
export async function loadStats(now = Date.now(), timeZone?: TimeZone): Promise<ReadingStats> {
  const today = localDay(now, timeZone);
  const from = yearWeeks(today)[0]?.[0] ?? addDays(today, -370);
  const since = dayStart(from, timeZone);
  const [settings, rows, reviews, words] = await Promise.all([loadSettings(), readingDaysFrom(from), reviewEntriesSince(since), wordsChangedSince(since)]);
  const days = dayTotals(rows, reviewsByDay(reviews, timeZone), wordsLearnedByDay(words, timeZone));
  const goal = goalOf(settings);
  return { today, from, days, goal, streak: streak(days, today, goal) };
}
