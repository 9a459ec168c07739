import type { WordStateKeys } from '../../db/words-repo';
import type { FuriganaMode } from '../../domain/settings-options';
import type { WordState } from '../../domain/words-key';

/**
 * How one word looks in the Reader from what the learner knows (issue 14): whether its furigana
 * shows, and whether it is marked as a word being learnt. Pure, so the decision is tested per word.
 */
export interface WordLook {
  furigana: boolean;
  learning: boolean;
}

/** A word never set is new. */
export function stateOf(states: WordStateKeys | undefined, key: string): WordState {
  if (states?.known.has(key)) return 'known';
  if (states?.learning.has(key)) return 'learning';
  return 'new';
}

/** "Words not known" hides furigana over known words only: learning words keep theirs. */
export function furiganaShown(mode: FuriganaMode, state: WordState): boolean {
  if (mode === 'none') return false;
  return mode === 'all' || state !== 'known';
}

export function wordLook(mode: FuriganaMode, highlightLearning: boolean, state: WordState): WordLook {
  return { furigana: furiganaShown(mode, state), learning: highlightLearning && state === 'learning' };
}

/** The look of every word of a story, by key, for one render. */
export function lookByKey(mode: FuriganaMode, highlightLearning: boolean, states: WordStateKeys | undefined): (key: string) => WordLook {
  return (key) => wordLook(mode, highlightLearning, stateOf(states, key));
}
