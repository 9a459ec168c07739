import type { GeneratedStory } from './stories';
import { STORY_N3 } from './story-n3';
import { STORY_N5 } from './story-n5';

/**
 * `n` real sentences for a story the fake can read the words of (annotate tests and the bench):
 * the fixtures' 13 sentences in turn, the N5 story's first, numbered from the second round on so
 * every sentence of a long story is its own (a resumed job must ask for the right ones).
 */
export function fixtureSentences(n: number): GeneratedStory['content'] {
  const all = [...STORY_N5.content, ...STORY_N3.content];
  return Array.from({ length: n }, (_, i) => {
    const segment = all[i % all.length]!;
    const round = Math.floor(i / all.length);
    return round === 0 ? { ...segment } : { ...segment, jp: `${round + 1}回目。${segment.jp}`, readings: [...segment.readings, { text: '回目', reading: 'かいめ' }] };
  });
}
