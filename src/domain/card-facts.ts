import type { ReadingProgress } from './progress';
import type { Coverage } from './words-coverage';

/**
 * What a story card shows besides its summary: how far the learner read it, whether narration
 * or pictures are stored, and how much of it the learner knows. Read for the whole library at once,
 * keys and small rows only, so a list of thousands of cards costs a few reads instead of a few per card.
 * Built by card-facts-of.ts; this module is types and the empty value only, so what paints first
 * (a first visit's Home) does not carry the word counting.
 */
export interface CardFacts {
  progress: Map<string, ReadingProgress>;
  /** Story ids with at least one narrated sentence stored. */
  narrated: Set<string>;
  /** Story ids with a cover or any other picture stored. */
  illustrated: Set<string>;
  /** Coverage of every story that has words (issue 14): stored keys against the known set. */
  coverage: Map<string, Coverage>;
}

export const NO_CARD_FACTS: CardFacts = { progress: new Map(), narrated: new Set(), illustrated: new Set(), coverage: new Map() };
