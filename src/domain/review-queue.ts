import type { ReviewCard } from './review-card';

/**
 * What the Review page asks for now, from the cards due (pure; no ts-fsrs, so the header's count
 * can use it): every card already reviewed that is due, soonest first, then new cards, oldest
 * first, up to what is left of the day's allowance of new cards.
 */
export function pickQueue(due: readonly ReviewCard[], newAllowance: number): ReviewCard[] {
  const seen = due.filter((c) => c.reps > 0).sort((a, b) => a.due - b.due || compareKeys(a.key, b.key));
  const fresh = due.filter((c) => c.reps === 0).sort((a, b) => a.addedAt - b.addedAt || compareKeys(a.key, b.key));
  return [...seen, ...fresh.slice(0, Math.max(0, newAllowance))];
}

/** New cards still allowed today: the setting minus the new cards already started today. */
export function newAllowance(newPerDay: number, startedToday: number): number {
  return Math.max(0, newPerDay - startedToday);
}

/** Epoch ms of the learner's local midnight that began the day of `now`. */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
