import type { Annotation } from '../../src/domain/annotations';
import type { WordEntry } from '../../src/domain/words';
import { compactStoryWords, type StoryWords } from '../../src/domain/words-coverage';
import { makeWordKey } from '../../src/domain/words-key';

/**
 * A learner's words at scale for the benchmarks: `stories` stories of up to 300 distinct running
 * words each (600 running words, a long story), drawn from a vocabulary of 8,000, of which the
 * first `known` are known. Deterministic, so runs compare.
 */
const VOCABULARY = 8000;
const WORDS_PER_STORY = 300;

export function benchStoryId(i: number): string {
  return `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

const form = (w: number) => `語${w}`;
const reading = (w: number) => `ご${w}`;

/** The word numbers of story `s`: strides through the vocabulary, so stories differ in how much is known. */
function storyVocabulary(s: number): number[] {
  return [...new Set(Array.from({ length: WORDS_PER_STORY }, (_, i) => (s * 37 + i * (1 + (s % 5))) % VOCABULARY))];
}

export function wordLibrary(stories: number, known: number): { storyWords: StoryWords[]; known: WordEntry[] } {
  const storyWords = Array.from({ length: stories }, (_, s): StoryWords => {
    const words = storyVocabulary(s);
    const keys = words.map((w) => makeWordKey(form(w), reading(w)));
    return compactStoryWords({ storyId: benchStoryId(s), keys, counts: keys.map(() => 2), segments: keys.map((_, i) => Math.floor(i / 15)), total: keys.length * 2 });
  });
  const knownEntries = Array.from({ length: known }, (_, w): WordEntry => ({
    key: makeWordKey(form(w), reading(w)),
    base: form(w),
    reading: reading(w),
    state: 'known',
    firstSeen: { storyId: benchStoryId(0), segment: 0, at: 1_700_000_000_000 },
    updatedAt: 1_700_000_000_000,
  }));
  return { storyWords, known: knownEntries };
}

/** Story `s`'s tokens, 15 words a sentence, as the annotate job would store them. */
export function benchAnnotation(s: number): Annotation {
  const tokens = storyVocabulary(s).map((w) => ({ surface: form(w), reading: reading(w), pos: 'noun' }));
  const segments = Array.from({ length: Math.ceil(tokens.length / 15) }, (_, i) => tokens.slice(i * 15, i * 15 + 15));
  return { storyId: benchStoryId(s), segments, updatedAt: 1_700_000_000_000 };
}
