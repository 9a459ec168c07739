import type { WordStateKeys } from '../../db/words-repo';
import type { Annotation } from '../../domain/annotations';
import { type Coverage, compactStoryWords, coverageOf, knownWords, storyWordList } from '../../domain/words-coverage';
import { stateOf } from './word-look';

/** What the Reader says about the open story's words for this learner. */
export interface StoryWordsSummary {
  /** "12 new words · 94 % known", worked out as the Library card does (words-coverage.ts). */
  coverage: Coverage;
  /** Words neither learning nor known: what "Mark the rest … as known" would mark. */
  rest: number;
}

/**
 * From the story's stored tokens (the words the Library counts too); undefined while it has none.
 * Kept for the last annotation and states seen: the page renders far more often than they change.
 */
export class StoryWordsMemo {
  private last: { annotation: Annotation; states: WordStateKeys | undefined; summary: StoryWordsSummary | undefined } | undefined;

  of(annotation: Annotation | undefined, states: WordStateKeys | undefined): StoryWordsSummary | undefined {
    if (!annotation) return undefined;
    if (this.last?.annotation === annotation && this.last.states === states) return this.last.summary;
    const summary = storyWordsSummary(annotation, states);
    this.last = { annotation, states, summary };
    return summary;
  }
}

export function storyWordsSummary(annotation: Pick<Annotation, 'storyId' | 'segments'>, states: WordStateKeys | undefined): StoryWordsSummary | undefined {
  const list = storyWordList(annotation);
  if (list.total === 0) return undefined;
  const coverage = coverageOf(compactStoryWords(list), knownWords(states?.known ?? []));
  const rest = list.keys.filter((key) => stateOf(states, key) === 'new').length;
  return { coverage, rest };
}
