import { LENGTH_SENTENCES, type StoryLength } from '../domain/levels';
import { AiError } from './errors';

/**
 * Whether a story came back much shorter than the length asked for ("short" asks 5–7 sentences; two
 * is not a short story, it is a broken answer). Below 60 % of the minimum it is treated like other
 * unreadable output: asked again, a bounded number of times. A sentence or two short is normal
 * variation and accepted as it is: asking again would cost a paid call for little.
 */
const SHORT_SHARE = 0.6;

export interface Shortfall {
  sentences: number;
  min: number;
  max: number;
}

/** How far short the story fell, or null when it is long enough to keep without a word. */
export function storyShortfall(story: { readonly content: readonly unknown[] }, length: StoryLength): Shortfall | null {
  const { min, max } = LENGTH_SENTENCES[length];
  const sentences = story.content.length;
  return sentences < Math.ceil(min * SHORT_SHARE) ? { sentences, min, max } : null;
}

const sentencesWord = (n: number) => `${n} sentence${n === 1 ? '' : 's'}`;

/** The invalid-output error a too-short story is retried with; the counts go to the detail. */
export function tooShortError(short: Shortfall): AiError {
  return new AiError('invalid-output', 'story-too-short', "Gemini's story was much shorter than asked. Retry usually works.", {
    detail: `${sentencesWord(short.sentences)}, asked for ${short.min}–${short.max}`,
  });
}

/** What the learner is told about a short story kept after the last try: kept, and why it is short. */
export function shortStoryNote(short: Shortfall): string {
  return `Shorter than asked: Gemini wrote ${sentencesWord(short.sentences)} instead of ${short.min}–${short.max}, even when asked again, so this story was kept as it is.`;
}
