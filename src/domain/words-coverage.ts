import type { Annotation } from './annotations';
import { wordKeyHash } from './words-key';
import { isRunningWord, tokenWordKey } from './words-running';

/** A story's running words as word keys: distinct keys in order of first appearance, with counts. */
export interface StoryWordList {
  storyId: string;
  keys: string[];
  /** How many times each key occurs (same index as `keys`). */
  counts: number[];
  /** The sentence each key first occurs in (same index), for where a word was first met. */
  segments: number[];
  /** Running words in the story: the sum of `counts`. */
  total: number;
}

/** Each story's running-word keys with counts; repeated words count each time. */
export function storyWordList(annotation: Pick<Annotation, 'storyId' | 'segments'>): StoryWordList {
  const index = new Map<string, number>();
  const list: StoryWordList = { storyId: annotation.storyId, keys: [], counts: [], segments: [], total: 0 };
  for (const [segment, tokens] of annotation.segments.entries()) {
    for (const token of tokens ?? []) {
      if (!isRunningWord(token)) continue;
      const key = tokenWordKey(token);
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, list.keys.length);
        list.keys.push(key);
        list.counts.push(1);
        list.segments.push(segment);
      } else list.counts[at] = (list.counts[at] ?? 0) + 1;
      list.total++;
    }
  }
  return list;
}

/**
 * A story's row in `storyWords`, computed once when its tokens are written, so coverage is a
 * lookup against the known set, never a parse. Keys are stored as their hashes (wordKeyHash) in
 * typed arrays: the Library reads every story's row, and a read of strings would take most of its
 * budget. The keys themselves come from the annotation when needed (markStoryKnown).
 */
export interface StoryWords {
  storyId: string;
  hashes: Float64Array;
  counts: Uint32Array;
  total: number;
}

export function compactStoryWords(list: StoryWordList): StoryWords {
  return { storyId: list.storyId, hashes: Float64Array.from(list.keys, wordKeyHash), counts: Uint32Array.from(list.counts), total: list.total };
}

/** The stored row for a story's annotation. */
export function storyWordKeys(annotation: Pick<Annotation, 'storyId' | 'segments'>): StoryWords {
  return compactStoryWords(storyWordList(annotation));
}

/** The known words as the lookup needs them. */
export interface KnownWords {
  hashes: ReadonlySet<number>;
}

export function knownWords(keys: Iterable<string>): KnownWords {
  const hashes = new Set<number>();
  for (const key of keys) hashes.add(wordKeyHash(key));
  return { hashes };
}

export interface Coverage {
  /** Distinct words of the story the learner does not know yet. */
  newWords: number;
  /** Known running words / running words, 0…1. */
  knownShare: number;
}

export function coverageOf(words: StoryWords, known: KnownWords): Coverage {
  let newWords = 0;
  let knownRunning = 0;
  for (let i = 0; i < words.hashes.length; i++) {
    if (known.hashes.has(words.hashes[i] as number)) knownRunning += words.counts[i] ?? 0;
    else newWords++;
  }
  return { newWords, knownShare: words.total > 0 ? knownRunning / words.total : 0 };
}

/** Coverage of every story that has words, by story id. */
export function coverageByStory(all: readonly StoryWords[], known: KnownWords): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const words of all) if (words.total > 0) out.set(words.storyId, coverageOf(words, known));
  return out;
}
