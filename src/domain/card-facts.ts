import type { ReadingProgress } from './progress';
import { type Coverage, coverageByStory, type KnownWords, type StoryWords } from './words-coverage';

/**
 * What a story card shows besides its summary: how far the learner read it, whether narration
 * or pictures are stored, and how much of it the learner knows. Read for the whole library at once,
 * keys and small rows only, so a list of thousands of cards costs a few reads instead of a few per card.
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

/**
 * The facts from the rows read: shared by the Dexie reads (db/card-facts.ts) and Home's first look
 * through plain IndexedDB (db/first-look.ts), so the two cannot draw a card differently.
 */
export function toFacts(
  rows: readonly ReadingProgress[],
  mediaKeys: ReadonlyArray<[string, string, number]>,
  storyWords: readonly StoryWords[],
  known: KnownWords,
): CardFacts {
  const narrated = new Set<string>();
  const illustrated = new Set<string>();
  for (const [storyId, kind] of mediaKeys) (kind === 'audio' ? narrated : illustrated).add(storyId);
  return { progress: new Map(rows.map((p) => [p.storyId, p])), narrated, illustrated, coverage: coverageByStory(storyWords, known) };
}

export const NO_CARD_FACTS: CardFacts = { progress: new Map(), narrated: new Set(), illustrated: new Set(), coverage: new Map() };
