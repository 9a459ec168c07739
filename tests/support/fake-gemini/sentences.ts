import { STORY_N3 } from './story-n3';
import { STORY_N5 } from './story-n5';

/**
 * `n` real sentences for a story the fake can read the words of (annotate tests and the bench):
 * the fixtures' 13 sentences in turn, the N5 story's first, numbered from the second round on so
 * every sentence of a long story is its own (a resumed job must ask for the right ones).
 */
/** A story segment as plain object types (which the app's loose Story schema types accept). */
export type FixtureSentence = {
  jp: string;
  readings: { text: string; reading: string }[];
  en: string;
  imagePrompt: string;
  vocab: { word: string; reading: string; meaning: string }[];
};

export function fixtureSentences(n: number): FixtureSentence[] {
  const all = [...STORY_N5.content, ...STORY_N3.content];
  return Array.from({ length: n }, (_, i) => {
    const segment = all[i % all.length]!;
    const round = Math.floor(i / all.length);
    return round === 0 ? { ...segment } : { ...segment, jp: `${round + 1}回目。${segment.jp}`, readings: [...segment.readings, { text: '回目', reading: 'かいめ' }] };
  });
}
