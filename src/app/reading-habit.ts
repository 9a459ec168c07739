import { reviewEntriesSince } from '../db/habit-reads';
import { addReading, type DayDelta, readingDaysFrom } from '../db/reading-days-repo';
import { loadSettings } from '../db/settings-repo';
import { type DayTotals, dayTotals, type Goal, goalOf, goalProgress, reviewsByDay, streak } from '../domain/reading-habit';
import { addDays, dayStart, localDay, type TimeZone } from '../domain/reading-habit-day';

/**
 * The reading habit as pages reach it (issue 15): Home's "today" (src/ui/pages/home-page.ts) and
 * the Reader's writes. Kept cheap for Home, which is the first route: the day rows (one per day and
 * device: a year is a few hundred small rows) and, only with a reviews goal, the log entries since
 * the streak could have begun, read in growing windows so a short streak reads a week of the log.
 */
export interface HabitToday {
  today: string;
  goal: Goal;
  totals: DayTotals | undefined;
  progress: { done: number; share: number; met: boolean };
  streak: number;
}

export async function loadHabitToday(now = Date.now(), timeZone?: TimeZone): Promise<HabitToday> {
  const today = localDay(now, timeZone);
  const [settings, rows] = await Promise.all([loadSettings(), readingDaysFrom()]);
  const goal = goalOf(settings);
  let days = dayTotals(rows);
  let n = streak(days, today, goal);
  if (goal.kind === 'reviews') {
    // A streak as long as the window may go on before it: read twice as far back and count again.
    for (let window = 8; ; window *= 2) {
      const from = addDays(today, -window);
      days = dayTotals(rows, reviewsByDay(await reviewEntriesSince(dayStart(from, timeZone)), timeZone));
      n = streak(days, today, goal);
      if (n < window - 1 || window >= 4096) break;
    }
  }
  const totals = days.get(today);
  return { today, goal, totals, progress: goalProgress(totals, goal), streak: n };
}

/** Adds what was read on this device (per local day) to its day rows, queued for sync. */
export function recordReading(deltas: ReadonlyMap<string, DayDelta>, now = Date.now()): Promise<void> {
  return addReading(deltas, now);
}

export type { DayDelta };
