import { describe, expect, it } from 'vitest';
import { FIT_LIMITS, KEY_IN_TEXT, StoryJobParamsSchema } from '../../../src/domain/job';
import { mintFakeGoogleKey } from '../../support/fake-key';

/** Issue 14: the learning words and known words a story job carries into its prompt. */
const base = { topic: 'A rainy day', level: 'N5', length: 'short' } as const;
const word = (i: number) => ({ base: `猫${i}`, reading: 'ねこ' });
const words = (n: number) => Array.from({ length: n }, (_, i) => word(i));

describe('story params: learning words and a known-words target', () => {
  it('keeps up to 20 learning words, 100 known words and a target, and needs none of them', () => {
    const parsed = StoryJobParamsSchema.parse({ ...base, learningWords: words(20), knownTarget: 0.95, knownWords: words(100) });
    expect(parsed.learningWords).toHaveLength(20);
    expect(parsed.knownWords).toHaveLength(100);
    expect(parsed.knownTarget).toBe(0.95);
    const plain = StoryJobParamsSchema.parse(base);
    expect(plain.learningWords).toBeUndefined();
    expect(plain.knownTarget).toBeUndefined();
  });

  it('refuses a 21st learning word, a 101st known word and a target that is not offered', () => {
    expect(StoryJobParamsSchema.safeParse({ ...base, learningWords: words(FIT_LIMITS.learningWords + 1) }).success).toBe(false);
    expect(StoryJobParamsSchema.safeParse({ ...base, knownWords: words(FIT_LIMITS.knownWords + 1) }).success).toBe(false);
    expect(StoryJobParamsSchema.safeParse({ ...base, knownTarget: 0.5 }).success).toBe(false);
  });

  it('bounds each word: a form of at most 24 characters, a reading of at most 48, never empty', () => {
    const long = { base: 'あ'.repeat(FIT_LIMITS.base + 1), reading: '' };
    expect(StoryJobParamsSchema.safeParse({ ...base, learningWords: [long] }).success).toBe(false);
    const longReading = { base: '猫', reading: 'ね'.repeat(FIT_LIMITS.reading + 1) };
    expect(StoryJobParamsSchema.safeParse({ ...base, learningWords: [longReading] }).success).toBe(false);
    expect(StoryJobParamsSchema.safeParse({ ...base, learningWords: [{ base: '', reading: 'ねこ' }] }).success).toBe(false);
    // Controls are stripped like every other untrusted text.
    const cleaned = StoryJobParamsSchema.parse({ ...base, learningWords: [{ base: '猫\u202e', reading: 'ねこ' }] });
    expect(cleaned.learningWords).toEqual([{ base: '猫', reading: 'ねこ' }]);
  });

  it('refuses an API key hidden in a word, with the sentence the form shows', () => {
    const result = StoryJobParamsSchema.safeParse({ ...base, learningWords: [{ base: '猫', reading: mintFakeGoogleKey() }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(KEY_IN_TEXT);
  });
});
