/**
 * Roving tabindex for a sentence's words (WAI-ARIA APG "roving tabindex"): the sentence is one tab
 * stop, its current word has tabindex 0 and the others -1, and the arrow keys move the current word.
 * The decision is pure so it can be tested without a DOM; the Reader applies it (word-opener.ts).
 */

/** Keys that move between words; a key not listed is left to the browser and the player. */
export type RovingKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * Where the current word goes for `key`, from word `current` of `count`; null when the key does not
 * move (not a roving key, or already at that end: the focus stays, nothing wraps around, so a
 * learner reading left to right feels the sentence's end).
 */
export function rovingTarget(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const at = Math.min(Math.max(current, 0), count - 1);
  let next: number;
  switch (key) {
    case 'ArrowLeft':
      next = at - 1;
      break;
    case 'ArrowRight':
      next = at + 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return next < 0 || next >= count || next === current ? null : next;
}

/** The tabindex each word of a sentence gets: exactly one 0 (the current word), the rest -1. */
export function rovingTabindex(word: number, current: number, count: number): '0' | '-1' {
  const at = Math.min(Math.max(current, 0), Math.max(count - 1, 0));
  return word === at ? '0' : '-1';
}
