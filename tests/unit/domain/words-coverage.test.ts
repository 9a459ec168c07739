import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/domain/annotations';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { parseSampleToken } from '../../../src/domain/samples/sample-words';
import type { Token } from '../../../src/domain/tokens';
import { makeWordKey } from '../../../src/domain/words';
import { coverageText, distanceFromComfort } from '../../../src/domain/words-comfort';
import { coverageByStory, coverageOf, knownWords, storyWordKeys, storyWordList } from '../../../src/domain/words-coverage';
import { isRunningWord, tokenWordKey } from '../../../src/domain/words-running';

const STORY_ID = '11111111-1111-4111-8111-111111111111';

function annotation(...sentences: string[][]): Pick<Annotation, 'storyId' | 'segments'> {
  return { storyId: STORY_ID, segments: sentences.map((s) => s.map(parseSampleToken)) };
}

describe('running words', () => {
  it('leaves out punctuation, particles, auxiliaries, the copula, proper names and numbers', () => {
    const words = storyWordList(
      annotation(
        ['田中|たなか|proper noun|Tanaka', 'さん||suffix|Mr', 'は||particle|topic', '3|さん|numeral|three', '匹|ひき|counter|animals', 'の||particle|of'],
        ['猫|ねこ|noun|cat', 'を||particle|object', '見ました|みました|verb|saw|見る|みる', 'です||copula|is', 'ます||auxiliary verb|polite', '。', '「', 'OK'],
      ),
    );
    expect(words.keys).toEqual([makeWordKey('さん', 'さん'), makeWordKey('匹', 'ひき'), makeWordKey('猫', 'ねこ'), makeWordKey('見る', 'みる')]);
    expect(words.total).toBe(4);
  });

  it('uses a closed list of particles and auxiliaries when a token has no part of speech', () => {
    const bare = (surface: string): Token => ({ surface });
    expect(['は', 'を', 'から', 'です', 'ました', '、', '123', '三'].map(bare).filter(isRunningWord)).toEqual([]);
    expect(['猫', 'たべもの', 'コーヒー'].map(bare).every(isRunningWord)).toBe(true);
  });

  it('counts a repeated word each time it is read, as one distinct word', () => {
    const words = storyWordList(annotation(['猫|ねこ|noun|cat', 'が||particle|', '猫|ねこ|noun|cat'], ['猫|ねこ|noun|cat']));
    expect(words.keys).toEqual([makeWordKey('猫', 'ねこ')]);
    expect(words.counts).toEqual([3]);
    expect(words.segments).toEqual([0]);
    expect(words.total).toBe(3);
  });

  it('maps conjugated forms to their dictionary form and its reading', () => {
    const words = storyWordList(
      annotation(
        ['食べました|たべました|verb|ate|食べる|たべる'],
        ['食べて|たべて|verb|eating|食べる|たべる', '食べる|たべる|verb|eat'],
        ['高かった|たかかった|i-adjective|was expensive|高い|たかい'],
      ),
    );
    expect(words.keys).toEqual([makeWordKey('食べる', 'たべる'), makeWordKey('高い', 'たかい')]);
    expect(words.counts).toEqual([3, 1]);
    expect(words.segments).toEqual([0, 2]);
  });

  it('normalises keys: katakana readings to hiragana, full-width forms folded, a base without its reading never takes the surface reading', () => {
    expect(tokenWordKey({ surface: '猫', reading: 'ネコ' })).toBe(makeWordKey('猫', 'ねこ'));
    expect(tokenWordKey({ surface: 'ｺｰﾋｰ' })).toBe(tokenWordKey({ surface: 'コーヒー' }));
    expect(tokenWordKey({ surface: '食べた', reading: 'たべた', base: '食べる' })).toBe(makeWordKey('食べる', ''));
    expect(tokenWordKey({ surface: '今日', reading: 'きょう' })).not.toBe(tokenWordKey({ surface: '今日', reading: 'こんにち' }));
  });

  it('finds words in every bundled sample, and stores them as one hash per distinct key', () => {
    for (const sample of SAMPLE_ANNOTATIONS) {
      const list = storyWordList(sample);
      expect(list.total).toBeGreaterThan(20);
      const stored = storyWordKeys(sample);
      expect(new Set(stored.hashes).size).toBe(list.keys.length);
      expect([...stored.counts]).toEqual(list.counts);
    }
  });
});

describe('coverage', () => {
  const words = storyWordKeys(annotation(['猫|ねこ|noun|cat', '猫|ねこ|noun|cat', '犬|いぬ|noun|dog', '鳥|とり|noun|bird']));

  it('is the share of running words known, and the distinct words not known', () => {
    expect(coverageOf(words, knownWords([makeWordKey('猫', 'ねこ')]))).toEqual({ newWords: 2, knownShare: 0.5 });
    expect(coverageOf(words, knownWords([]))).toEqual({ newWords: 3, knownShare: 0 });
    expect(coverageText(coverageOf(words, knownWords([makeWordKey('猫', 'ねこ'), makeWordKey('犬', 'いぬ')])))).toBe('1 new word · 75 % known');
  });

  it('is left out for a story without running words', () => {
    expect(coverageByStory([storyWordKeys(annotation(['。']))], knownWords([])).size).toBe(0);
  });

  it('rounds the share down, so a story with a word left to learn never reads 100 %', () => {
    expect(coverageText({ newWords: 1, knownShare: 0.996 })).toBe('1 new word · 99 % known');
  });

  it('measures how far a story is from comfortable reading (95–98 % known)', () => {
    expect(distanceFromComfort({ newWords: 3, knownShare: 0.96 })).toBe(0);
    expect(distanceFromComfort({ newWords: 30, knownShare: 0.8 })).toBeCloseTo(0.15);
    expect(distanceFromComfort({ newWords: 0, knownShare: 1 })).toBeCloseTo(0.02);
  });
});
