import type { ReviewRating } from './review-log';

/** The grade buttons' words, by rating (keys 1–4). */
export const RATING_LABELS: Readonly<Record<ReviewRating, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** "in 10 minutes", "in 3 days", "now": how far `due` is from `now`, in the largest whole unit. */
export function dueIn(due: number, now: number): string {
  const minutes = Math.round((due - now) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.round(hours / 24);
  if (days < 60) return `in ${days} ${days === 1 ? 'day' : 'days'}`;
  const months = Math.round(days / 30);
  if (months < 24) return `in ${months} months`;
  return `in ${Math.round(days / 365)} years`;
}
