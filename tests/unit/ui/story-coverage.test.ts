import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/domain/annotations';
import { StoryWordsMemo, storyWordsSummary } from '../../../src/ui/reader/story-coverage';

const ANNOTATION: Pick<Annotation, 'storyId' | 'segments'> = {
  storyId: 'a1b2c3d4-0000-4000-8000-000000000001',
  segments: [
    [
      { surface: '猫', reading: 'ねこ', pos: 'noun' },
      { surface: 'が', pos: 'particle' },
      { surface: '魚', reading: 'さかな', pos: 'noun' },
      { surface: 'を', pos: 'particle' },
      { surface: '食べました', reading: 'たべました', base: '食べる', baseReading: 'たべる', pos: 'verb' },
      { surface: '。' },
    ],
    [
      { surface: '猫', reading: 'ねこ', pos: 'noun' },
      { surface: 'は', pos: 'particle' },
      { surface: '食べて', reading: 'たべて', base: '食べる', baseReading: 'たべる', pos: 'verb' },
      { surface: 'いる', pos: 'auxiliary verb' },
    ],
  ],
};

describe('the Reader’s coverage line and "the rest" of a story', () => {
  it('counts running words as the Library does, and the rest as the words neither learning nor known', () => {
    // Running words: 猫 ×2, 魚, 食べる ×2 (five); keys: three.
    const states = { known: new Set(['猫|ねこ']), learning: new Set(['魚|さかな']) };
    expect(storyWordsSummary(ANNOTATION, states)).toEqual({ coverage: { newWords: 2, knownShare: 2 / 5 }, rest: 1 });
    expect(storyWordsSummary(ANNOTATION, undefined)).toEqual({ coverage: { newWords: 3, knownShare: 0 }, rest: 3 });
    expect(storyWordsSummary({ ...ANNOTATION, segments: [null] }, states)).toBeUndefined();
  });

  it('works it out again only when the annotation or the states change', () => {
    const memo = new StoryWordsMemo();
    const annotation = { ...ANNOTATION, updatedAt: 1 } as Annotation;
    const states = { known: new Set<string>(), learning: new Set<string>() };
    const first = memo.of(annotation, states);
    expect(memo.of(annotation, states)).toBe(first);
    expect(memo.of(annotation, { known: new Set(['猫|ねこ']), learning: new Set<string>() })?.coverage.newWords).toBe(2);
    expect(memo.of(undefined, states)).toBeUndefined();
  });
});
