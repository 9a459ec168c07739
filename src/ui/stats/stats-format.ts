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
