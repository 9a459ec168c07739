import type { CardFacts } from './card-facts';
import type { ReadingProgress } from './progress';
import { coverageByStory, type KnownWords, type StoryWords } from './words-coverage';

/**
 * The facts from the rows read: shared by the Dexie reads (db/card-facts.ts) and Home's first look
 * through plain IndexedDB (db/first-look-read.ts), so the two cannot draw a card differently.
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
