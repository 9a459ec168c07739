/**
 * A media job's checkpoint as the set of finished steps (media indexes), since steps run a few at a
 * time and finish out of order. `done` stays the count, so an older app version (another tab, an
 * older worker) that reads `done` still sees how far the job is. Older rows say only "done up to N"
 * (`done` a number, no `finished`); the `media` table is the truth either way — a resumed job asks
 * only for steps it does not hold — so the list read here only carries forward what was recorded.
 */

export interface StepCheckpoint {
  /** Media indexes stored so far, ascending. */
  finished: number[];
  done: number;
  total: number;
}

/** The finished indexes a stored checkpoint names; [] for an older "done up to N" or junk. */
export function finishedSteps(value: unknown): number[] {
  if (typeof value !== 'object' || value === null) return [];
  const finished = (value as { finished?: unknown }).finished;
  if (!Array.isArray(finished)) return [];
  return finished.filter((i): i is number => Number.isInteger(i));
}

/**
 * The checkpoint after `index` was stored, built from the row's current one inside the storing
 * transaction (two steps storing at once must not overwrite each other's entry), plus `stored`:
 * what the job held when it started, which covers steps an older checkpoint counted but did not name.
 */
export function withFinished(current: unknown, stored: readonly number[], index: number, total: number): StepCheckpoint {
  const finished = [...new Set([...finishedSteps(current), ...stored, index])].sort((a, b) => a - b);
  return { finished, done: finished.length, total };
}
