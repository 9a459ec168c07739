import type { DayTotals } from '../../domain/reading-habit';
import { minutesOf } from '../../domain/reading-habit-stats';

/** How the Stats page words a day and its figures (issue 15). */
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const numbers = new Intl.NumberFormat();

/** `2026-12-02` as "Wed, 2 Dec 2026" in the learner's language (the day string is a calendar date). */
export function dayLabel(day: string): string {
  return dayFormat.format(Date.parse(`${day}T00:00:00Z`));
}

export function shortDay(day: string): string {
  return shortFormat.format(Date.parse(`${day}T00:00:00Z`));
}

export function count(n: number): string {
  return numbers.format(n);
}

/** "12 min, 340 characters, 1 story, 20 reviews, 3 words" — nothing for an empty figure. */
export function describeDay(t: DayTotals | undefined): string {
  if (!t) return 'no reading';
  const parts = [
    t.activeMs > 0 ? `${minutesOf(t.activeMs)} min` : '',
    t.chars > 0 ? `${count(t.chars)} characters` : '',
    t.storiesFinished > 0 ? `${t.storiesFinished} ${t.storiesFinished === 1 ? 'story' : 'stories'} finished` : '',
    t.reviews > 0 ? `${count(t.reviews)} reviews` : '',
    t.wordsLearned > 0 ? `${count(t.wordsLearned)} words learned` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no reading';
}
