import type { Annotation } from './annotations';
import { isRunningWord, tokenWordKey } from './words-running';

/**
 * A story's running words as word keys with counts, computed once when its tokens are written and
 * stored (`storyWords`), so coverage is a lookup against the known set, never a parse.
 * Parallel arrays: a few hundred keys per story, and 2,000 stories are read for every Library.
 */
export interface StoryWords {
  storyId: string;
  /** Distinct word keys, in order of first appearance. */
  keys: string[];
  /** How many times each key occurs (same index as `keys`). */
  counts: number[];
  /** The sentence each key first occurs in (same index), for where a word was first met. */
  segments: number[];
  /** Running words in the story: the sum of `counts`. */
  total: number;
}

/** Each story's running-word keys with counts; repeated words count each time. */
export function storyWordKeys(annotation: Pick<Annotation, 'storyId' | 'segments'>): StoryWords {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const counts: number[] = [];
  const segments: number[] = [];
  let total = 0;
  for (const [segment, tokens] of annotation.segments.entries()) {
    for (const token of tokens ?? []) {
      if (!isRunningWord(token)) continue;
      const key = tokenWordKey(token);
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, keys.length);
        keys.push(key);
        counts.push(1);
        segments.push(segment);
      } else counts[at] = (counts[at] ?? 0) + 1;
      total++;
    }
  }
  return { storyId: annotation.storyId, keys, counts, segments, total };
}

export interface Coverage {
  /** Distinct words of the story the learner does not know yet. */
  newWords: number;
  /** Known running words / running words, 0…1. */
  knownShare: number;
}

export function coverageOf(words: StoryWords, known: ReadonlySet<string>): Coverage {
  let newWords = 0;
  let knownRunning = 0;
  for (let i = 0; i < words.keys.length; i++) {
    if (known.has(words.keys[i] as string)) knownRunning += words.counts[i] ?? 0;
    else newWords++;
  }
  return { newWords, knownShare: words.total > 0 ? knownRunning / words.total : 0 };
}

/** Coverage of every story that has words, by story id. */
export function coverageByStory(all: readonly StoryWords[], known: ReadonlySet<string>): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const words of all) if (words.total > 0) out.set(words.storyId, coverageOf(words, known));
  return out;
}

/** Comfortable reading (graded-reading research): 95–98 % of running words known. */
export const COMFORT_BAND = { low: 0.95, high: 0.98 } as const;

/** How far a story is from comfortable reading: 0 inside the band, else the distance to it. */
export function distanceFromComfort(coverage: Coverage): number {
  const share = coverage.knownShare;
  if (share < COMFORT_BAND.low) return COMFORT_BAND.low - share;
  if (share > COMFORT_BAND.high) return share - COMFORT_BAND.high;
  return 0;
}

/** "12 new words · 94 % known": the share rounded down, so 99.6 % is never shown as 100 %. */
export function coverageText(coverage: Coverage): string {
  const words = coverage.newWords === 1 ? 'new word' : 'new words';
  return `${coverage.newWords} ${words} · ${Math.floor(coverage.knownShare * 100)} % known`;
}
