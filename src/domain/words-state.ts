import type { WordEntry } from './words';
import { splitWordKey, type WordState } from './words-key';

// Apart from words.ts and its schema: the Reader marks words without loading zod.

/** Where a state change happens: the story and sentence the learner is reading, and when. */
export interface WordPlace {
  storyId: string;
  segment: number;
  at: number;
}

/**
 * The entry after a state change. `firstSeen` is recorded by the first change and never moved
 * afterwards: it says where the word was met, not where it was last touched.
 */
export function withState(previous: WordEntry | undefined, key: string, state: WordState, where: WordPlace): WordEntry {
  const { base, reading } = splitWordKey(key);
  const updatedAt = Math.max(where.at, (previous?.updatedAt ?? -1) + 1);
  return {
    ...previous,
    key,
    base: previous?.base ?? base,
    reading: previous?.reading ?? reading,
    state,
    firstSeen: previous?.firstSeen ?? { storyId: where.storyId, segment: where.segment, at: where.at },
    updatedAt,
  };
}
